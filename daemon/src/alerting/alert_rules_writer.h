#pragma once

#include <string>
#include <vector>

#include "alerting/alert_rule.h"

namespace promsynth {

/// The rule group promsynth writes (and the Helm chart renders) its alerts into.
inline constexpr std::string_view kRuleGroupName = "promsynth";

/// A Prometheus rules file (`rules.yml`) with one alerting rule per alert: `expr` from the
/// threshold and direction, `for`, the labels `severity` and the alert's own, and the
/// `summary`/`description` annotations. No alerts give `groups: []`. `source` is named in the
/// header comment. The Helm chart's PrometheusRule renders the same groups from its `config`.
std::string RenderRulesFile(const std::vector<AlertRule>& rules, const std::string& source);

}  // namespace promsynth
