// FaultSchedule: when the config's scheduled faults fire, and FormatFaultRequest's round trip.

#include "faults/fault_schedule.h"

#include <gtest/gtest.h>

#include "faults/fault_settings.h"

namespace promsynth {
namespace {

using std::chrono::milliseconds;

constexpr int64_t kLoad = 1'700'000'000'000;

ScheduledFault Fault(std::optional<Millis> at, std::optional<Millis> every, double error_rate) {
  ScheduledFault fault;
  fault.at = at;
  fault.every = every;
  fault.request.error_rate = error_rate;
  return fault;
}

std::vector<double> RatesDue(FaultSchedule& schedule, int64_t now) {
  std::vector<double> rates;
  for (const FaultRequest& request : schedule.TakeDue(now)) rates.push_back(*request.error_rate);
  return rates;
}

TEST(FaultScheduleTest, AtFiresOnceEveryRepeatsAndEveryAloneWaitsOnePeriod) {
  FaultSchedule schedule(
      {Fault(milliseconds(500), std::nullopt, 0.1), Fault(std::nullopt, milliseconds(1000), 0.2),
       Fault(milliseconds(0), milliseconds(3000), 0.3)},
      kLoad);
  EXPECT_EQ(schedule.NextDue(), kLoad);
  EXPECT_EQ(RatesDue(schedule, kLoad), std::vector<double>{0.3});
  EXPECT_EQ(schedule.NextDue(), kLoad + 500);
  EXPECT_EQ(RatesDue(schedule, kLoad + 499), std::vector<double>{});
  EXPECT_EQ(RatesDue(schedule, kLoad + 500), std::vector<double>{0.1});
  EXPECT_EQ(RatesDue(schedule, kLoad + 1000), std::vector<double>{0.2});
  EXPECT_EQ(RatesDue(schedule, kLoad + 1000), std::vector<double>{});  // once per due time
  EXPECT_EQ(RatesDue(schedule, kLoad + 2000), std::vector<double>{0.2});
  EXPECT_EQ(schedule.NextDue(), kLoad + 3000);
  EXPECT_EQ(RatesDue(schedule, kLoad + 3000), (std::vector<double>{0.2, 0.3}));
}

TEST(FaultScheduleTest, MissedOccurrencesFireOnceAndTheNextIsInTheFuture) {
  FaultSchedule schedule({Fault(std::nullopt, milliseconds(1000), 0.5)}, kLoad);
  EXPECT_EQ(RatesDue(schedule, kLoad + 5500), std::vector<double>{0.5});
  EXPECT_EQ(schedule.NextDue(), kLoad + 6000);
}

TEST(FaultScheduleTest, NothingScheduledIsNeverDue) {
  FaultSchedule schedule({}, kLoad);
  EXPECT_FALSE(schedule.NextDue().has_value());
  FaultSchedule once({Fault(milliseconds(10), std::nullopt, 1)}, kLoad);
  EXPECT_EQ(RatesDue(once, kLoad + 10), std::vector<double>{1.0});
  EXPECT_FALSE(once.NextDue().has_value());
}

TEST(FaultScheduleTest, FormattedRequestsParseBackToTheSameRequest) {
  const char* body = R"({"scrape_delay": "1s500ms", "error_rate": 0.25, "truncate_rate": 1, "churn": "10m", )"
                     R"("down": "30s", "pause": "2s", "for": "1h"})";
  std::string error;
  const std::optional<FaultRequest> request = ParseFaultRequest(body, error);
  ASSERT_TRUE(request) << error;
  EXPECT_EQ(FormatFaultRequest(*request), body);
  EXPECT_EQ(FormatFaultRequest(FaultRequest{}), "{}");
}

}  // namespace
}  // namespace promsynth
