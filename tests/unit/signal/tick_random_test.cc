#include "signal/tick_random.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace promsynth {
namespace {

/// The standard normal's CDF.
double NormalCdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

/// Upper tail probability Q(x) = 1 − Φ(x), accurate far out.
double NormalUpperTail(double x) { return 0.5 * std::erfc(x / std::sqrt(2.0)); }

/// The Kolmogorov–Smirnov statistic of `sample` (sorted in place) against `cdf`.
template <typename Cdf>
double KolmogorovSmirnov(std::vector<double>& sample, Cdf cdf) {
  std::sort(sample.begin(), sample.end());
  const auto n = static_cast<double>(sample.size());
  double d = 0;
  for (size_t i = 0; i < sample.size(); ++i) {
    const double f = cdf(sample[i]);
    d = std::max({d, static_cast<double>(i + 1) / n - f, f - static_cast<double>(i) / n});
  }
  return d;
}

TEST(TickRandomTest, ZigguratTablesCloseAtTheTop) {
  // The top layer's upper edge must be f(0) = 1 and its width ends at x_256 = 0: the layers
  // computed from r and v tile the density exactly (to the precision of the published constants).
  const auto& z = kNormalZiggurat;
  EXPECT_EQ(z.height[NormalZiggurat::kLayers], 1.0);
  const double top_width = z.width[NormalZiggurat::kLayers - 1] * 0x1.0p53;
  EXPECT_NEAR(z.height[NormalZiggurat::kLayers - 1] + NormalZiggurat::kLayerArea / top_width, 1.0, 1e-9);
  EXPECT_EQ(z.accept[NormalZiggurat::kLayers - 1], 0u);  // the top layer always takes the wedge test
  // The base layer (rectangle to r plus the tail) has the same area as every other layer.
  constexpr double r = NormalZiggurat::kTailStart;
  EXPECT_NEAR(r * std::exp(-0.5 * r * r) + std::sqrt(2 * M_PI) * NormalUpperTail(r),
              NormalZiggurat::kLayerArea, 1e-12);
}

TEST(TickRandomTest, NormalIsDeterministicPerKeyAndTick) {
  for (int64_t tick = 0; tick < 1000; ++tick) {
    TickRandom a(99, tick);
    TickRandom b(99, tick);
    EXPECT_EQ(a.Normal(), b.Normal());
    EXPECT_EQ(a.Normal(), b.Normal());
  }
}

TEST(TickRandomTest, NormalPassesKolmogorovSmirnov) {
  constexpr int kDraws = 200000;
  std::vector<double> sample;
  sample.reserve(kDraws);
  for (int i = 0; i < kDraws; ++i) sample.push_back(TickRandom(11, i).Normal());
  // Critical value at the 1 % level: 1.628 / sqrt(n) = 0.00364.
  EXPECT_LT(KolmogorovSmirnov(sample, NormalCdf), 1.628 / std::sqrt(kDraws));
}

TEST(TickRandomTest, NormalIsSymmetricAndCoversEveryLayerBoundary) {
  // KS on |x| against the half-normal catches a wrong layer width or wedge (those are the same on
  // both sides), and the sign must be a fair coin.
  constexpr int kDraws = 200000;
  std::vector<double> magnitudes;
  int negative = 0;
  for (int i = 0; i < kDraws; ++i) {
    const double x = TickRandom(12, i, 3).Normal();
    negative += x < 0 ? 1 : 0;
    magnitudes.push_back(std::fabs(x));
  }
  EXPECT_LT(KolmogorovSmirnov(magnitudes, [](double x) { return 2 * NormalCdf(x) - 1; }),
            1.628 / std::sqrt(kDraws));
  EXPECT_NEAR(negative, kDraws / 2, 4 * std::sqrt(kDraws / 4.0));
}

TEST(TickRandomTest, NormalTailsHaveTheRightMassAndShape) {
  // 4 million draws: beyond r = 3.654 (the ziggurat's tail method) about 1,033 are expected on
  // both sides, beyond 4.5 about 27. The shape beyond 3 is KS-tested against the conditional CDF.
  constexpr int kDraws = 4000000;
  constexpr double kFrom = 3.0;
  constexpr double r = NormalZiggurat::kTailStart;
  std::vector<double> beyond;
  int beyond_r = 0;
  int beyond_4_5 = 0;
  for (int i = 0; i < kDraws; ++i) {
    TickRandom random(13, i / 2);
    if (i % 2 == 1) random.Normal();
    const double x = std::fabs(random.Normal());
    if (x > kFrom) beyond.push_back(x);
    beyond_r += x > r ? 1 : 0;
    beyond_4_5 += x > 4.5 ? 1 : 0;
  }
  const double expect_r = kDraws * 2 * NormalUpperTail(r);
  EXPECT_NEAR(beyond_r, expect_r, 4 * std::sqrt(expect_r));
  const double expect_4_5 = kDraws * 2 * NormalUpperTail(4.5);
  EXPECT_NEAR(beyond_4_5, expect_4_5, 4 * std::sqrt(expect_4_5) + 1);
  const double expect_3 = kDraws * 2 * NormalUpperTail(kFrom);
  EXPECT_NEAR(static_cast<double>(beyond.size()), expect_3, 4 * std::sqrt(expect_3));
  const auto n = static_cast<double>(beyond.size());
  const double q = NormalUpperTail(kFrom);
  EXPECT_LT(KolmogorovSmirnov(beyond, [q](double x) { return (q - NormalUpperTail(x)) / q; }),
            1.628 / std::sqrt(n));
}

}  // namespace
}  // namespace promsynth
