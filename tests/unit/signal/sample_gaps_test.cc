#include "signal/sample_gaps.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "signal/stale_marker.h"
#include "unit/signal/signal_test_support.h"

namespace promsynth {
namespace {

TEST(SampleGapsTest, AbsentWindowsFixedAndPeriodic) {
  GapConfig config;
  config.absent.push_back({.from_ms = 10'000, .to_ms = 12'000});
  config.absent.push_back({.every = Millis(60'000), .length = Millis(5'000), .offset = Millis(30'000)});
  const SampleGaps gaps(config);
  EXPECT_FALSE(gaps.AbsentAt(9'999));
  EXPECT_TRUE(gaps.AbsentAt(10'000));
  EXPECT_TRUE(gaps.AbsentAt(11'999));
  EXPECT_FALSE(gaps.AbsentAt(12'000));
  EXPECT_FALSE(gaps.AbsentAt(29'999));
  EXPECT_TRUE(gaps.AbsentAt(30'000));
  EXPECT_TRUE(gaps.AbsentAt(34'999));
  EXPECT_FALSE(gaps.AbsentAt(35'000));
  EXPECT_TRUE(gaps.AbsentAt(90'000 + 60'000 * 1000));
  EXPECT_TRUE(gaps.AbsentAt(-30'000));  // periodic windows extend before the epoch as well
}

TEST(SampleGapsTest, ProportionsMatchTheProbabilitiesWithAFixedSeed) {
  GapConfig config;
  config.drop_probability = 0.1;
  config.nan_probability = 0.05;
  config.inf_probability = 0.02;
  config.neg_inf_probability = 0.03;
  const SampleGaps gaps(config);
  const auto keys = testing::Keys(1000);
  size_t dropped = 0, nan = 0, positive = 0, negative = 0;
  constexpr int kTicks = 100;
  for (int64_t tick = 0; tick < kTicks; ++tick) {
    std::vector<double> values(keys.size(), 1.0);
    gaps.Apply(tick, 1000, keys, 1, values);
    for (double v : values) {
      if (IsStaleMarker(v)) {
        ++dropped;
      } else if (std::isnan(v)) {
        ++nan;
      } else if (v == INFINITY) {
        ++positive;
      } else if (v == -INFINITY) {
        ++negative;
      } else {
        EXPECT_EQ(v, 1.0);
      }
    }
  }
  // 100,000 draws: a binomial count is within 5 standard deviations with overwhelming odds.
  const auto near = [](size_t count, double p) {
    const double n = 100'000, mean = n * p, sd = std::sqrt(n * p * (1 - p));
    return std::fabs(static_cast<double>(count) - mean) < 5 * sd;
  };
  EXPECT_TRUE(near(dropped, 0.1)) << dropped;
  // A special value needs the series kept (0.9) and the second draw in its band.
  EXPECT_TRUE(near(nan, 0.9 * 0.05)) << nan;
  EXPECT_TRUE(near(positive, 0.9 * 0.02)) << positive;
  EXPECT_TRUE(near(negative, 0.9 * 0.03)) << negative;
}

TEST(SampleGapsTest, DeterministicPerSeriesAndTickAndDropsAWholeSeries) {
  GapConfig config;
  config.drop_probability = 0.5;
  const SampleGaps gaps(config);
  const auto keys = testing::Keys(64);
  std::vector<double> a(64 * 3, 2.0), b(64 * 3, 2.0);
  gaps.Apply(42, 1000, keys, 3, a);
  gaps.Apply(42, 1000, keys, 3, b);
  size_t dropped = 0;
  for (size_t i = 0; i < 64; ++i) {
    const bool gone = IsStaleMarker(a[i * 3]);
    dropped += gone ? 1 : 0;
    for (size_t k = 0; k < 3; ++k) {
      EXPECT_EQ(IsStaleMarker(a[i * 3 + k]), gone) << "series " << i << " value " << k;
      EXPECT_EQ(std::bit_cast<uint64_t>(a[i * 3 + k]), std::bit_cast<uint64_t>(b[i * 3 + k]));
    }
    EXPECT_EQ(gaps.OutcomeFor(keys[i], 42) == SampleGaps::Outcome::kDrop, gone);
  }
  EXPECT_GT(dropped, 10u);
  EXPECT_LT(dropped, 54u);
}

TEST(SampleGapsTest, SpecialValuesLeaveAMissingSampleMissing) {
  GapConfig config;
  config.nan_probability = 1;
  const SampleGaps gaps(config);
  const auto keys = testing::Keys(2);
  std::vector<double> values = {StaleMarker(), 3.0};
  gaps.Apply(0, 1000, keys, 1, values);
  EXPECT_TRUE(IsStaleMarker(values[0]));
  EXPECT_TRUE(std::isnan(values[1]) && !IsStaleMarker(values[1]));
}

}  // namespace
}  // namespace promsynth
