// Batch throughput (README "Batch generation"): 10 metrics × 1,000,000 samples through the
// engine and a writer to /dev/null, in samples (values written) per second.
#include <benchmark/benchmark.h>

#include <memory>

#include "batch/batch_runner.h"
#include "batch/csv_writer.h"
#include "batch/openmetrics_writer.h"
#include "batch/output_stream.h"
#include "config/yaml_config_loader.h"
#include "signal/generator_registry.h"

namespace promsynth {
namespace {

/// Ten gauges: four seed-001 pipelines (constant → noise → step_size → round), three sines, three
/// uniforms; with `all_uniform`, ten uniforms (no value repeats: no help from the CSV writer's memo).
std::string TenMetrics(bool all_uniform = false) {
  std::string yaml = "global: {seed: 1, tick: 1s}\nmetrics:\n";
  for (int i = 0; i < 10; ++i) {
    yaml +=
        "  - name: bench_metric_" + std::to_string(i) + "\n    help: A benchmark metric.\n    generator: ";
    if (all_uniform) {
      yaml += "{kind: uniform, low: 0, high: 100}\n";
    } else if (i < 4) {
      yaml +=
          "{kind: constant, value: 60, stages: [{noise: {distribution: gaussian, scale: 1}}, "
          "{step_size: 0.1}, {round: 6}]}\n";
    } else if (i < 7) {
      yaml += "{kind: sine, amplitude: 10, period: 1h, offset: 50}\n";
    } else {
      yaml += "{kind: uniform, low: 0, high: 100}\n";
    }
  }
  return yaml;
}

template <typename Writer>
void BM_Batch(benchmark::State& state) {
  const Config config = ParseYamlConfig(TenMetrics(state.range(1) != 0), "bench.yml");
  const GeneratorRegistry registry = GeneratorRegistry::WithBuiltins();
  const BatchRange range{1'700'000'000'000, 1000, state.range(0)};
  for (auto _ : state) {
    Engine engine(config, registry);
    OutputStream out("/dev/null");
    Writer writer(out);
    BatchSink* sinks[] = {&writer};
    // As `promsynth generate` runs it: more engines for a time split when the run allows one.
    RunBatch(engine, range, sinks, nullptr, [&] { return std::make_unique<Engine>(config, registry); });
  }
  state.SetItemsProcessed(state.iterations() * range.samples * 10);
}

// Arguments: samples, and 1 for ten uniform gauges instead of the seed-001 mix.
BENCHMARK_TEMPLATE(BM_Batch, CsvWriter)
    ->Args({1'000'000, 0})
    ->Args({1'000'000, 1})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_TEMPLATE(BM_Batch, OpenMetricsWriter)
    ->Args({1'000'000, 0})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace promsynth
