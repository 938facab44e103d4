// Micro-benchmarks of the hot paths: one tick of a family, one full render, building an engine.
#include <benchmark/benchmark.h>

#include <string>

#include "config/yaml_config_loader.h"
#include "engine/engine.h"
#include "expo/openmetrics_renderer.h"
#include "expo/text_renderer.h"

namespace promsynth {
namespace {

/// The peers' shape: one family of `series` series with 7 labels (6 constant, one range).
/// `settings` are the type's own keys, e.g. `generator: {kind: uniform}`, one per line.
std::string PeerShapedFamily(int64_t series, const std::string& type, const std::string& settings) {
  return "global: {seed: 1, tick: 1s}\nmetrics:\n  - name: peer_metric_0\n    type: " + type +
         "\n    help: A peer metric.\n    labels: {cycle_id: \"0\", label_key_0: label_val_0, label_key_1: "
         "label_val_1, label_key_2: label_val_2, label_key_3: label_val_3, label_key_4: label_val_4, "
         "series_id: "
         "\"0.." +
         std::to_string(series - 1) + "\"}\n    " + settings + "\n";
}

std::string PeerShapedConfig(int64_t series, const std::string& type, const std::string& generator) {
  return PeerShapedFamily(series, type, "generator: " + generator);
}

const GeneratorRegistry& Registry() {
  static const GeneratorRegistry registry = GeneratorRegistry::WithBuiltins();
  return registry;
}

void TickBenchmark(benchmark::State& state, const std::string& type, const std::string& generator) {
  Engine engine(ParseYamlConfig(PeerShapedConfig(state.range(0), type, generator), "bench.yml"), Registry());
  int64_t now = 1'700'000'000'000;
  for (auto _ : state) {
    engine.Step(now);
    now += 1000;
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.counters["ns_per_series"] =
      benchmark::Counter(static_cast<double>(state.iterations() * state.range(0)),
                         benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

/// One tick (and, with `publish`, one snapshot with its gaps) of a family of `type` with `settings`.
void TypeBenchmark(benchmark::State& state, const std::string& type, const std::string& settings,
                   bool publish = false) {
  Engine engine(ParseYamlConfig(PeerShapedFamily(state.range(0), type, settings), "bench.yml"), Registry());
  int64_t now = 1'700'000'000'000;
  for (auto _ : state) {
    engine.Step(now);
    if (publish) benchmark::DoNotOptimize(engine.Publish());
    now += 1000;
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.counters["ns_per_series"] =
      benchmark::Counter(static_cast<double>(state.iterations() * state.range(0)),
                         benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

void BM_TickCounterRateWithResets(benchmark::State& state) {
  TypeBenchmark(state, "counter",
                "mode: rate\n    resets: {every: 1h}\n    generator: {kind: uniform, high: 10}");
}
void BM_TickCounterTotal(benchmark::State& state) {
  TypeBenchmark(state, "counter", "mode: total\n    generator: {kind: sawtooth, amplitude: 50, offset: 50}");
}
void BM_TickHistogramOneObservation(benchmark::State& state) {
  TypeBenchmark(state, "histogram", "observations: {kind: exponential, scale: 0.2}");
}
void BM_TickHistogramFiveObservations(benchmark::State& state) {
  TypeBenchmark(state, "histogram",
                "observations: {kind: exponential, scale: 0.2}\n    observations_per_tick: 5");
}
void BM_TickSummaryOneMinuteWindow(benchmark::State& state) {
  TypeBenchmark(
      state, "summary",
      "observations: {kind: exponential, scale: 0.2}\n    window: 1m\n    observations_per_tick: 2");
}
void BM_TickAndPublishGaugeWithGaps(benchmark::State& state) {
  TypeBenchmark(
      state, "gauge",
      "generator: {kind: uniform, high: 100}\n    gaps: {drop_probability: 0.05, nan_probability: 0.01}",
      true);
}
void BM_TickAndPublishGaugeWithoutGaps(benchmark::State& state) {
  TypeBenchmark(state, "gauge", "generator: {kind: uniform, high: 100}", true);
}
BENCHMARK(BM_TickCounterRateWithResets)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TickCounterTotal)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TickHistogramOneObservation)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TickHistogramFiveObservations)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TickSummaryOneMinuteWindow)->Arg(10'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TickAndPublishGaugeWithGaps)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TickAndPublishGaugeWithoutGaps)->Arg(100'000)->Unit(benchmark::kMillisecond);

void BM_TickUniformGauge(benchmark::State& state) {
  TickBenchmark(state, "gauge", "{kind: uniform, high: 100}");
}
void BM_TickGaussianGauge(benchmark::State& state) {
  TickBenchmark(state, "gauge", "{kind: gaussian, mu: 50, sigma: 10}");
}
void BM_TickUniformCounter(benchmark::State& state) {
  TickBenchmark(state, "counter", "{kind: uniform, high: 10}");
}
void BM_TickSine(benchmark::State& state) { TickBenchmark(state, "gauge", "{kind: sine, period: 60s}"); }
/// One tick of the macro benchmark's mix (bench/make-config.sh N mix): 10 families, 4 uniform
/// gauges, 3 gaussian gauges and 3 uniform counters; the goal at 1,000,000 series is 20 ms.
void BM_TickMix(benchmark::State& state) {
  std::string config = "global: {seed: 1, tick: 1s}\nmetrics:\n";
  const std::string per_family = std::to_string(state.range(0) / 10 - 1);
  for (int f = 0; f < 10; ++f) {
    const char* kinds[] = {"gauge\n    generator: {kind: uniform, low: 0, high: 100}",
                           "gauge\n    generator: {kind: gaussian, mu: 50, sigma: 10}",
                           "counter\n    generator: {kind: uniform, low: 0, high: 10}"};
    config +=
        "  - name: peer_metric_" + std::to_string(f) +
        "\n    labels: {cycle_id: \"0\", label_key_0: label_val_0, label_key_1: label_val_1, label_key_2: "
        "label_val_2, label_key_3: label_val_3, label_key_4: label_val_4, series_id: \"0.." +
        per_family + "\"}\n    type: " + kinds[f % 3] + "\n";
  }
  Engine engine(ParseYamlConfig(config, "bench.yml"), Registry());
  int64_t now = 1'700'000'000'000;
  for (auto _ : state) {
    engine.Step(now);
    now += 1000;
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_TickMix)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

BENCHMARK(BM_TickUniformGauge)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TickGaussianGauge)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TickUniformCounter)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TickSine)->Arg(100'000)->Unit(benchmark::kMillisecond);

/// Counts bytes without keeping them: the render cost alone, no socket.
class CountingSink final : public ByteSink {
 public:
  bool Write(std::string_view bytes) override {
    bytes_ += bytes.size();
    return true;
  }
  size_t bytes_ = 0;
};

void BM_RenderPerSeries(benchmark::State& state) {
  Engine engine(
      ParseYamlConfig(PeerShapedConfig(state.range(0), "gauge", "{kind: uniform, high: 100}"), "b.yml"),
      Registry());
  engine.Step(1'700'000'000'000);
  const auto snapshot = engine.Publish();
  TextRenderer renderer;
  size_t bytes = 0;
  for (auto _ : state) {
    CountingSink sink;
    renderer.RenderSnapshot(*snapshot, sink);
    renderer.Flush(sink);
    bytes = sink.bytes_;
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["ns_per_series"] =
      benchmark::Counter(static_cast<double>(state.iterations() * state.range(0)),
                         benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_RenderPerSeries)->Arg(100'000)->Unit(benchmark::kMillisecond);

// The same gauges in OpenMetrics (values in shortest round-trip digits rather than %.16g).
void BM_RenderOpenMetricsPerSeries(benchmark::State& state) {
  Engine engine(
      ParseYamlConfig(PeerShapedConfig(state.range(0), "gauge", "{kind: uniform, high: 100}"), "b.yml"),
      Registry());
  engine.Step(1'700'000'000'000);
  const auto snapshot = engine.Publish();
  OpenMetricsRenderer renderer;
  size_t bytes = 0;
  for (auto _ : state) {
    CountingSink sink;
    renderer.RenderSnapshot(*snapshot, sink);
    renderer.Finish(sink);
    bytes = sink.bytes_;
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["ns_per_series"] =
      benchmark::Counter(static_cast<double>(state.iterations() * state.range(0)),
                         benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_RenderOpenMetricsPerSeries)->Arg(100'000)->Unit(benchmark::kMillisecond);

void BM_RenderHistogramPerSeries(benchmark::State& state) {
  // Default buckets: 11 finite bounds, so 14 sample lines per series.
  Engine engine(ParseYamlConfig(PeerShapedFamily(state.range(0), "histogram",
                                                 "observations: {kind: exponential, scale: 0.2}"),
                                "b.yml"),
                Registry());
  for (int64_t k = 0; k < 5; ++k) engine.Step(1'700'000'000'000 + k * 1000);
  const auto snapshot = engine.Publish();
  TextRenderer renderer;
  size_t bytes = 0;
  for (auto _ : state) {
    CountingSink sink;
    renderer.RenderSnapshot(*snapshot, sink);
    renderer.Flush(sink);
    bytes = sink.bytes_;
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["ns_per_series"] =
      benchmark::Counter(static_cast<double>(state.iterations() * state.range(0)),
                         benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_RenderHistogramPerSeries)->Arg(10'000)->Unit(benchmark::kMillisecond);

void BM_BuildEngine(benchmark::State& state) {
  const Config config =
      ParseYamlConfig(PeerShapedConfig(state.range(0), "gauge", "{kind: uniform, high: 100}"), "b.yml");
  for (auto _ : state) {
    Engine engine(config, Registry());
    benchmark::DoNotOptimize(engine.series_count());
  }
}
BENCHMARK(BM_BuildEngine)->Arg(100'000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace promsynth
