#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "config/alert_config.h"
#include "config/config.h"
#include "config/yaml_walker.h"

namespace promsynth {

/// Reads a metric's `alerts:` list into `metric.alerts` (`path` is e.g. `metrics[2].alerts`).
/// Alerts are allowed on gauges and counters.
void ReadAlerts(Walker& walker, const YAML::Node& node, const std::string& path, MetricConfig& metric);

/// Reads the `alertmanager:` section.
void ReadAlertmanager(Walker& walker, const YAML::Node& node, std::optional<AlertmanagerConfig>& out);

/// Reports alert names used more than once in the whole config: an alert's identity in
/// Alertmanager is its labels, and two rules of one name would merge there.
void CheckAlertNamesUnique(Walker& walker, const Config& config);

/// Replaces every `StatReplace` of a netops alert text by `{{ $value }}`.
std::string StatReplaceToValueAction(std::string_view text);

}  // namespace promsynth
