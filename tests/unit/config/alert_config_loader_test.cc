#include "config/alert_config_loader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/yaml_config_loader.h"
#include "unit/config/config_errors_of.h"

namespace promsynth {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;

TEST(AlertConfigLoaderTest, ReadsEveryKeyAndDefaults) {
  const Config config = ParseYamlConfig(R"(
global: {namespace: app}
alertmanager: {url: "http://127.0.0.1:9093/", timeout: 2s, resend_interval: 30s, generator_url: "http://x/"}
metrics:
  - name: latency_seconds
    generator: {kind: constant, value: 1}
    alerts:
      - name: LatencyHigh
        threshold: 0.5
        direction: above
        for: 1m30s
        severity: critical
        summary: "latency {{ $value }} on {{$labels.replica}}"
        description: "netops text StatReplace"
        labels: {team: payments, tier: "1"}
      - {name: LatencyLow, threshold: -2, direction: below}
)",
                                        "a.yml");
  ASSERT_EQ(config.metrics[0].alerts.size(), 2u);
  const AlertRuleConfig& high = config.metrics[0].alerts[0];
  EXPECT_EQ(high.name, "LatencyHigh");
  EXPECT_EQ(high.threshold, 0.5);
  EXPECT_EQ(high.direction, AlertDirection::kAbove);
  EXPECT_EQ(high.for_text, "1m30s");
  EXPECT_EQ(high.for_duration, Millis(90000));
  EXPECT_EQ(high.severity, "critical");
  EXPECT_EQ(high.summary, "latency {{ $value }} on {{$labels.replica}}");
  EXPECT_EQ(high.description, "netops text {{ $value }}");
  EXPECT_THAT(high.labels, ElementsAre(Pair("team", "payments"), Pair("tier", "1")));
  const AlertRuleConfig& low = config.metrics[0].alerts[1];
  EXPECT_EQ(low.direction, AlertDirection::kBelow);
  EXPECT_EQ(low.threshold, -2);
  EXPECT_EQ(low.severity, "warning");
  EXPECT_TRUE(low.for_text.empty());
  EXPECT_EQ(low.for_duration, Millis(0));
  ASSERT_TRUE(config.alertmanager.has_value());
  EXPECT_EQ(config.alertmanager->url, "http://127.0.0.1:9093");
  EXPECT_EQ(config.alertmanager->timeout, Millis(2000));
  EXPECT_EQ(config.alertmanager->resend_interval, Millis(30000));
  EXPECT_EQ(config.alertmanager->generator_url, "http://x/");
}

TEST(AlertConfigLoaderTest, BadAlertsAreReportedWithKeyValueAndAllowed) {
  const std::vector<std::string> errors = testing::ConfigErrorsOf(R"(
metrics:
  - name: m
    generator: {kind: constant}
    alerts:
      - {name: "1bad", threshold: x, direction: sideways, for: 30, summary: "{{ $value | humanize }}",
         labels: {severity: page, "bad-name": v}, color: red}
      - {threshold: 1}
      - {name: Dup, threshold: .nan}
  - name: n
    generator: {kind: constant}
    alerts: [{name: Dup, threshold: 1}]
alertmanager: {url: "ftp://x"}
)",
                                                                  "b.yml");
  const auto has = [&](const std::string& text) {
    return std::any_of(errors.begin(), errors.end(),
                       [&](const std::string& e) { return e.find(text) != e.npos; });
  };
  EXPECT_TRUE(has("metrics[0].alerts[0].color: unknown key")) << ::testing::PrintToString(errors);
  EXPECT_TRUE(has("metrics[0].alerts[0].name: not a valid alert name \"1bad\""));
  EXPECT_TRUE(has("metrics[0].alerts[0].threshold: not a finite number \"x\""));
  EXPECT_TRUE(has("metrics[0].alerts[0].direction: unknown direction \"sideways\" (allowed: above"));
  EXPECT_TRUE(has("metrics[0].alerts[0].for: not a duration \"30\""));
  EXPECT_TRUE(has("metrics[0].alerts[0].summary: unsupported template action \"{{ $value | humanize }}\""));
  EXPECT_TRUE(has("metrics[0].alerts[0].labels.severity: label is set by the alert itself"));
  EXPECT_TRUE(has("metrics[0].alerts[0].labels.bad-name: not a valid label name"));
  EXPECT_TRUE(has("metrics[0].alerts[1].name: alert has no name"));
  EXPECT_TRUE(has("metrics[0].alerts[2].threshold: not a finite number \".nan\""));
  EXPECT_TRUE(has("alertmanager.url: not an http(s) URL \"ftp://x\""));
  EXPECT_TRUE(has("b.yml:7:51: metrics[0].alerts[0].color")) << "errors carry the line and column";
}

TEST(AlertConfigLoaderTest, DuplicateAlertNamesAcrossMetricsAreRefused) {
  const std::vector<std::string> errors = testing::ConfigErrorsOf(R"(
metrics:
  - {name: a, generator: {kind: constant}, alerts: [{name: Same, threshold: 1}]}
  - {name: b, generator: {kind: constant}, alerts: [{name: Same, threshold: 2}]}
)",
                                                                  "c.yml");
  EXPECT_THAT(errors, ElementsAre(HasSubstr("metrics[1].alerts[0].name: alert name used twice \"Same\"")));
}

TEST(AlertConfigLoaderTest, StatReplaceBecomesTheValueAction) {
  EXPECT_EQ(StatReplaceToValueAction("CPU (StatReplace) over 80, StatReplace"),
            "CPU ({{ $value }}) over 80, {{ $value }}");
  EXPECT_EQ(StatReplaceToValueAction("no marker"), "no marker");
}

}  // namespace
}  // namespace promsynth
