#include "signal/window_quantiles.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "signal/random_stream.h"

namespace promsynth {
namespace {

using ::testing::ElementsAre;

std::vector<double> QuantilesOf(WindowQuantiles& window, size_t series, int64_t tick,
                                const std::vector<double>& phis) {
  std::vector<double> out(phis.size());
  window.Quantiles(series, tick, phis, out);
  return out;
}

TEST(WindowQuantilesTest, NearestRankPinned) {
  // 1..10 over two ticks: the φ-quantile is x(max(1, ⌈10φ⌉)).
  WindowQuantiles window(1, 5, 5);
  window.BeginTick(100);
  for (double x : {7, 3, 10, 1, 5}) window.Add(0, x);
  window.BeginTick(101);
  for (double x : {2, 9, 4, 8, 6}) window.Add(0, x);
  EXPECT_THAT(QuantilesOf(window, 0, 101, {0, 0.05, 0.1, 0.25, 0.5, 0.51, 0.9, 0.99, 1}),
              ElementsAre(1, 1, 1, 3, 5, 6, 9, 10, 10));
  const std::vector<double> sorted = {1, 2, 3};
  EXPECT_EQ(NearestRankQuantile(sorted, 0.5), 2);
  EXPECT_EQ(NearestRankQuantile(sorted, 0.34), 2);
  EXPECT_EQ(NearestRankQuantile(sorted, 0.33), 1);
}

TEST(WindowQuantilesTest, OldTicksLeaveTheWindow) {
  WindowQuantiles window(2, 3, 2);
  for (int64_t tick = 0; tick < 6; ++tick) {
    window.BeginTick(tick);
    window.Add(0, static_cast<double>(tick));
    window.Add(1, static_cast<double>(-tick));
  }
  // Ticks 3, 4, 5 are in the window of tick 5.
  EXPECT_THAT(QuantilesOf(window, 0, 5, {0, 1}), ElementsAre(3, 5));
  EXPECT_THAT(QuantilesOf(window, 1, 5, {0, 1}), ElementsAre(-5, -3));
  // After a stall of more than a window, only the new tick counts.
  window.BeginTick(20);
  window.Add(0, 42);
  EXPECT_THAT(QuantilesOf(window, 0, 20, {0, 0.5, 1}), ElementsAre(42, 42, 42));
  const auto empty = QuantilesOf(window, 1, 20, {0.5});
  EXPECT_TRUE(std::isnan(empty[0]));
}

TEST(WindowQuantilesTest, FullSlotsAndNaNAndClear) {
  WindowQuantiles window(1, 2, 2);
  window.BeginTick(0);
  window.Add(0, 1);
  window.Add(0, NAN);  // left out
  window.Add(0, 2);
  window.Add(0, 3);  // the slot holds two: ignored
  EXPECT_THAT(QuantilesOf(window, 0, 0, {0, 1}), ElementsAre(1, 2));
  window.Clear(0);
  EXPECT_TRUE(std::isnan(QuantilesOf(window, 0, 0, {0.5})[0]));
}

TEST(WindowQuantilesTest, MatchesSortingOnRandomData) {
  constexpr int64_t kWindow = 7;
  constexpr uint32_t kPerTick = 13;
  WindowQuantiles window(3, kWindow, kPerTick);
  std::vector<std::vector<std::vector<double>>> history(3);
  const std::vector<double> phis = {0, 0.01, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999, 1};
  for (int64_t tick = 0; tick < 40; ++tick) {
    window.BeginTick(tick);
    for (size_t s = 0; s < 3; ++s) {
      TickRandom random(Mix64(s + 1), tick);
      const auto count = static_cast<uint32_t>(random.NextBits() % (kPerTick + 1));
      std::vector<double> added;
      for (uint32_t j = 0; j < count; ++j) {
        added.push_back(std::floor(random.Uniform01() * 50));  // ties on purpose
        window.Add(s, added.back());
      }
      history[s].push_back(added);
      std::vector<double> all;
      for (int64_t back = std::max<int64_t>(0, tick - kWindow + 1); back <= tick; ++back) {
        all.insert(all.end(), history[s][static_cast<size_t>(back)].begin(),
                   history[s][static_cast<size_t>(back)].end());
      }
      std::sort(all.begin(), all.end());
      const auto got = QuantilesOf(window, s, tick, phis);
      for (size_t q = 0; q < phis.size(); ++q) {
        if (all.empty()) {
          EXPECT_TRUE(std::isnan(got[q]));
        } else {
          EXPECT_EQ(got[q], NearestRankQuantile(all, phis[q])) << "tick " << tick << " series " << s;
        }
      }
    }
  }
}

}  // namespace
}  // namespace promsynth
