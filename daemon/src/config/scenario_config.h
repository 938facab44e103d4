#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/source_location.h"
#include "util/duration.h"

namespace promsynth {

/// What a metric does while a scenario holds it in error (its error window: from its start
/// offset to the end of the scenario).
enum class ScenarioEffect {
  kPin,           ///< the netops shape: isolated spikes to `value`, then pinned to `value` (last ≈48 %)
  kSpike,         ///< every value × `value` (the factor)
  kDrop,          ///< every value × `value` (the factor, default 0: drops to zero)
  kFlatline,      ///< every value held at the last value before the window
  kGap,           ///< no sample at all (gauges only): Prometheus marks the series stale
  kCounterReset,  ///< the running total restarts from 0 on the window's first tick (counters only)
};

/// How one metric behaves when a scenario of its group puts it in error: `metrics:` of a group.
struct ScenarioMetricConfig {
  std::string metric;  ///< the metric's name as exported (namespace and `_total` included)
  ScenarioEffect effect = ScenarioEffect::kPin;
  double value = 0;  ///< pin: the peak value; spike, drop: the factor
  SourceLocation location;
};

/// One scenario of a group: how long it lasts, which metrics it puts in error when, and when it
/// starts besides the group's random hazard.
struct GroupScenarioConfig {
  std::string name;
  /// Mean duration in ticks: E = int(gauss(length, 0.1·length)) from the group's generator.
  double length = 0;
  /// Start offset in ticks from the scenario's start, indexed like the group's `metrics`; empty
  /// for a metric this scenario leaves alone. All metrics end together, at E.
  std::vector<std::optional<double>> offsets;
  std::optional<Millis> at;     ///< scheduled: starts this long after the configuration is loaded
  std::optional<Millis> every;  ///< scheduled: and again every period after `at` (or after 0)
  SourceLocation location;
};

/// A scenario group (the netops generator's "device"): on each global tick when no scenario of
/// the group runs, one starts with probability `error_rate`, chosen uniformly; scheduled
/// scenarios start on their ticks. The draws follow the original netops generator exactly
/// (Python's Mersenne Twister seeded with `seed`), so a group configured like a seed-000 device
/// has the same timeline tick for tick.
struct ScenarioGroupConfig {
  std::string name;
  double error_rate = 0;  ///< per-tick start hazard in [0, 1]; 0: only scheduled or API starts
  uint64_t seed = 42;     ///< the original's fixed Random(42); groups with the same seed share a timeline
  std::vector<ScenarioMetricConfig> metrics;
  std::vector<GroupScenarioConfig> scenarios;
  SourceLocation location;
};

}  // namespace promsynth
