// The `faults:` section: baseline settings and scheduled fault requests, and the error each bad
// value gets.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/config.h"
#include "config_errors_of.h"

namespace promsynth {
namespace {

using std::chrono::milliseconds;
using ::testing::ElementsAre;

constexpr const char* kMetrics = "metrics:\n  - {name: a, generator: {kind: constant}}\n";

std::vector<std::string> ErrorsOf(const std::string& faults) {
  return testing::ConfigErrorsOf(kMetrics + faults, "test.yml");
}

TEST(FaultConfigLoaderTest, BaselineAndScheduledFaults) {
  const Config config = ParseYamlConfig(std::string(kMetrics) + R"(faults:
  scrape_delay: 250ms
  error_rate: 0.1
  truncate_rate: 0.05
  churn: 10m
  scheduled:
    - {every: 1h, for: 2m, error_rate: 1}
    - {at: 30s, down: 15s}
    - {at: 5m, every: 10m, pause: 20s}
)",
                                        "test.yml");
  const FaultsConfig& faults = config.faults;
  EXPECT_EQ(faults.baseline.scrape_delay, milliseconds(250));
  EXPECT_EQ(faults.baseline.error_rate, 0.1);
  EXPECT_EQ(faults.baseline.truncate_rate, 0.05);
  EXPECT_EQ(faults.baseline.churn, milliseconds(600'000));
  ASSERT_EQ(faults.scheduled.size(), 3u);
  EXPECT_FALSE(faults.scheduled[0].at.has_value());
  EXPECT_EQ(faults.scheduled[0].every, milliseconds(3'600'000));
  EXPECT_EQ(faults.scheduled[0].request.duration, milliseconds(120'000));
  EXPECT_EQ(faults.scheduled[0].request.error_rate, 1.0);
  EXPECT_FALSE(faults.scheduled[0].request.down.has_value());
  EXPECT_EQ(faults.scheduled[1].at, milliseconds(30'000));
  EXPECT_EQ(faults.scheduled[1].request.down, milliseconds(15'000));
  EXPECT_EQ(faults.scheduled[2].request.pause, milliseconds(20'000));
  EXPECT_EQ(faults.scheduled[2].location.line, 11);
}

TEST(FaultConfigLoaderTest, WithoutTheSectionNothingMisbehaves) {
  const Config config = ParseYamlConfig(kMetrics, "test.yml");
  EXPECT_EQ(config.faults.baseline, FaultSettings{});
  EXPECT_TRUE(config.faults.scheduled.empty());
}

TEST(FaultConfigLoaderTest, BadValuesNameLineKeyValueAndWhatIsAllowed) {
  EXPECT_THAT(
      ErrorsOf("faults: {error_rate: 1.5, scrape_delay: soon, nope: 1}\n"),
      ElementsAre("test.yml:3:47: faults.nope: unknown key \"nope\" (allowed: scrape_delay, error_rate, "
                  "truncate_rate, churn, scheduled)",
                  "test.yml:3:41: faults.scrape_delay: not a duration \"soon\" (allowed: a duration such "
                  "as 0s, 90s, 5m)",
                  "test.yml:3:22: faults.error_rate: not a share of scrapes \"1.5\" (allowed: a number "
                  "from 0 to 1)"));
  EXPECT_THAT(
      ErrorsOf("faults: {scheduled: {at: 1s}}\n"),
      ElementsAre("test.yml:3:21: faults.scheduled: expected a list \"<mapping>\" (allowed: - {every: 1h, "
                  "for: 1m, error_rate: 1})"));
}

TEST(FaultConfigLoaderTest, ScheduledFaultsNeedATimeSomethingToInjectAndADurationToRepeat) {
  EXPECT_THAT(
      ErrorsOf("faults:\n  scheduled:\n    - {error_rate: 1, for: 1m}\n"),
      ElementsAre("test.yml:5:7: faults.scheduled[0]: a scheduled fault needs a time (allowed: at: 5m "
                  "(once, that long after the load) and/or every: 1h (repeated))"));
  EXPECT_THAT(
      ErrorsOf("faults:\n  scheduled:\n    - {at: 1m}\n"),
      ElementsAre("test.yml:5:7: faults.scheduled[0]: a scheduled fault must inject something (allowed: "
                  "scrape_delay, error_rate, truncate_rate, churn, down or pause)"));
  EXPECT_THAT(
      ErrorsOf("faults:\n  scheduled:\n    - {every: 1h, error_rate: 1}\n"),
      ElementsAre("test.yml:5:7: faults.scheduled[0].for: a repeated fault that changes settings needs a "
                  "duration (allowed: for: 1m (how long each occurrence lasts))"));
  EXPECT_THAT(
      ErrorsOf("faults:\n  scheduled:\n    - {at: 1m, down: 0s, for: 1m}\n"),
      ElementsAre("test.yml:5:22: faults.scheduled[0].down: not a duration \"0s\" (allowed: a positive "
                  "duration such as 1h)",
                  "test.yml:5:31: faults.scheduled[0].for: for applies to changed settings only \"1m\" "
                  "(allowed: scrape_delay, error_rate, truncate_rate, churn (down and pause carry their "
                  "own duration))"));
}

}  // namespace
}  // namespace promsynth
