#pragma once

#include "config/fault_config.h"
#include "config/yaml_walker.h"

namespace promsynth {

/// Reads the `faults:` section (scrape_delay, error_rate, truncate_rate, churn, scheduled),
/// reporting every bad key or value through `walker`.
void ReadFaults(Walker& walker, const YAML::Node& node, FaultsConfig& faults);

}  // namespace promsynth
