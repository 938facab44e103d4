#include "config/yaml_config_loader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/config_error.h"
#include "unit/config/config_errors_of.h"

namespace promsynth {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<std::string> ErrorsOf(const std::string& yaml) {
  return testing::ConfigErrorsOf(yaml, "test.yml");
}

TEST(YamlConfigLoaderTest, LoadsTheDesignExample) {
  const Config config = ParseYamlConfig(R"(
global:
  seed: 42
  tick: 1s
  labels: {env: demo}
metrics:
  - name: demo_requests_total
    type: counter
    help: Requests served.
    labels: {method: [GET, POST], code: ["200", "500"]}
    generator: {kind: uniform, low: 5, high: 10}
  - name: demo_temperature_celsius
    type: gauge
    help: Room temperature.
    labels: {room: "0..2"}
    generator: {kind: sine, amplitude: 5, period: 60s, offset: 20}
)",
                                        "design.yml");
  EXPECT_EQ(config.global.seed, 42u);
  EXPECT_EQ(config.global.tick, Millis(1000));
  ASSERT_EQ(config.global.labels.size(), 1u);
  EXPECT_EQ(config.global.labels[0].first, "env");
  ASSERT_EQ(config.metrics.size(), 2u);
  EXPECT_EQ(config.metrics[0].name, "demo_requests_total");
  EXPECT_EQ(config.metrics[0].type, MetricType::kCounter);
  EXPECT_EQ(config.metrics[0].SeriesCount(), 4u);
  EXPECT_EQ(config.metrics[0].generator.kind, "uniform");
  EXPECT_EQ(config.metrics[0].generator.params.at("high").number, 10);
  EXPECT_EQ(config.metrics[1].SeriesCount(), 3u);
  EXPECT_EQ(config.metrics[1].generator.params.at("period").text, "60s");
  EXPECT_EQ(config.SeriesCount(), 7u);
}

TEST(YamlConfigLoaderTest, ExpansionIsCartesianAcrossLabels) {
  const Config config = ParseYamlConfig(R"(
metrics:
  - name: wide
    labels: {a: "0..9", b: [x, y], c: "1..5", d: [only]}
    generator: {kind: constant, value: 1}
  - name: million
    labels: {shard: "0..99", series: "0..9999"}
    generator: {kind: constant}
)",
                                        "t.yml");
  EXPECT_EQ(config.metrics[0].SeriesCount(), 10u * 2 * 5 * 1);
  EXPECT_EQ(config.metrics[1].SeriesCount(), 1'000'000u);
}

TEST(YamlConfigLoaderTest, CounterGetsTotalSuffixAndNamespace) {
  const Config config = ParseYamlConfig(R"(
global: {namespace: app}
metrics:
  - {name: requests, type: counter, generator: {kind: constant, value: 1}}
  - {name: errors_total, type: counter, generator: {kind: constant, value: 1}}
  - {name: temperature, generator: {kind: constant, value: 1}}
)",
                                        "t.yml");
  EXPECT_EQ(config.metrics[0].name, "app_requests_total");
  EXPECT_EQ(config.metrics[1].name, "app_errors_total");
  EXPECT_EQ(config.metrics[2].name, "app_temperature");
}

TEST(YamlConfigLoaderTest, PerMetricTickOverridesGlobal) {
  const Config config = ParseYamlConfig(R"(
global: {tick: 15s}
metrics:
  - {name: a, generator: {kind: constant}}
  - {name: b, tick: 250ms, generator: {kind: constant}}
)",
                                        "t.yml");
  EXPECT_EQ(config.metrics[0].tick, Millis(15000));
  EXPECT_EQ(config.metrics[1].tick, Millis(250));
}

TEST(YamlConfigLoaderTest, UnknownTopLevelKey) {
  EXPECT_THAT(ErrorsOf("global: {}\nmetric: []\nmetrics: []\n"),
              ElementsAre("test.yml:2:1: metric: unknown key \"metric\" (allowed: global, metrics, slos, "
                          "plugins, alertmanager, scenario_groups, remote_write, faults)"));
}

TEST(YamlConfigLoaderTest, UnknownMetricKeyNamesLineColumnAndAllowed) {
  EXPECT_THAT(
      ErrorsOf("metrics:\n  - name: a\n    generatr: {kind: constant}\n    generator: {kind: constant}\n"),
      ElementsAre("test.yml:3:5: metrics[0].generatr: unknown key \"generatr\" (allowed: name, help, unit, "
                  "type, labels, tick, generator, mode, resets, gaps, buckets, quantiles, window, max_age, "
                  "observations, observations_per_tick, max_observations_per_tick, alerts, advance, "
                  "advance_interval, exemplars)"));
}

TEST(YamlConfigLoaderTest, BadMetricName) {
  EXPECT_THAT(
      ErrorsOf("metrics:\n  - {name: 1bad-name, generator: {kind: constant}}\n"),
      ElementsAre("test.yml:2:12: metrics[0].name: not a valid metric name \"1bad-name\" (allowed: letters, "
                  "digits, '_' and ':', not starting with a digit)"));
}

TEST(YamlConfigLoaderTest, BadLabelName) {
  EXPECT_THAT(ErrorsOf("metrics:\n  - {name: a, labels: {__x: [a]}, generator: {kind: constant}}\n"),
              ElementsAre(HasSubstr("test.yml:2:24: metrics[0].labels.__x: not a valid label name \"__x\"")));
  EXPECT_THAT(ErrorsOf("metrics:\n  - {name: a, labels: {a-b: [a]}, generator: {kind: constant}}\n"),
              ElementsAre(HasSubstr("metrics[0].labels.a-b: not a valid label name \"a-b\"")));
}

TEST(YamlConfigLoaderTest, DuplicateSeries) {
  EXPECT_THAT(
      ErrorsOf("metrics:\n  - {name: a, labels: {m: [GET, GET]}, generator: {kind: constant}}\n"),
      ElementsAre("test.yml:2:27: metrics[0].labels.m: duplicate label value would make duplicate series "
                  "\"GET\" (allowed: each value once per label)"));
  EXPECT_THAT(
      ErrorsOf("metrics:\n  - {name: a, labels: {m: [\"0..5\", \"3\"]}, generator: {kind: constant}}\n"),
      ElementsAre(HasSubstr("duplicate label value would make duplicate series \"3\"")));
  EXPECT_THAT(
      ErrorsOf("metrics:\n  - {name: a, generator: {kind: constant}}\n  - {name: a, generator: {kind: "
               "constant}}\n"),
      ElementsAre("test.yml:3:5: metrics[1].name: metric name used twice (its series would be duplicates) "
                  "\"a\" (allowed: a name no other metric has)"));
}

TEST(YamlConfigLoaderTest, LabelCollidingWithConstantLabel) {
  EXPECT_THAT(
      ErrorsOf("global: {labels: {env: x}}\nmetrics:\n  - {name: a, labels: {env: [y]}, generator: {kind: "
               "constant}}\n"),
      ElementsAre(HasSubstr("metrics[0].labels.env: label is already a constant label in global.labels")));
}

TEST(YamlConfigLoaderTest, NonPositiveAndMalformedTicks) {
  EXPECT_THAT(
      ErrorsOf("global: {tick: 0s}\nmetrics: []\n"),
      ElementsAre("test.yml:1:16: global.tick: tick must be positive \"0s\" (allowed: a duration of at least "
                  "1ms)"));
  EXPECT_THAT(
      ErrorsOf("metrics:\n  - {name: a, tick: 1.5s, generator: {kind: constant}}\n"),
      ElementsAre("test.yml:2:21: metrics[0].tick: not a duration \"1.5s\" (allowed: Prometheus notation "
                  "such as 100ms, 1s, 5m, 1h30m)"));
}

TEST(YamlConfigLoaderTest, BadTypeSeedAndRanges) {
  EXPECT_THAT(ErrorsOf("metrics:\n  - {name: a, type: gage, generator: {kind: constant}}\n"),
              ElementsAre("test.yml:2:21: metrics[0].type: unknown metric type \"gage\" (allowed: gauge, "
                          "counter, histogram, summary)"));
  EXPECT_THAT(ErrorsOf("global: {seed: -3}\nmetrics: []\n"),
              ElementsAre(HasSubstr("global.seed: not a seed \"-3\" (allowed: an integer from 0 to")));
  EXPECT_THAT(ErrorsOf("metrics:\n  - {name: a, labels: {i: \"9..2\"}, generator: {kind: constant}}\n"),
              ElementsAre(HasSubstr("metrics[0].labels.i: range ends before it starts \"9..2\"")));
}

TEST(YamlConfigLoaderTest, MissingPieces) {
  EXPECT_THAT(ErrorsOf("metrics:\n  - {help: x, generator: {kind: constant}}\n"),
              ElementsAre(HasSubstr("test.yml:2:5: metrics[0].name: metric has no name")));
  EXPECT_THAT(ErrorsOf("metrics:\n  - {name: a}\n"),
              ElementsAre(HasSubstr("test.yml:2:5: metrics[0].generator: metric has no generator")));
  EXPECT_THAT(ErrorsOf("metrics:\n  - {name: a, generator: {low: 1}}\n"),
              ElementsAre(HasSubstr("metrics[0].generator.kind: generator has no kind")));
  EXPECT_THAT(ErrorsOf("global: {}\n"), ElementsAre(HasSubstr("metrics: expected a list of metrics")));
}

TEST(YamlConfigLoaderTest, ReservedPrefixAndUnitSuffix) {
  EXPECT_THAT(ErrorsOf("metrics:\n  - {name: promsynth_x, generator: {kind: constant}}\n"),
              ElementsAre(HasSubstr("names starting with promsynth_ are reserved")));
  EXPECT_THAT(ErrorsOf("metrics:\n  - {name: latency, unit: seconds, generator: {kind: constant}}\n"),
              ElementsAre(HasSubstr("metrics[0].unit: the metric name must end with _<unit> (OpenMetrics) "
                                    "\"seconds\"")));
  EXPECT_NO_THROW(
      ParseYamlConfig("metrics:\n  - {name: x_seconds, type: counter, unit: seconds, generator: "
                      "{kind: constant}}\n",
                      "t.yml"));
}

TEST(YamlConfigLoaderTest, InvalidYamlReportsPosition) {
  EXPECT_THAT(ErrorsOf("metrics:\n  - name: [a\n"), ElementsAre(HasSubstr("test.yml:3:1: not valid YAML")));
}

TEST(YamlConfigLoaderTest, ReportsEveryErrorNotJustTheFirst) {
  EXPECT_EQ(
      ErrorsOf("global: {tick: x, seed: y}\nmetrics:\n  - {name: 1, type: z, generator: {kind: c}}\n").size(),
      4u);
}

TEST(YamlConfigLoaderTest, UnreadableFile) {
  try {
    LoadYamlConfigFile("/nonexistent/promsynth.yml");
    FAIL() << "expected an error";
  } catch (const ConfigErrors& errors) {
    EXPECT_EQ(std::string(errors.what()),
              "/nonexistent/promsynth.yml: cannot read the config file (allowed: a readable YAML file)");
  }
}

}  // namespace
}  // namespace promsynth
