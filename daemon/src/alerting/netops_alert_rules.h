#pragma once

#include <vector>

#include "alerting/alert_rule.h"
#include "netops/netops_config.h"

namespace promsynth {

/// The alerts of a netops generator config (seed 000) in promsynth's alert structure: one per
/// metric with a non-empty `alerts` object, named `Netops` + the metric name in CamelCase
/// (`cpu_utilization` → `NetopsCpuUtilization`), its `threshold`, `type: false` as `below`, no
/// `for`, severity `warning`, and the `alert` text as the summary with `StatReplace` turned into
/// `{{ $value }}`. A `target_type: counter` metric's alert watches its per-sample amount, the
/// increment of the exported `<name>_total`.
std::vector<AlertRule> NetopsAlertRules(const netops::NetopsConfig& config);

/// The name a netops metric is exported under (as NetopsRuntime writes it): invalid characters
/// become `_`; a counter gets `_total`.
std::string NetopsExportedName(std::string_view name, bool counter);

}  // namespace promsynth
