// NetopsAlertTracker: the netops generator's per-tick alert states as Alertmanager alerts.

#include "alerting/netops_alert_tracker.h"

#include <gtest/gtest.h>

namespace promsynth {
namespace {

constexpr const char* kConfig = R"({"metrics": {
  "cpu": {"labels": {"ver": 1, "unit": "percent"}, "metric": {"mu": 5, "sigma": 1, "noise": 0, "max": 10, "min": 0},
          "alerts": {"threshold": 8, "alert": "cpu StatReplace"}},
  "quiet": {"labels": {}, "metric": {"mu": 5, "sigma": 1, "noise": 0, "max": 10, "min": 0}, "alerts": {}},
  "tput": {"labels": {"unit": "mb"}, "metric": {"mu": 5, "sigma": 1, "noise": 0, "max": 10, "min": 0},
           "alerts": {"threshold": 2, "alert": "low StatReplace", "type": false}}},
 "error_scenarios": [], "error_rate": 0})";

TEST(NetopsAlertTrackerTest, FiresOnTheTickItHoldsAndResolvesOnTheFirstTickItDoesNot) {
  NetopsAlertTracker tracker(netops::ParseNetopsConfig(kConfig, "n.json"), "http://gen");
  AlertEvaluation first = tracker.Observe({{true, "cpu 9.5"}, {false, ""}, {false, ""}}, 1000);
  EXPECT_TRUE(first.changed);
  ASSERT_EQ(first.firing.size(), 1u);
  const PostableAlert& cpu = first.firing[0];
  EXPECT_EQ(
      cpu.labels,
      (LabelSet{{"alertname", "NetopsCpu"}, {"severity", "warning"}, {"unit", "percent"}, {"ver", "1"}}));
  EXPECT_EQ(cpu.annotations, (LabelSet{{"summary", "cpu 9.5"}}));
  EXPECT_EQ(cpu.starts_at_ms, 1000);
  EXPECT_EQ(cpu.generator_url, "http://gen");

  // Still firing: unchanged, the start time and the first text are kept; the second alert joins.
  AlertEvaluation second = tracker.Observe({{true, "cpu 9.9"}, {false, ""}, {true, "low 1.0"}}, 2000);
  EXPECT_TRUE(second.changed);
  ASSERT_EQ(second.firing.size(), 2u);
  EXPECT_EQ(second.firing[0].starts_at_ms, 1000);
  EXPECT_EQ(second.firing[0].annotations[0].second, "cpu 9.5");
  EXPECT_EQ(second.firing[1].labels.front(),
            (std::pair<std::string, std::string>{"alertname", "NetopsTput"}));
  EXPECT_FALSE(tracker.Observe({{true, "cpu 9"}, {false, ""}, {true, "low 1"}}, 3000).changed);

  AlertEvaluation third = tracker.Observe({{false, ""}, {false, ""}, {true, "low 1.0"}}, 4000);
  EXPECT_TRUE(third.changed);
  ASSERT_EQ(third.resolved.size(), 1u);
  EXPECT_EQ(third.resolved[0].ends_at_ms, 4000);
  EXPECT_EQ(third.firing.size(), 1u);

  const std::vector<PostableAlert> all = tracker.ResolveAll(5000);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].ends_at_ms, 5000);
  EXPECT_EQ(all[0].labels.front().second, "NetopsTput");
}

}  // namespace
}  // namespace promsynth
