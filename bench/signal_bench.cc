// Cost of each generator kind and stage per series and tick, over a family of 100,000 series.
// The "ns_per_series" counter is the figure to read: seconds per series and tick (Google Benchmark
// prints it with an SI prefix, e.g. "5.1n" for 5.1 ns); the stage benchmarks include the
// constant baseline they run on (about 0.1 ns).

#include <benchmark/benchmark.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "config/config.h"
#include "signal/generator_registry.h"

namespace promsynth {
namespace {

constexpr size_t kSeries = 100000;

GeneratorParam Number(double value) { return {GeneratorParam::Kind::kNumber, value, "", {}, {}}; }
GeneratorParam Text(std::string value) { return {GeneratorParam::Kind::kText, 0, std::move(value), {}, {}}; }

GeneratorConfig Kind(std::string kind, std::map<std::string, GeneratorParam> params = {}) {
  GeneratorConfig config;
  config.kind = std::move(kind);
  config.params = std::move(params);
  return config;
}

GeneratorConfig WithStage(std::string stage, std::map<std::string, GeneratorParam> params) {
  GeneratorConfig config = Kind("constant", {{"value", Number(10)}});
  config.stages.push_back(Kind(std::move(stage), std::move(params)));
  return config;
}

void Run(benchmark::State& state, const GeneratorConfig& config) {
  const auto registry = GeneratorRegistry::WithBuiltins();
  auto generator = registry.Make(config, "bench", kSeries);
  std::vector<StreamKey> keys(kSeries);
  for (size_t i = 0; i < kSeries; ++i) keys[i] = Mix64(i + 1);
  std::vector<double> out(kSeries);
  int64_t tick = 1'700'000'000;
  for (auto _ : state) {
    generator->Fill({tick, tick * 1000, 1000}, keys, out);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
    ++tick;
  }
  state.counters["ns_per_series"] =
      benchmark::Counter(static_cast<double>(state.iterations()) * static_cast<double>(kSeries),
                         benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

void Register(const std::string& name, GeneratorConfig config) {
  benchmark::RegisterBenchmark(name.c_str(), [config](benchmark::State& state) {
    Run(state, config);
  })->Unit(benchmark::kMicrosecond);
}

int RegisterAll() {
  Register("constant", Kind("constant", {{"value", Number(1)}}));
  Register("uniform", Kind("uniform"));
  Register("gaussian", Kind("gaussian"));
  Register("lognormal", Kind("lognormal"));
  Register("exponential", Kind("exponential"));
  Register("logistic", Kind("logistic"));
  Register("laplace", Kind("laplace"));
  Register("sine", Kind("sine"));
  Register("square", Kind("square"));
  Register("sawtooth", Kind("sawtooth"));
  Register("triangle", Kind("triangle"));
  Register("pulse", Kind("pulse"));
  Register("ramp", Kind("ramp", {{"start", Text("2026-01-01T00:00:00Z")}}));
  Register("values",
           Kind("values", {{"values", {GeneratorParam::Kind::kNumberList, 0, "", {1, 2, 3, 4}, {}}}}));
  Register("series", Kind("series", {{"values", Text("1+1x10 _ stale")}, {"mode", Text("loop")}}));
  Register("random_walk", Kind("random_walk", {{"min", Number(-100)}, {"max", Number(100)}}));
  GeneratorConfig sum = Kind("sum");
  sum.terms = {Kind("sine"), Kind("gaussian")};
  Register("sum(sine,gaussian)", sum);
  GeneratorConfig scale = Kind("scale", {{"factor", Number(2)}});
  scale.input = {Kind("sine")};
  Register("scale(sine)", scale);
  Register("stage:anomaly", WithStage("anomaly", {{"pattern", Text("step")},
                                                  {"factor", Number(2)},
                                                  {"recovery_time", Number(1000)},
                                                  {"every", Number(1000)}}));
  Register("stage:anomaly(every=1h)", WithStage("anomaly", {{"pattern", Text("linear")},
                                                            {"factor", Number(2)},
                                                            {"recovery_time", Number(100)},
                                                            {"every", Text("1h")}}));
  Register("stage:noise", WithStage("noise", {{"scale", Number(1)}}));
  Register("stage:noise(smoothing_window=5)", WithStage("noise", {{"smoothing_window", Number(5)}}));
  Register("stage:step_size", WithStage("step_size", {{"value", Number(0.1)}}));
  Register("stage:round", WithStage("round", {{"value", Number(6)}}));
  Register("stage:clamp", WithStage("clamp", {{"min", Number(0)}, {"max", Number(5)}}));
  return 0;
}

const int kRegistered = RegisterAll();

}  // namespace
}  // namespace promsynth
