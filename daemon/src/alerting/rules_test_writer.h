#pragma once

#include <cstddef>
#include <string>

#include "config/config.h"
#include "signal/generator_registry.h"
#include "util/duration.h"

namespace promsynth {

/// What `promsynth rules --tests` puts into the promtool test file.
struct RulesTestOptions {
  Millis duration{std::chrono::minutes(15)};  ///< the time range covered, from the epoch (time 0)
  size_t max_series_per_family = 10;          ///< the first series of each alerted family
  size_t max_eval_times_per_alert = 40;       ///< where the alert's firing set changes, then spread
  std::string rules_file = "rules.yml";       ///< `rule_files:` entry, relative to the test file
};

/// A `promtool test rules` file for the alerts of `config`: the input series are the values the
/// real Engine computes for the alerted families from time 0 (the epoch, promtool's start) with
/// `interval` = `evaluation_interval` = the global tick, written in promtool notation; the
/// expected alerts at each chosen evaluation time follow from the same values, the thresholds
/// and `for` (AlertState), with labels and annotations expanded as Prometheus would. Evaluation
/// times are where some alert starts or stops firing and the tick before (which pins `for`),
/// plus the first and last tick. Throws
/// ConfigErrors when an engine cannot be built.
std::string RenderRulesTestFile(const Config& config, const GeneratorRegistry& registry,
                                const RulesTestOptions& options);

/// Promtool's series notation for `values`: each value as its shortest exact decimal (the stale
/// marker as `stale`), runs of one finite value as `vxN` (N + 1 samples).
std::string PromtoolValues(const std::vector<double>& values);

}  // namespace promsynth
