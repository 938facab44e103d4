// Batch throughput (README "Batch generation"): 10 metrics × 1,000,000 samples through the
// engine and a writer to /dev/null, in samples (values written) per second.
#include <benchmark/benchmark.h>

#include "batch/batch_runner.h"
#include "batch/csv_writer.h"
#include "batch/openmetrics_writer.h"
#include "batch/output_stream.h"
#include "config/yaml_config_loader.h"
#include "signal/generator_registry.h"

namespace promsynth {
namespace {

/// Ten gauges: four seed-001 pipelines (constant → noise → step_size → round), three sines, three uniforms.
std::string TenMetrics() {
  std::string yaml = "global: {seed: 1, tick: 1s}\nmetrics:\n";
  for (int i = 0; i < 10; ++i) {
    yaml +=
        "  - name: bench_metric_" + std::to_string(i) + "\n    help: A benchmark metric.\n    generator: ";
    if (i < 4) {
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
  const Config config = ParseYamlConfig(TenMetrics(), "bench.yml");
  const GeneratorRegistry registry = GeneratorRegistry::WithBuiltins();
  const BatchRange range{1'700'000'000'000, 1000, state.range(0)};
  for (auto _ : state) {
    Engine engine(config, registry);
    OutputStream out("/dev/null");
    Writer writer(out);
    BatchSink* sinks[] = {&writer};
    RunBatch(engine, range, sinks);
  }
  state.SetItemsProcessed(state.iterations() * range.samples * 10);
}

BENCHMARK_TEMPLATE(BM_Batch, CsvWriter)->Arg(1'000'000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_TEMPLATE(BM_Batch, OpenMetricsWriter)->Arg(1'000'000)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace promsynth
