#pragma once

#include <string>
#include <vector>

#include "batch/batch_runner.h"
#include "batch/chaos_config.h"
#include "batch/chaos_import.h"
#include "config/yaml_config_loader.h"
#include "signal/generator_registry.h"

namespace promsynth::testing {

/// The seed's example config (seed 001_9c4d599144705030.txt), as the seed states it.
inline constexpr const char* kSeedExampleToml = R"(# Configuration for chaos experiment data generator

[general]
num_samples = 150
seed = 42

[metrics]

    [metrics.instances]
    value = 4
    step_size=1
    noise = "exponential"
    noise_args = {"scale" = 0.48, "smoothing_window" = 30}

    [metrics.cpu_usage]
    value = 60
    step_size=0.1
    noise = "gaussian"
    noise_args = {"loc" = 0, "scale" = 1, "smoothing_window" = 10}

    [metrics.memory_usage_mb]
    value = 2000
    step_size=0.01
    noise = "logistic"
    noise_args = {"loc" = 0, "scale" = 10, "smoothing_window" = 60}

    [metrics.response_time_s]
    value = 0.006
    step_size=0.00001
    noise = "exponential"
    noise_args = {"scale" = 0.0001, "smoothing_window" = 1}

[anomalies]

    [anomalies.instances]
    at = 40
    anomaly_factor = 2
    pattern = "step"
    recovery_time = 20

    [anomalies.cpu_usage]
    at = 35
    anomaly_factor = 1.3
    pattern = "exponential"
    recovery_time = 30

    [anomalies.memory_usage_mb]
    at = 10
    anomaly_factor = 0.4
    pattern = "oscillating"
    recovery_time = 40
    pattern_args = {"frequency" = 0.3}

    [anomalies.response_time_s]
    at = 12
    anomaly_factor = 2
    pattern = "oscillating"
    recovery_time = 50
    pattern_args = {"frequency" = 0.25}
)";

/// Keeps every row of a batch run.
class CapturingSink final : public BatchSink {
 public:
  void Begin(const SeriesLayout& layout, const BatchRange& run) override {
    series = layout.series_count;
    range = run;
  }
  void Row(int64_t /*k*/, int64_t time_ms, std::span<const double> values) override {
    times.push_back(time_ms);
    rows.emplace_back(values.begin(), values.end());
  }
  void End() override { ended = true; }

  size_t series = 0;
  BatchRange range;
  std::vector<int64_t> times;
  std::vector<std::vector<double>> rows;
  bool ended = false;
};

/// Runs a promsynth config over `range` and returns the rows.
inline std::vector<std::vector<double>> RunConfig(const Config& config, const BatchRange& range) {
  const GeneratorRegistry registry = GeneratorRegistry::WithBuiltins();
  Engine engine(config, registry);
  CapturingSink sink;
  BatchSink* sinks[] = {&sink};
  RunBatch(engine, range, sinks);
  return sink.rows;
}

/// Runs a seed-001 TOML text through the batch path (TOML → promsynth YAML → Engine).
inline std::vector<std::vector<double>> RunChaos(const std::string& toml, bool independent_noise = false) {
  ChaosConfig chaos = ParseChaosToml(toml, "test.toml");
  chaos.independent_noise = chaos.independent_noise || independent_noise;
  ChooseRandomSeed(chaos);
  return RunConfig(ParseYamlConfig(ChaosToYaml(chaos), "test.yml"), ChaosRange(chaos));
}

/// Column `c` of `rows`.
inline std::vector<double> Column(const std::vector<std::vector<double>>& rows, size_t c) {
  std::vector<double> column;
  for (const auto& row : rows) column.push_back(row[c]);
  return column;
}

}  // namespace promsynth::testing
