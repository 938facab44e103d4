#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "config/source_location.h"

namespace promsynth {

/// One `[anomalies.<metric>]` table of a seed-001 file (`specs/chaos.md` §B.5).
struct ChaosAnomaly {
  int64_t at = 0;                   ///< 0-based index of the window's first sample
  double factor = 1;                ///< `anomaly_factor`: the multiplier at the onset
  std::string pattern;              ///< linear | exponential | oscillating | step
  int64_t recovery_time = 0;        ///< R, the window's length in samples (0: no anomaly at all)
  std::optional<double> frequency;  ///< `pattern_args.frequency`, radians per sample (default 3)
  SourceLocation location;
};

/// One `[metrics.<name>]` table of a seed-001 file (§B.2–B.4).
struct ChaosMetric {
  std::string name;
  double value = 0;      ///< the constant baseline
  double step_size = 0;  ///< quantisation grid; 0 = none
  std::string noise;     ///< gaussian | uniform | exponential | logistic | laplace; empty = no noise
  /// `noise_args` without `smoothing_window`, numpy's names (loc, scale, low, high), in file order.
  std::vector<std::pair<std::string, double>> noise_args;
  int64_t smoothing_window = 1;  ///< w of the centred moving average; 1 = no smoothing
  std::optional<ChaosAnomaly> anomaly;
  SourceLocation location;
};

/// A whole seed-001 chaos-experiment config, validated: every case where the original fails or
/// produces NaN has already been refused with the TOML line. Plain data.
struct ChaosConfig {
  std::string source_file;
  uint64_t seed = 0;            ///< `general.seed`; 0 means "random" (see `seed_is_random`)
  bool seed_is_random = false;  ///< the file gave no seed or seed 0: the caller picks one
  int64_t num_samples = 0;      ///< rows of the output
  /// `general.independent_noise` (promsynth's addition): each metric its own noise stream instead
  /// of the original's one stream shared by every metric.
  bool independent_noise = false;
  std::vector<ChaosMetric> metrics;  ///< in the file's order
};

/// Whether `text` looks like a seed-001 TOML file: a `[general]` and a `[metrics]` table.
bool LooksLikeChaosToml(std::string_view text);

/// Parses and validates a seed-001 TOML file with toml++. `file_name` appears in errors.
/// Throws ConfigErrors (file, line, column, key, value, what is allowed) for a TOML syntax error
/// and wherever the original would fail or write NaN: a missing `general.num_samples` or
/// `[anomalies]`, an unknown noise or pattern, `noise` without `noise_args`, a noise argument
/// numpy does not take, a negative scale, `smoothing_window` 0 or above num_samples,
/// `at + recovery_time > num_samples`, exponential with R < 2, an invalid metric name.
ChaosConfig ParseChaosToml(std::string_view text, const std::string& file_name);

/// When the file asks for a random seed, picks one from 1 to 1000 (the original's randint(0, 1000),
/// without 0, which would mean "random" again when written back) and returns true.
bool ChooseRandomSeed(ChaosConfig& config);

/// Reads and parses a seed-001 TOML file; throws ConfigErrors also when it cannot be read.
ChaosConfig LoadChaosTomlFile(const std::string& path);

}  // namespace promsynth
