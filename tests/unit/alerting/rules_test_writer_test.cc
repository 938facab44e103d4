#include "alerting/rules_test_writer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "config/yaml_config_loader.h"
#include "signal/promtool_series.h"
#include "signal/stale_marker.h"

namespace promsynth {
namespace {

TEST(RulesTestWriterTest, PromtoolValuesReadBackExactly) {
  const std::vector<double> values = {0.1 + 0.2, 0.1 + 0.2, 0.1 + 0.2, 1e300,         -5e-324,       2,
                                      2,         NAN,       NAN,       StaleMarker(), StaleMarker(), INFINITY,
                                      -INFINITY, 1e6};
  const std::string text = PromtoolValues(values);
  EXPECT_THAT(text, ::testing::StartsWith("0.30000000000000004x2 1e+300 "));
  EXPECT_THAT(text, ::testing::HasSubstr(" 2x1 NaN NaN stale stale Inf -Inf 1e+06"));
  PromtoolSeriesError error;
  const auto parsed = ParsePromtoolSeries(text, error);
  ASSERT_TRUE(parsed.has_value()) << error.Format();
  ASSERT_EQ(parsed->size(), values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    if (std::isnan(values[i])) {
      EXPECT_TRUE(std::isnan((*parsed)[i]));
      EXPECT_EQ(IsStaleMarker((*parsed)[i]), IsStaleMarker(values[i])) << i;
    } else {
      EXPECT_EQ((*parsed)[i], values[i]) << i;
    }
  }
}

// A series with a known shape: 1 for two ticks, 5 for four, then 1 again (looping every 8 s).
const char* const kConfig = R"(
global: {tick: 1s, labels: {env: test}}
metrics:
  - name: level
    labels: {shard: [a, b]}
    generator: {kind: series, values: "1 1 5 5 5 5 1 1", mode: loop}
    alerts:
      - {name: LevelHigh, threshold: 5, for: 2s, summary: "{{ $labels.shard }} at {{ $value }}"}
  - name: hits
    type: counter
    generator: {kind: series, values: "1 1 30 1", mode: loop}
    alerts: [{name: HitBurst, threshold: 20, severity: page}]
)";

YAML::Node Render(const RulesTestOptions& options) {
  const Config config = ParseYamlConfig(kConfig, "t.yml");
  return YAML::Load(RenderRulesTestFile(config, GeneratorRegistry::WithBuiltins(), options));
}

/// eval_time → the shards (or "-" for a label-less series) expected to fire, for one alert.
std::map<std::string, std::vector<std::string>> Expected(const YAML::Node& file, const std::string& alert) {
  std::map<std::string, std::vector<std::string>> out;
  for (const YAML::Node& test : file["tests"][0]["alert_rule_test"]) {
    if (test["alertname"].as<std::string>() != alert) continue;
    auto& shards = out[test["eval_time"].as<std::string>()];
    for (const YAML::Node& expected : test["exp_alerts"]) {
      shards.push_back(expected["exp_labels"]["shard"] ? expected["exp_labels"]["shard"].as<std::string>()
                                                       : "-");
    }
  }
  return out;
}

TEST(RulesTestWriterTest, InputSeriesAreTheEnginesValues) {
  RulesTestOptions options;
  options.duration = Millis(15000);
  const YAML::Node file = Render(options);
  EXPECT_EQ(file["rule_files"][0].as<std::string>(), "rules.yml");
  EXPECT_EQ(file["evaluation_interval"].as<std::string>(), "1s");
  const YAML::Node test = file["tests"][0];
  EXPECT_EQ(test["interval"].as<std::string>(), "1s");
  ASSERT_EQ(test["input_series"].size(), 3u);
  EXPECT_EQ(test["input_series"][0]["series"].as<std::string>(), "level{env=\"test\",shard=\"a\"}");
  EXPECT_EQ(test["input_series"][0]["values"].as<std::string>(), "1x1 5x3 1x3 5x3 1x1");
  EXPECT_EQ(test["input_series"][2]["series"].as<std::string>(), "hits_total{env=\"test\"}");
  EXPECT_EQ(test["input_series"][2]["values"].as<std::string>(),
            "1 2 32 33 34 35 65 66 67 68 98 99 100 101 131 132");
}

TEST(RulesTestWriterTest, ExpectedAlertsFollowThresholdAndFor) {
  RulesTestOptions options;
  options.duration = Millis(15000);
  const YAML::Node file = Render(options);
  // 5 from tick 2 to 5 (and 10 to 13): pending at 2 and 3, firing at 4 and 5, gone at 6.
  const auto level = Expected(file, "LevelHigh");
  EXPECT_THAT(level.at("0s"), ::testing::IsEmpty());
  EXPECT_THAT(level.at("3s"), ::testing::IsEmpty());
  EXPECT_THAT(level.at("4s"), ::testing::ElementsAre("a", "b"));
  EXPECT_THAT(level.at("5s"), ::testing::ElementsAre("a", "b"));
  EXPECT_THAT(level.at("6s"), ::testing::IsEmpty());
  EXPECT_THAT(level.at("12s"), ::testing::ElementsAre("a", "b"));
  EXPECT_EQ(level.count("8s"), 0u) << "only the ticks around a change are checked";
  // The counter's increment is 30 at ticks 2, 6, 10, 14 (idelta): firing for one tick each.
  const auto hits = Expected(file, "HitBurst");
  EXPECT_THAT(hits.at("2s"), ::testing::ElementsAre("-"));
  EXPECT_THAT(hits.at("3s"), ::testing::IsEmpty());
  EXPECT_THAT(hits.at("6s"), ::testing::ElementsAre("-"));
  for (const YAML::Node& test : file["tests"][0]["alert_rule_test"]) {
    if (test["eval_time"].as<std::string>() != "4s" || test["alertname"].as<std::string>() != "LevelHigh")
      continue;
    const YAML::Node first = test["exp_alerts"][0];
    EXPECT_EQ(first["exp_labels"]["severity"].as<std::string>(), "warning");
    EXPECT_EQ(first["exp_labels"]["env"].as<std::string>(), "test");
    EXPECT_EQ(first["exp_annotations"]["summary"].as<std::string>(), "a at 5");
  }
}

TEST(RulesTestWriterTest, SeriesAndEvalTimesAreBounded) {
  RulesTestOptions options;
  options.duration = Millis(600000);
  options.max_series_per_family = 1;
  options.max_eval_times_per_alert = 5;
  const YAML::Node file = Render(options);
  EXPECT_EQ(file["tests"][0]["input_series"].size(), 2u);
  EXPECT_EQ(Expected(file, "LevelHigh").size(), 5u);
  EXPECT_EQ(Expected(file, "HitBurst").size(), 5u);
}

}  // namespace
}  // namespace promsynth
