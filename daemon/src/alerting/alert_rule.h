#pragma once

#include <string>
#include <vector>

#include "config/alert_config.h"
#include "config/config.h"

namespace promsynth {

/// One alert of the configuration together with the series it watches: what becomes one
/// Prometheus alerting rule and one generator-side alert.
struct AlertRule {
  AlertRuleConfig alert;
  std::string metric;    ///< the exposition name of the watched family
  bool counter = false;  ///< compare the per-tick increment instead of the value
  size_t family = 0;     ///< index of the family in the config (YAML configs)
};

/// Every alert of a promsynth YAML configuration, in config order.
std::vector<AlertRule> CollectAlertRules(const Config& config);

/// The window of `idelta` for a counter's alert. `idelta` takes the last two samples in it, so
/// only its length limits the scrape interval (at most half of it).
inline constexpr std::string_view kCounterWindow = "5m";

/// The rule's PromQL: `<metric> >= <threshold>` (`<=` for `below`); for a counter
/// `idelta(<metric>[5m]) >= <threshold>`. The threshold is written as Go prints it.
std::string AlertExpr(const AlertRule& rule);

/// Whether `value` is on the alerting side of the threshold (seed-000 semantics: the threshold
/// itself alerts). NaN never alerts.
bool AlertCondition(const AlertRuleConfig& alert, double value);

}  // namespace promsynth
