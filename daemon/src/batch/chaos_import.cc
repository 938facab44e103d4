#include "batch/chaos_import.h"

#include <algorithm>

#include "compat/python_float_format.h"

namespace promsynth {
namespace {

std::string Number(double value) { return compat::FormatPythonFloat(value); }

}  // namespace

std::string ChaosToYaml(const ChaosConfig& config) {
  std::string out;
  out += "# promsynth config converted from " + config.source_file +
         " (a seed-001 chaos-experiment TOML file)\n"
         "# by `promsynth import chaos`. Row i of the original's metrics.csv is tick i: i seconds after\n"
         "# the Unix epoch. The same metrics.csv (and metrics.png) offline:\n"
         "#   promsynth generate --config.file THIS_FILE --samples " +
         std::to_string(config.num_samples) + " -o output\n";
  if (config.seed_is_random) {
    out += "# The TOML file asks for a random seed (seed 0 or none); this conversion chose " +
           std::to_string(config.seed) + ".\n";
  }
  out += std::string("# Noise: ") +
         (config.independent_noise
              ? "independent per metric (general.independent_noise = true).\n"
              : "one stream shared by every metric (seed: on each noise stage), as in the original;\n"
                "# delete those seed: lines (or set independent_noise = true) for independent noise.\n");
  out += "global:\n  seed: " + std::to_string(config.seed) + "\n  tick: 1s\nmetrics:\n";
  for (const ChaosMetric& metric : config.metrics) {
    out += "  - name: " + metric.name + "\n    type: gauge\n";
    out +=
        "    help: \"" + metric.name + " (seed-001 chaos metric, baseline " + Number(metric.value) + ")\"\n";
    out += "    generator:\n      kind: constant\n      value: " + Number(metric.value) + "\n";
    std::vector<std::string> stages;
    if (metric.anomaly && metric.anomaly->recovery_time > 0) {
      const ChaosAnomaly& anomaly = *metric.anomaly;
      std::string stage = "anomaly: {pattern: " + anomaly.pattern + ", factor: " + Number(anomaly.factor) +
                          ", recovery_time: " + std::to_string(anomaly.recovery_time) +
                          ", at: " + std::to_string(anomaly.at);
      // The original reads frequency only for oscillating.
      if (anomaly.pattern == "oscillating" && anomaly.frequency)
        stage += ", frequency: " + Number(*anomaly.frequency);
      stages.push_back(stage + "}");
    }
    if (!metric.noise.empty()) {
      std::string stage = "noise: {distribution: " + metric.noise;
      std::vector<std::pair<std::string, double>> args = metric.noise_args;
      // numpy draws low + (high − low)·u, so low > high is the same distribution with the bounds swapped.
      auto low = std::find_if(args.begin(), args.end(), [](const auto& arg) { return arg.first == "low"; });
      auto high = std::find_if(args.begin(), args.end(), [](const auto& arg) { return arg.first == "high"; });
      const double low_value = low != args.end() ? low->second : 0.0;
      const double high_value = high != args.end() ? high->second : 1.0;
      if (low_value > high_value) {
        args.erase(std::remove_if(args.begin(), args.end(),
                                  [](const auto& arg) { return arg.first == "low" || arg.first == "high"; }),
                   args.end());
        args.emplace_back("low", high_value);
        args.emplace_back("high", low_value);
      }
      for (const auto& [name, value] : args) stage += ", " + name + ": " + Number(value);
      if (metric.smoothing_window != 1)
        stage += ", smoothing_window: " + std::to_string(metric.smoothing_window);
      stage += ", samples: " + std::to_string(config.num_samples);
      if (!config.independent_noise) stage += ", seed: " + std::to_string(config.seed);
      stages.push_back(stage + "}");
    }
    if (metric.step_size != 0) stages.push_back("step_size: " + Number(metric.step_size));
    stages.push_back("round: 6");
    out += "      stages:\n";
    for (const std::string& stage : stages) out += "        - " + stage + "\n";
  }
  return out;
}

BatchRange ChaosRange(const ChaosConfig& config) { return {0, 1000, config.num_samples}; }

}  // namespace promsynth
