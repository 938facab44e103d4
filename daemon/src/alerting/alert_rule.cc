#include "alerting/alert_rule.h"

#include "alerting/go_float_format.h"

namespace promsynth {

std::vector<AlertRule> CollectAlertRules(const Config& config) {
  std::vector<AlertRule> rules;
  for (size_t m = 0; m < config.metrics.size(); ++m) {
    const MetricConfig& metric = config.metrics[m];
    for (const AlertRuleConfig& alert : metric.alerts) {
      rules.push_back({alert, metric.name, metric.type == MetricType::kCounter, m});
    }
  }
  return rules;
}

std::string AlertExpr(const AlertRule& rule) {
  std::string selector = rule.metric;
  if (rule.counter) selector = "idelta(" + rule.metric + "[" + std::string(kCounterWindow) + "])";
  const char* op = rule.alert.direction == AlertDirection::kAbove ? " >= " : " <= ";
  return selector + op + FormatGoFloat(rule.alert.threshold);
}

bool AlertCondition(const AlertRuleConfig& alert, double value) {
  return alert.direction == AlertDirection::kAbove ? value >= alert.threshold : value <= alert.threshold;
}

}  // namespace promsynth
