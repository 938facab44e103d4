#include "signal/reset_schedule.h"

#include <gtest/gtest.h>

#include <vector>

namespace promsynth {
namespace {

std::vector<int64_t> ResetTicks(const ResetSchedule& schedule, int64_t first, int64_t last, int64_t tick_ms) {
  std::vector<int64_t> ticks;
  for (int64_t k = first; k <= last; ++k) {
    if (schedule.ResetsAt(k, tick_ms)) ticks.push_back(k);
  }
  return ticks;
}

TEST(ResetScheduleTest, EveryDurationIsAlignedToTheEpoch) {
  ResetConfig config;
  config.every = Millis(10'000);
  const ResetSchedule schedule(config);
  EXPECT_EQ(ResetTicks(schedule, 1, 35, 1000), (std::vector<int64_t>{10, 20, 30}));
  // A period that is not a multiple of the tick: the first tick at or after each multiple.
  EXPECT_EQ(ResetTicks(schedule, 1, 12, 3000), (std::vector<int64_t>{4, 7, 10}));  // 12 s, 21 s, 30 s
  EXPECT_EQ(ResetTicks(schedule, -7, -1, 3000),
            (std::vector<int64_t>{-6, -3}));  // −18 s ≥ −20 s, −9 s ≥ −10 s
}

TEST(ResetScheduleTest, EveryTicksAndAtTimes) {
  ResetConfig config;
  config.every_ticks = 7;
  config.at_ms = {25'500, 3'000, 3'200};  // two times in one tick reset once
  const ResetSchedule schedule(config);
  EXPECT_EQ(ResetTicks(schedule, 1, 30, 1000), (std::vector<int64_t>{3, 4, 7, 14, 21, 26, 28}));
}

TEST(ResetScheduleTest, EmptyNeverResets) {
  const ResetSchedule schedule{ResetConfig{}};
  EXPECT_TRUE(schedule.empty());
  EXPECT_TRUE(ResetTicks(schedule, -100, 100, 1000).empty());
}

}  // namespace
}  // namespace promsynth
