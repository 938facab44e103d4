#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "alerting/alert_evaluator.h"
#include "alerting/alert_rule.h"
#include "alerting/postable_alert.h"
#include "netops/netops_config.h"

namespace promsynth {

/// One netops metric's alert after a tick, as the netops generator evaluated it (seed 000).
struct NetopsAlertSample {
  bool firing = false;
  std::string text;  ///< the alert text with its value filled in
};

/// The direct Alertmanager mode for a netops generator config (seed 000): turns the generator's
/// own per-tick alert states into Alertmanager alerts. Each alerting metric is one alert named as
/// `promsynth rules` names it (NetopsAlertRules: `Netops` + the metric in CamelCase), labelled
/// with the metric's exported labels, `severity` and `alertname`; its `summary` is the alert text
/// of the tick it started on, value included. No `for`: an alert fires on the tick its condition
/// holds and resolves on the first tick it does not. Io thread only.
class NetopsAlertTracker {
 public:
  NetopsAlertTracker(const netops::NetopsConfig& config, std::string generator_url);

  /// `samples` indexed like the config's metrics; evaluated at `time_ms`.
  AlertEvaluation Observe(const std::vector<NetopsAlertSample>& samples, int64_t time_ms);
  /// The alerts firing after the last Observe, resolved at `time_ms` (for a reload).
  std::vector<PostableAlert> ResolveAll(int64_t time_ms) const;

 private:
  std::vector<AlertRule> rules_;
  std::vector<LabelSet> labels_;                      ///< per rule: the alert's labels
  std::unordered_map<size_t, PostableAlert> firing_;  ///< by rule index
  std::string generator_url_;
};

}  // namespace promsynth
