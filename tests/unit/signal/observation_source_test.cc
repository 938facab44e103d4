#include "signal/observation_source.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "signal/generator_registry.h"
#include "unit/signal/signal_test_support.h"

namespace promsynth {
namespace {

using testing::MakeConfig;
using testing::Number;

const GeneratorRegistry kRegistry = GeneratorRegistry::WithBuiltins();

ObservationSource Make(GeneratorConfig value, GeneratorConfig per_tick, uint32_t max, size_t n) {
  return ObservationSource(kRegistry.Make(value, "v", n), kRegistry.Make(per_tick, "p", n), max, n);
}

struct Drawn {
  std::vector<std::vector<double>> per_series;
};

Drawn DrawAt(ObservationSource& source, int64_t tick, size_t n) {
  Drawn drawn;
  drawn.per_series.resize(n);
  const auto keys = testing::Keys(n);
  source.Draw({tick, tick * 1000, 1000}, keys, [&](size_t i, double x) { drawn.per_series[i].push_back(x); });
  return drawn;
}

TEST(ObservationSourceTest, FractionalCountsHaveTheRightMean) {
  constexpr size_t kSeries = 2000;
  auto source = Make(MakeConfig("uniform"), MakeConfig("constant", {{"value", Number(2.25)}}), 3, kSeries);
  double total = 0;
  double sum = 0;
  for (int64_t tick = 0; tick < 10; ++tick) {
    const Drawn drawn = DrawAt(source, tick, kSeries);
    for (size_t i = 0; i < kSeries; ++i) {
      const size_t count = drawn.per_series[i].size();
      ASSERT_TRUE(count == 2 || count == 3) << count;
      EXPECT_EQ(source.LastCount(i), count);
      total += static_cast<double>(count);
      for (double x : drawn.per_series[i]) sum += x;
    }
  }
  // 20,000 Bernoulli(0.25) extras: mean 2.25, sd of the mean count ≈ 0.0031.
  EXPECT_NEAR(total / (10 * kSeries), 2.25, 0.016);
  // 45,000 uniform draws: mean 0.5, sd of the mean ≈ 0.0014.
  EXPECT_NEAR(sum / total, 0.5, 0.007);
}

TEST(ObservationSourceTest, DeterministicAndIndependentAcrossObservations) {
  auto a = Make(MakeConfig("uniform"), MakeConfig("constant", {{"value", Number(4)}}), 4, 8);
  auto b = Make(MakeConfig("uniform"), MakeConfig("constant", {{"value", Number(4)}}), 4, 8);
  const Drawn first = DrawAt(a, 77, 8);
  DrawAt(b, 3, 8);  // another tick first: draws depend on (series, tick, j) only
  const Drawn second = DrawAt(b, 77, 8);
  EXPECT_EQ(first.per_series, second.per_series);
  for (const auto& series : first.per_series) {
    ASSERT_EQ(series.size(), 4u);
    EXPECT_NE(series[0], series[1]);
    EXPECT_NE(series[1], series[2]);
  }
  EXPECT_NE(first.per_series[0], first.per_series[1]);
}

TEST(ObservationSourceTest, CountsAreCappedAndBadCountsGiveNone) {
  auto capped = Make(MakeConfig("uniform"), MakeConfig("constant", {{"value", Number(50)}}), 5, 3);
  for (const auto& series : DrawAt(capped, 1, 3).per_series) EXPECT_EQ(series.size(), 5u);
  for (double bad : {-3.0, std::nan(""), 0.0}) {
    auto none = Make(MakeConfig("uniform"), MakeConfig("constant", {{"value", Number(bad)}}), 5, 3);
    for (const auto& series : DrawAt(none, 1, 3).per_series) EXPECT_TRUE(series.empty()) << bad;
  }
  // A stale-marker observation is no observation.
  auto stale =
      Make(MakeConfig("series", {{"values", testing::Text("stale")}, {"mode", testing::Text("loop")}}),
           MakeConfig("constant", {{"value", Number(2)}}), 2, 3);
  for (const auto& series : DrawAt(stale, 0, 3).per_series) EXPECT_TRUE(series.empty());
}

}  // namespace
}  // namespace promsynth
