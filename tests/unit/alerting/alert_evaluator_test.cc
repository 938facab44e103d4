#include "alerting/alert_evaluator.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/yaml_config_loader.h"
#include "engine/engine.h"

namespace promsynth {
namespace {

using ::testing::Contains;
using ::testing::Pair;

const char* const kConfig = R"(
global: {tick: 1s}
metrics:
  - name: level
    labels: {shard: [a, b]}
    generator: {kind: series, values: "1 1 5 5 5 5 1 1", mode: loop}
    alerts:
      - {name: LevelHigh, threshold: 5, for: 2s, labels: {team: x}, summary: "{{ $labels.shard }} at {{ $value }}"}
  - name: hits
    type: counter
    generator: {kind: series, values: "1 1 30 1", mode: loop}
    alerts: [{name: HitBurst, threshold: 20}]
)";

struct Ticking {
  Config config = ParseYamlConfig(kConfig, "t.yml");
  Engine engine{config, GeneratorRegistry::WithBuiltins()};
  AlertEvaluator evaluator{CollectAlertRules(config), "http://promsynth/"};

  AlertEvaluation Tick(int64_t k) {
    engine.Step(k * 1000);
    return evaluator.Evaluate(*engine.Publish(), k * 1000);
  }
};

size_t Count(const std::vector<PostableAlert>& alerts, const std::string& name) {
  size_t n = 0;
  for (const PostableAlert& alert : alerts) {
    for (const auto& [label, value] : alert.labels) n += label == "alertname" && value == name;
  }
  return n;
}

TEST(AlertEvaluatorTest, FiresAfterForAndResolvesWhenTheConditionClears) {
  Ticking run;
  for (int64_t k = 0; k <= 3; ++k) {
    const AlertEvaluation result = run.Tick(k);
    EXPECT_EQ(Count(result.firing, "LevelHigh"), 0u) << k;  // pending at 2 and 3
  }
  AlertEvaluation fired = run.Tick(4);
  ASSERT_EQ(Count(fired.firing, "LevelHigh"), 2u);
  EXPECT_TRUE(fired.changed);
  const PostableAlert& alert = fired.firing[0];
  EXPECT_THAT(alert.labels, Contains(Pair("alertname", "LevelHigh")));
  EXPECT_THAT(alert.labels, Contains(Pair("severity", "warning")));
  EXPECT_THAT(alert.labels, Contains(Pair("team", "x")));
  EXPECT_THAT(alert.labels, Contains(Pair("shard", "a")));
  EXPECT_THAT(alert.annotations, Contains(Pair("summary", "a at 5")));
  EXPECT_EQ(alert.starts_at_ms, 4000);
  EXPECT_EQ(alert.ends_at_ms, 0);
  EXPECT_EQ(alert.generator_url, "http://promsynth/");
  const AlertEvaluation still = run.Tick(5);
  EXPECT_EQ(Count(still.firing, "LevelHigh"), 2u);
  const AlertEvaluation resolved = run.Tick(6);
  EXPECT_EQ(Count(resolved.firing, "LevelHigh"), 0u);
  ASSERT_EQ(Count(resolved.resolved, "LevelHigh"), 2u);
  EXPECT_TRUE(resolved.changed);
  EXPECT_EQ(resolved.resolved[0].ends_at_ms, 6000);
  EXPECT_EQ(resolved.resolved[0].starts_at_ms, 4000);
}

TEST(AlertEvaluatorTest, ACounterAlertsOnItsIncrementPerTick) {
  Ticking run;
  std::vector<int64_t> firing_ticks;
  for (int64_t k = 0; k < 12; ++k) {
    if (Count(run.Tick(k).firing, "HitBurst") == 1) firing_ticks.push_back(k);
  }
  EXPECT_THAT(firing_ticks, ::testing::ElementsAre(2, 6, 10));
}

TEST(AlertEvaluatorTest, ResolveAllEndsWhatFires) {
  Ticking run;
  for (int64_t k = 0; k <= 4; ++k) run.Tick(k);
  const std::vector<PostableAlert> resolved = run.evaluator.ResolveAll(4500);
  ASSERT_EQ(resolved.size(), 2u);
  EXPECT_EQ(resolved[0].ends_at_ms, 4500);
}

}  // namespace
}  // namespace promsynth
