#pragma once

#include <vector>

#include "config/config.h"
#include "config/yaml_walker.h"

namespace promsynth {

/// Reads the `scenario_groups:` list into `groups`.
void ReadScenarioGroups(Walker& walker, const YAML::Node& node, std::vector<ScenarioGroupConfig>& groups);

/// Checks the groups against the metrics: every metric a group names exists (by its exported
/// name), `gap` only on gauges, `counter_reset` only on counters. Appends to `walker`'s errors.
void CheckScenarioGroups(Walker& walker, const Config& config);

}  // namespace promsynth
