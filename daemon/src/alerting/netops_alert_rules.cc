#include "alerting/netops_alert_rules.h"

#include <cctype>

#include "config/alert_config_loader.h"
#include "netops/counter_total.h"

namespace promsynth {
namespace {}  // namespace

std::string NetopsExportedName(std::string_view name, bool counter) {
  std::string out;
  for (char c : name) {
    const bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == ':';
    out += ok ? c : '_';
  }
  if (out.empty() || std::isdigit(static_cast<unsigned char>(out[0]))) out = "_" + out;
  if (counter && !out.ends_with("_total")) out += "_total";
  return out;
}

namespace {

std::string CamelCase(std::string_view name) {
  std::string out;
  bool upper = true;
  for (char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

}  // namespace

std::vector<AlertRule> NetopsAlertRules(const netops::NetopsConfig& config) {
  std::vector<AlertRule> rules;
  for (size_t m = 0; m < config.metrics.size(); ++m) {
    const netops::MetricConfig& metric = config.metrics[m];
    if (!metric.alert.enabled) continue;
    AlertRule rule;
    rule.alert.name = "Netops" + CamelCase(metric.name);
    rule.alert.threshold = metric.alert.threshold;
    rule.alert.direction = metric.alert.above ? AlertDirection::kAbove : AlertDirection::kBelow;
    rule.alert.summary = StatReplaceToValueAction(metric.alert.text);
    rule.counter = netops::IsCounter(metric);
    rule.metric = NetopsExportedName(metric.name, rule.counter);
    rule.family = m;
    rules.push_back(std::move(rule));
  }
  return rules;
}

}  // namespace promsynth
