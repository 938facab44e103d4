#include "alerting/netops_alert_tracker.h"

#include <map>
#include <utility>

#include "alerting/netops_alert_rules.h"
#include "netops/prometheus_labels.h"

namespace promsynth {

NetopsAlertTracker::NetopsAlertTracker(const netops::NetopsConfig& config, std::string generator_url)
    : rules_(NetopsAlertRules(config)), generator_url_(std::move(generator_url)) {
  for (const AlertRule& rule : rules_) {
    // As Prometheus would build them from the generated rule: the series' labels, then severity
    // and alertname.
    std::map<std::string, std::string> labels;
    for (auto& [name, value] : netops::PrometheusLabels(config.metrics[rule.family].labels))
      labels[name] = value;
    labels["severity"] = rule.alert.severity;
    labels["alertname"] = rule.alert.name;
    labels_.emplace_back(labels.begin(), labels.end());
  }
}

AlertEvaluation NetopsAlertTracker::Observe(const std::vector<NetopsAlertSample>& samples, int64_t time_ms) {
  AlertEvaluation result;
  for (size_t r = 0; r < rules_.size(); ++r) {
    const size_t metric = rules_[r].family;
    const bool firing = metric < samples.size() && samples[metric].firing;
    const auto it = firing_.find(r);
    if (firing && it == firing_.end()) {
      PostableAlert alert;
      alert.labels = labels_[r];
      alert.annotations.emplace_back("summary", samples[metric].text);
      alert.starts_at_ms = time_ms;
      alert.generator_url = generator_url_;
      firing_.emplace(r, std::move(alert));
      result.changed = true;
    } else if (!firing && it != firing_.end()) {
      PostableAlert resolved = std::move(it->second);
      resolved.ends_at_ms = time_ms;
      result.resolved.push_back(std::move(resolved));
      firing_.erase(it);
      result.changed = true;
    }
  }
  for (size_t r = 0; r < rules_.size(); ++r) {
    if (const auto it = firing_.find(r); it != firing_.end()) result.firing.push_back(it->second);
  }
  return result;
}

std::vector<PostableAlert> NetopsAlertTracker::ResolveAll(int64_t time_ms) const {
  std::vector<PostableAlert> resolved;
  for (size_t r = 0; r < rules_.size(); ++r) {
    const auto it = firing_.find(r);
    if (it == firing_.end()) continue;
    resolved.push_back(it->second);
    resolved.back().ends_at_ms = time_ms;
  }
  return resolved;
}

}  // namespace promsynth
