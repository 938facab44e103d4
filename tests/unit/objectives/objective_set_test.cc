#include "objectives/objective_set.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

#include "config/config_error.h"
#include "config/yaml_config_loader.h"
#include "engine/engine.h"

namespace promsynth {
namespace {

using ::testing::HasSubstr;

const GeneratorRegistry kRegistry = GeneratorRegistry::WithBuiltins();

std::string ErrorOf(const std::string& yaml) {
  try {
    const Config config = ParseYamlConfig(yaml, "t.yml");
    Engine engine(config, kRegistry);
    ObjectiveSet set(config, *engine.layout());
  } catch (const ConfigErrors& errors) {
    return errors.what();
  }
  return "";
}

constexpr const char* kMetrics = R"(
global: {tick: 1s}
metrics:
  - {name: m, labels: {r: ["a", "b", "c"]}, generator: {kind: constant, value: 3}}
  - {name: u, generator: {kind: uniform, low: 0, high: 1}}
)";

TEST(ObjectiveSetTest, ResolutionErrors) {
  EXPECT_THAT(ErrorOf(std::string(kMetrics) + "slos:\n  - {name: x, series: nope, threshold: 1}\n"),
              HasSubstr("slos[0].series: no configured metric has this name \"nope\""));
  EXPECT_THAT(
      ErrorOf(std::string(kMetrics) + "slos:\n  - {name: x, series: 'm{zone=\"a\"}', threshold: 1}\n"),
      HasSubstr("slos[0].series: the metric has no such label \"zone\""));
  EXPECT_THAT(ErrorOf(std::string(kMetrics) + "slos:\n  - {name: x, series: 'm{r=\"z\"}', threshold: 1}\n"),
              HasSubstr("slos[0].series: the selector matches no series \"m\""));
  EXPECT_THAT(
      ErrorOf(std::string(kMetrics) + "slos:\n  - {name: x, series: m, threshold: 1, query_aggregation: "
                                      "p100, operator: less}\n"),
      HasSubstr("slos[0].query_aggregation: unknown aggregation \"p100\""));
  EXPECT_THAT(
      ErrorOf(std::string(kMetrics) + "slos:\n  - {name: x, series: m, threshold: 1, operator: less}\n"),
      HasSubstr("slos[0].operator: unknown operator \"less\" (allowed: lt, lte, gt, gte, true, false)"));
  EXPECT_THAT(
      ErrorOf(std::string(kMetrics) + "slos:\n  - {name: x, series: m, threshold: 1, window: 10000w}\n"),
      HasSubstr("slos[0].window: the history would hold"));
}

/// Steps an engine for `ticks` seconds, recording every tick, and evaluates at the end.
std::vector<ObjectiveResult> RunTicks(const std::string& yaml, int ticks) {
  const Config config = ParseYamlConfig(yaml, "t.yml");
  Engine engine(config, kRegistry);
  ObjectiveSet set(config, *engine.layout());
  const int64_t start = 1'700'000'000'000;
  for (int t = 0; t < ticks; ++t) {
    engine.Step(start + t * 1000);
    set.Record(*engine.Publish());
  }
  return set.EvaluateDueLocal(start + (ticks - 1) * 1000);
}

TEST(ObjectiveSetTest, OwnSeriesOfAHistogramAreRefused) {
  EXPECT_THAT(ErrorOf("metrics:\n  - {name: h, type: histogram, observations: {kind: uniform}}\n"
                      "slos:\n  - {name: x, series: h, threshold: 1}\n"),
              HasSubstr("slos[0].series: an SLO over own series needs a gauge or a counter \"h\""));
}

TEST(ObjectiveSetTest, ConstantSeriesGiveExactVerdicts) {
  auto results = RunTicks(std::string(kMetrics) + R"(slos:
  - {name: held, series: m, query_aggregation: mean, repetition_aggregation: max, operator: lte, threshold: 3}
  - {name: broken, series: 'm{r="b"}', query_aggregation: max, operator: lt, threshold: 3}
  - {name: count, series: m, query_aggregation: count, repetition_aggregation: sum, operator: gte, threshold: 30}
)",
                          10);
  ASSERT_EQ(results.size(), 3u);
  EXPECT_TRUE(results[0].evaluated);
  EXPECT_TRUE(results[0].ok);
  EXPECT_EQ(results[0].value, 3);
  EXPECT_EQ(results[0].series, 3u);
  EXPECT_FALSE(results[1].ok);  // 3 < 3 is false
  EXPECT_EQ(results[1].series, 1u);
  EXPECT_EQ(results[2].value, 30);  // 3 series × 10 samples
  EXPECT_TRUE(results[2].ok);
}

TEST(ObjectiveSetTest, WarmupAndWindowLimitTheSamples) {
  auto results = RunTicks(std::string(kMetrics) + R"(slos:
  - {name: w, series: 'm{r="a"}', window: 5s, warmup: 2s, query_aggregation: count, operator: gte, threshold: 0}
)",
                          10);
  ASSERT_EQ(results.size(), 1u);
  // The window keeps samples newer than now − 5 s (5 of them); the warmup drops the first 2 s of those.
  EXPECT_EQ(results[0].value, 3);
}

TEST(ObjectiveSetTest, UniformSeriesMatchTheirDistribution) {
  auto results = RunTicks(std::string(kMetrics) + R"(slos:
  - {name: median, series: u, window: 1h, query_aggregation: median, operator: lt, threshold: 0.6}
)",
                          2000);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_NEAR(results[0].value, 0.5, 0.05);
  EXPECT_TRUE(results[0].ok);
}

TEST(ObjectiveSetTest, TrendOfTooFewSamplesIsNaNAndFalse) {
  auto results = RunTicks(std::string(kMetrics) +
                              "slos:\n  - {name: t, series: u, query_aggregation: trend, "
                              "operator: lt, threshold: 1}\n",
                          1);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_TRUE(std::isnan(results[0].value));
  EXPECT_FALSE(results[0].ok);
}

TEST(ObjectiveSetTest, EvaluatesOncePerInterval) {
  const Config config = ParseYamlConfig(std::string(kMetrics) +
                                            "slos:\n  - {name: i, series: u, interval: 10s, "
                                            "threshold: 1}\n",
                                        "t.yml");
  Engine engine(config, kRegistry);
  ObjectiveSet set(config, *engine.layout());
  engine.Step(1'700'000'000'000);
  set.Record(*engine.Publish());
  EXPECT_EQ(set.EvaluateDueLocal(1'700'000'000'000).size(), 1u);
  EXPECT_EQ(set.EvaluateDueLocal(1'700'000'005'000).size(), 0u);
  EXPECT_EQ(set.EvaluateDueLocal(1'700'000'010'000).size(), 1u);
}

}  // namespace
}  // namespace promsynth
