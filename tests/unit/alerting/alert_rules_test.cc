#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "alerting/alert_rule.h"
#include "alerting/alert_rules_writer.h"
#include "alerting/netops_alert_rules.h"
#include "config/yaml_config_loader.h"
#include "netops/netops_config.h"

namespace promsynth {
namespace {

const char* const kConfig = R"(
global: {namespace: shop}
metrics:
  - name: latency_seconds
    generator: {kind: constant, value: 1}
    alerts:
      - {name: LatencyHigh, threshold: 1000000, for: 30s, severity: critical, labels: {team: web},
         summary: "at {{ $value }}", description: "StatReplace"}
  - name: free_ratio
    generator: {kind: constant, value: 1}
    alerts: [{name: FreeLow, threshold: 0.1, direction: below}]
  - name: errors
    type: counter
    generator: {kind: constant, value: 1}
    alerts: [{name: ErrorBurst, threshold: 20}]
  - name: quiet
    generator: {kind: constant}
)";

TEST(AlertRulesTest, ExprFromThresholdDirectionAndType) {
  const std::vector<AlertRule> rules = CollectAlertRules(ParseYamlConfig(kConfig, "a.yml"));
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_EQ(AlertExpr(rules[0]), "shop_latency_seconds >= 1e+06");
  EXPECT_EQ(AlertExpr(rules[1]), "shop_free_ratio <= 0.1");
  EXPECT_EQ(AlertExpr(rules[2]), "idelta(shop_errors_total[5m]) >= 20");
  EXPECT_EQ(rules[2].family, 2u);
  EXPECT_TRUE(rules[2].counter);
}

TEST(AlertRulesTest, ConditionIncludesTheThresholdAndNeverNaN) {
  AlertRuleConfig above;
  above.threshold = 80;
  EXPECT_TRUE(AlertCondition(above, 80));
  EXPECT_TRUE(AlertCondition(above, 81));
  EXPECT_FALSE(AlertCondition(above, 79.999));
  EXPECT_FALSE(AlertCondition(above, std::nan("")));
  AlertRuleConfig below = above;
  below.direction = AlertDirection::kBelow;
  EXPECT_TRUE(AlertCondition(below, 80));
  EXPECT_FALSE(AlertCondition(below, 80.001));
}

TEST(AlertRulesTest, RulesFileHasOneRulePerAlert) {
  const std::string text = RenderRulesFile(CollectAlertRules(ParseYamlConfig(kConfig, "a.yml")), "a.yml");
  const YAML::Node root = YAML::Load(text);
  ASSERT_EQ(root["groups"].size(), 1u);
  EXPECT_EQ(root["groups"][0]["name"].as<std::string>(), "promsynth");
  const YAML::Node rules = root["groups"][0]["rules"];
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_EQ(rules[0]["alert"].as<std::string>(), "LatencyHigh");
  EXPECT_EQ(rules[0]["expr"].as<std::string>(), "shop_latency_seconds >= 1e+06");
  EXPECT_EQ(rules[0]["for"].as<std::string>(), "30s");
  EXPECT_EQ(rules[0]["labels"]["severity"].as<std::string>(), "critical");
  EXPECT_EQ(rules[0]["labels"]["team"].as<std::string>(), "web");
  EXPECT_EQ(rules[0]["annotations"]["summary"].as<std::string>(), "at {{ $value }}");
  EXPECT_EQ(rules[0]["annotations"]["description"].as<std::string>(), "{{ $value }}");
  EXPECT_FALSE(rules[1]["for"].IsDefined());
  EXPECT_FALSE(rules[1]["annotations"].IsDefined());
  EXPECT_EQ(rules[1]["labels"]["severity"].as<std::string>(), "warning");
  EXPECT_EQ(YAML::Load(RenderRulesFile({}, "x"))["groups"].size(), 0u);
}

TEST(AlertRulesTest, NetopsAlertsMapOntoTheSameStructure) {
  const std::string json = R"json({
    "metrics": {
      "cpu_utilization": {"labels": {"target_type": "gauge"}, "metric": {"mu": 75, "sigma": 4, "noise": 1, "max": 100, "min": 0},
                          "alerts": {"threshold": 80, "alert": "CPU (StatReplace) exceed (80.0)"}},
      "throughput": {"labels": {}, "metric": {"mu": 200, "sigma": 50, "noise": 50, "max": 300, "min": 0},
                     "alerts": {"threshold": 30, "alert": "Low (StatReplace)", "type": false}},
      "packet-loss": {"labels": {"target_type": "counter"}, "metric": {"mu": 1.5, "sigma": 0.01, "noise": 0.3, "max": 3, "min": 0},
                      "alerts": {"threshold": 2, "alert": "Loss StatReplace"}},
      "silent": {"labels": {}, "metric": {"mu": 1, "sigma": 1, "noise": 0.0, "max": 3, "min": 0}, "alerts": {}}
    },
    "error_scenarios": [{"cpu_utilization": 0, "throughput": 0, "packet-loss": 0, "silent": 0, "length": 10}],
    "error_rate": 0.1
  })json";
  const std::vector<AlertRule> rules = NetopsAlertRules(netops::ParseNetopsConfig(json, "n.json"));
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_EQ(rules[0].alert.name, "NetopsCpuUtilization");
  EXPECT_EQ(AlertExpr(rules[0]), "cpu_utilization >= 80");
  EXPECT_EQ(rules[0].alert.summary, "CPU ({{ $value }}) exceed (80.0)");
  EXPECT_EQ(rules[1].alert.name, "NetopsThroughput");
  EXPECT_EQ(AlertExpr(rules[1]), "throughput <= 30");
  EXPECT_EQ(rules[2].alert.name, "NetopsPacketLoss");
  EXPECT_EQ(AlertExpr(rules[2]), "idelta(packet_loss_total[5m]) >= 2");
  EXPECT_EQ(NetopsExportedName("9 lives", false), "_9_lives");
}

}  // namespace
}  // namespace promsynth
