#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "config/yaml_config_loader.h"
#include "engine/engine.h"
#include "signal/reset_schedule.h"
#include "signal/stale_marker.h"
#include "signal/window_quantiles.h"

namespace promsynth {
namespace {

using ::testing::ElementsAre;

const GeneratorRegistry kRegistry = GeneratorRegistry::WithBuiltins();
constexpr int64_t kT0 = 1'700'000'000'000;  // a whole number of seconds: tick k is kT0 / 1000 + k

Config Load(const std::string& yaml) { return ParseYamlConfig(yaml, "t.yml"); }

// The values of series `series` of family `family` (all its values_per_series).
std::vector<double> SeriesValues(const Snapshot& snapshot, size_t family, size_t series) {
  const FamilyLayout& layout = snapshot.layout->families[family];
  const auto first = snapshot.values.begin() + static_cast<std::ptrdiff_t>(layout.ValueIndex(series));
  return {first, first + static_cast<std::ptrdiff_t>(layout.values_per_series)};
}

TEST(MetricTypesTest, LayoutStridesValuesPerSeries) {
  Engine engine(Load(R"(
metrics:
  - {name: g, labels: {i: "0..2"}, generator: {kind: constant, value: 1}}
  - {name: h, type: histogram, labels: {i: "0..1"}, buckets: [1, 2, 3], observations: {kind: constant}}
  - {name: s, type: summary, labels: {i: "0..3"}, quantiles: [0.5, 0.9], observations: {kind: constant}}
  - {name: c, type: counter, generator: {kind: constant, value: 1}}
)"),
                kRegistry);
  const SeriesLayout& layout = *engine.layout();
  EXPECT_EQ(layout.series_count, 3u + 2 + 4 + 1);
  EXPECT_EQ(layout.value_count, 3u + 2 * 5 + 4 * 4 + 1);
  EXPECT_EQ(engine.series_count(), 10u);
  EXPECT_EQ(engine.value_count(), 30u);
  EXPECT_EQ(layout.families[1].first_series, 3u);
  EXPECT_EQ(layout.families[1].ValueIndex(1), 8u);
  EXPECT_EQ(layout.families[2].first_series, 13u);
  EXPECT_EQ(layout.families[3].first_series, 29u);
  EXPECT_EQ(engine.Publish()->values.size(), 30u);
  // The series limit counts exposed time series: 3 + 2·6 + 4·4 + 1.
  EXPECT_EQ(engine.config().SeriesCount(), 32u);
}

TEST(MetricTypesTest, CountersNeverDecreaseExceptAtAScriptedReset) {
  const Config config = Load(R"(
global: {seed: 11}
metrics:
  - name: c
    type: counter
    labels: {i: "0..49"}
    generator: {kind: uniform, low: -1, high: 3}
    resets: {every: 7, at: [1700000020.5]}
  - name: r
    type: counter
    mode: rate
    labels: {i: "0..49"}
    generator: {kind: gaussian, mu: 1, sigma: 2}
    resets: {every: 10s}
)");
  Engine engine(config, kRegistry);
  std::vector<ResetSchedule> schedules = {ResetSchedule(config.metrics[0].resets),
                                          ResetSchedule(config.metrics[1].resets)};
  std::vector<double> previous(100, 0.0);
  int resets_seen = 0;
  for (int64_t k = 0; k < 60; ++k) {
    engine.Step(kT0 + k * 1000);
    const auto snapshot = engine.Publish();
    const int64_t tick = kT0 / 1000 + k;
    for (size_t i = 0; i < 100; ++i) {
      const double value = snapshot->values[i];
      if (schedules[i / 50].ResetsAt(tick, 1000)) {
        EXPECT_EQ(value, 0) << "tick " << tick << " series " << i;
        ++resets_seen;
      } else {
        EXPECT_GE(value, previous[i]) << "tick " << tick << " series " << i;
      }
      previous[i] = value;
    }
  }
  // Resets of c at ticks ≡ 0 mod 7 (8 or 9 of them) and at tick …021; of r every 10 ticks (6).
  EXPECT_GE(resets_seen, 50 * (8 + 1 + 6));
}

TEST(MetricTypesTest, CounterModes) {
  Engine engine(Load(R"(
global: {tick: 5s}
metrics:
  - {name: inc, type: counter, generator: {kind: constant, value: 2}}
  - {name: rate, type: counter, mode: rate, generator: {kind: constant, value: 2}}
  - {name: total, type: counter, mode: total, generator: {kind: series, values: "10 20 5 -3 7", start: 1700000000}}
)"),
                kRegistry);
  std::vector<std::vector<double>> seen;
  for (int64_t k = 0; k < 5; ++k) {
    engine.Step(kT0 + k * 5000);
    const auto snapshot = engine.Publish();
    seen.push_back(snapshot->values);
  }
  EXPECT_THAT(seen[2], ElementsAre(6, 30, 5));  // 3 ticks: 3·2, 3·2/s·5 s, the generator's total
  EXPECT_THAT(seen[3], ElementsAre(8, 40, 0));  // a negative total exports 0
  EXPECT_THAT(seen[4], ElementsAre(10, 50, 7));
}

TEST(MetricTypesTest, HistogramBucketsAreCumulativeAndCountAndSumAgree) {
  Engine engine(Load(R"(
global: {seed: 3}
metrics:
  - name: exact
    type: histogram
    buckets: [0.25, 0.3, 0.5]
    observations: {kind: constant, value: 0.3}
    observations_per_tick: 3
  - name: random
    type: histogram
    labels: {i: "0..199"}
    buckets: [0.1, 0.5, 0.9]
    observations: {kind: uniform, low: 0, high: 1}
    observations_per_tick: 2.5
)"),
                kRegistry);
  std::vector<std::vector<double>> previous(201);
  for (int64_t k = 1; k <= 20; ++k) {
    engine.Step(kT0 + k * 1000);
    const auto snapshot = engine.Publish();
    // 3 observations of 0.3 per tick: 0.3 ≤ 0.3 counts in le="0.3".
    EXPECT_THAT(
        SeriesValues(*snapshot, 0, 0),
        ElementsAre(0, 3 * k, 3 * k, 3 * k, ::testing::DoubleNear(0.9 * static_cast<double>(k), 1e-12)));
    for (size_t i = 0; i < 200; ++i) {
      const auto v = SeriesValues(*snapshot, 1, i);  // 3 buckets, count, sum
      EXPECT_LE(v[0], v[1]);
      EXPECT_LE(v[1], v[2]);
      EXPECT_LE(v[2], v[3]);
      EXPECT_GE(v[3] * 1.0, v[4]);  // every observation is below 1
      EXPECT_GE(v[4], 0);
      EXPECT_GE(v[3], 2.0 * static_cast<double>(k));
      EXPECT_LE(v[3], 3.0 * static_cast<double>(k));
      if (!previous[i].empty()) {
        for (size_t b = 0; b < 5; ++b) EXPECT_GE(v[b], previous[i][b]) << "bucket " << b << " went down";
      }
      previous[i] = v;
    }
  }
  // Statistics over 200 series × 20 ticks × 2.5 observations ≈ 10,000 uniform draws.
  double count = 0, in_first = 0, in_second = 0, in_third = 0, sum = 0;
  for (size_t i = 0; i < 200; ++i) {
    in_first += previous[i][0];
    in_second += previous[i][1];
    in_third += previous[i][2];
    count += previous[i][3];
    sum += previous[i][4];
  }
  EXPECT_NEAR(count / 4000, 2.5, 0.05);
  EXPECT_NEAR(in_first / count, 0.1, 0.015);
  EXPECT_NEAR(in_second / count, 0.5, 0.025);
  EXPECT_NEAR(in_third / count, 0.9, 0.015);
  EXPECT_NEAR(sum / count, 0.5, 0.015);
}

TEST(MetricTypesTest, HistogramSpecialObservationsAndResets) {
  Engine engine(Load(R"(
metrics:
  - {name: nan, type: histogram, buckets: [1], observations: {kind: constant, value: .nan}}
  - {name: neg, type: histogram, buckets: [1], observations: {kind: constant, value: -.inf}}
  - {name: pos, type: histogram, buckets: [1], observations: {kind: constant, value: .inf}}
  - {name: reset, type: histogram, buckets: [1], resets: {every: 3}, observations: {kind: constant, value: 0.5}}
)"),
                kRegistry);
  std::vector<double> reset_counts;
  for (int64_t k = 0; k < 7; ++k) {
    engine.Step(3000 * 1000 + k * 1000);  // tick 3000 + k
    reset_counts.push_back(SeriesValues(*engine.Publish(), 3, 0)[1]);
  }
  const auto snapshot = engine.Publish();
  const auto nan = SeriesValues(*snapshot, 0, 0);
  EXPECT_EQ(nan[0], 0);  // NaN only in +Inf
  EXPECT_EQ(nan[1], 7);
  EXPECT_TRUE(std::isnan(nan[2]));
  EXPECT_THAT(SeriesValues(*snapshot, 1, 0), ElementsAre(7, 7, -INFINITY));
  EXPECT_THAT(SeriesValues(*snapshot, 2, 0), ElementsAre(0, 7, INFINITY));
  EXPECT_THAT(reset_counts, ElementsAre(0, 1, 2, 0, 1, 2, 0));  // ticks 3000…3006, resets at multiples of 3
}

TEST(MetricTypesTest, HistogramCatchesUpOnMissedTicks) {
  Engine engine(Load("metrics:\n  - {name: h, type: histogram, buckets: [1], observations: {kind: constant}, "
                     "observations_per_tick: 2}\n"),
                kRegistry);
  engine.Step(kT0);
  engine.Step(kT0 + 10'000);  // nine ticks missed
  EXPECT_THAT(SeriesValues(*engine.Publish(), 0, 0), ElementsAre(22, 22, 0));
}

TEST(MetricTypesTest, SummaryQuantilesAreExactNearestRankOverTheWindow) {
  const Config config = Load(R"(
global: {seed: 9}
metrics:
  - name: s
    type: summary
    labels: {i: "0..5"}
    quantiles: [0, 0.1, 0.5, 0.9, 0.99, 1]
    window: 3s
    observations: {kind: lognormal, mean: 0, sigma: 1}
    observations_per_tick: 4
)");
  Engine engine(config, kRegistry);
  // The documented draw: observation j of series i at tick k is the observation generator's value
  // for stream key CombineKey(key_i, j + 1) at tick k.
  auto generator = kRegistry.Make(config.metrics[0].observations.value, "o", 1);
  const auto keys = ComputeStreamKeys(9, engine.layout()->families[0]);
  auto observe = [&](size_t i, int64_t tick, uint64_t j) {
    const StreamKey key = CombineKey(keys[i], j + 1);
    double x = 0;
    generator->Fill({tick, tick * 1000, 1000}, std::span<const StreamKey>(&key, 1), std::span<double>(&x, 1));
    return x;
  };
  const int64_t first_tick = kT0 / 1000;
  for (int64_t k = 0; k < 8; ++k) {
    engine.Step(kT0 + k * 1000);
    const auto snapshot = engine.Publish();
    for (size_t i = 0; i < 6; ++i) {
      std::vector<double> window;
      double sum = 0;
      for (int64_t tick = first_tick; tick <= first_tick + k; ++tick) {
        for (uint64_t j = 0; j < 4; ++j) {
          const double x = observe(i, tick, j);
          sum += x;
          if (tick > first_tick + k - 3) window.push_back(x);
        }
      }
      std::sort(window.begin(), window.end());
      const auto v = SeriesValues(*snapshot, 0, i);
      for (size_t q = 0; q < 6; ++q) {
        EXPECT_EQ(v[q], NearestRankQuantile(window, config.metrics[0].quantiles[q]))
            << "k " << k << " q " << q;
      }
      EXPECT_EQ(v[6], 4.0 * static_cast<double>(k + 1));  // count since the start
      EXPECT_NEAR(v[7], sum, 1e-9 * sum);                 // sum since the start
    }
  }
}

TEST(MetricTypesTest, SummaryWithoutObservationsHasNaNQuantilesAndResetsEmptyTheWindow) {
  Engine engine(Load(R"(
metrics:
  - {name: idle, type: summary, quantiles: [0.5], observations: {kind: constant, value: 1}, observations_per_tick: 0}
  - {name: r, type: summary, quantiles: [0.5], resets: {every: 4}, observations: {kind: constant, value: 2}}
)"),
                kRegistry);
  engine.Step(4000 * 1000 + 1000);
  engine.Step(4000 * 1000 + 2000);
  auto snapshot = engine.Publish();
  EXPECT_TRUE(std::isnan(snapshot->values[0]));
  EXPECT_THAT(SeriesValues(*snapshot, 0, 0), ElementsAre(::testing::IsNan(), 0, 0));
  EXPECT_THAT(SeriesValues(*snapshot, 1, 0), ElementsAre(2, 2, 4));
  engine.Step(4000 * 1000 + 4000);  // tick 4004: a reset
  snapshot = engine.Publish();
  EXPECT_THAT(SeriesValues(*snapshot, 1, 0), ElementsAre(::testing::IsNan(), 0, 0));
  engine.Step(4000 * 1000 + 5000);
  EXPECT_THAT(SeriesValues(*engine.Publish(), 1, 0), ElementsAre(2, 1, 2));
}

TEST(MetricTypesTest, GapsApplyToThePublishedValuesOnly) {
  Engine engine(Load(R"(
global: {seed: 4}
metrics:
  - {name: c, type: counter, labels: {i: "0..99"}, gaps: {drop_probability: 0.5}, generator: {kind: constant, value: 1}}
  - {name: g, gaps: {absent: [{every: 10s, for: 3s}]}, generator: {kind: constant, value: 1}}
  - {name: h, type: histogram, labels: {i: "0..9"}, buckets: [1], gaps: {absent: [{from: 1700000005, to: 1700000006}]}, observations: {kind: constant}}
)"),
                kRegistry);
  size_t dropped = 0;
  for (int64_t k = 0; k < 10; ++k) {
    engine.Step(kT0 + k * 1000);
    const auto snapshot = engine.Publish();
    for (size_t i = 0; i < 100; ++i) {
      const double value = snapshot->values[i];
      if (IsStaleMarker(value)) {
        ++dropped;
      } else {
        EXPECT_EQ(value, static_cast<double>(k + 1));  // the total kept counting underneath
      }
    }
    EXPECT_EQ(IsStaleMarker(snapshot->values[100]), k < 3) << k;  // kT0 is a multiple of 10 s
    for (size_t i = 0; i < 10; ++i) {
      for (double v : SeriesValues(*snapshot, 2, i)) EXPECT_EQ(IsStaleMarker(v), k == 5) << k;
    }
  }
  EXPECT_GT(dropped, 400u);
  EXPECT_LT(dropped, 600u);
}

TEST(MetricTypesTest, ReloadKeepsCountsAndTheSummaryWindow) {
  const std::string yaml = R"(
metrics:
  - {name: s, type: summary, quantiles: [0, 1], window: 5s, observations: {kind: series, values: "1 2 3 4 5 6 7 8", mode: loop}}
  - {name: h, type: histogram, buckets: [4], observations: {kind: series, values: "1 2 3 4 5 6 7 8", mode: loop}}
)";
  Engine old(Load(yaml), kRegistry);
  for (int64_t k = 0; k < 3; ++k) old.Step(8000 * 1000 + k * 1000);  // values 1, 2, 3
  Engine next(Load(yaml), kRegistry);
  EXPECT_EQ(next.AdoptState(old), 2u);
  next.Step(8000 * 1000 + 3000);  // value 4
  const auto snapshot = next.Publish();
  EXPECT_THAT(SeriesValues(*snapshot, 0, 0), ElementsAre(1, 4, 4, 10));
  EXPECT_THAT(SeriesValues(*snapshot, 1, 0), ElementsAre(4, 4, 10));
}

}  // namespace
}  // namespace promsynth
