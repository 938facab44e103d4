#include "config/metric_type_loader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>

#include "config/yaml_config_loader.h"
#include "unit/config/config_errors_of.h"

namespace promsynth {
namespace {

using ::testing::_;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<std::string> ErrorsOf(const std::string& yaml) { return testing::ConfigErrorsOf(yaml, "m.yml"); }

// One metric entry under `metrics:`, written as a flow mapping on line 2.
std::vector<std::string> ErrorsOfMetric(const std::string& entry) {
  return ErrorsOf("metrics:\n  - " + entry + "\n");
}

Config Load(const std::string& yaml) { return ParseYamlConfig(yaml, "m.yml"); }

TEST(MetricTypeLoaderTest, HistogramWithEverySetting) {
  const Config config = Load(R"(
global: {tick: 2s}
metrics:
  - name: latency_seconds
    type: histogram
    buckets: [0.1, 0.5, 1]
    observations: {kind: exponential, scale: 0.2}
    observations_per_tick: {kind: uniform, low: 0, high: 5}
    max_observations_per_tick: 8
    resets: {every: 1h, at: [2026-01-01T00:00:00Z, 1767225600.5]}
    gaps: {drop_probability: 0.05, absent: [{from: 1000, to: 2026-01-01T00:05:00Z}, {every: 1h, for: 5m, offset: 30m}]}
)");
  const MetricConfig& m = config.metrics[0];
  EXPECT_EQ(m.type, MetricType::kHistogram);
  EXPECT_EQ(m.name, "latency_seconds");
  EXPECT_THAT(m.buckets, ElementsAre(0.1, 0.5, 1));
  EXPECT_EQ(m.observations.value.kind, "exponential");
  EXPECT_EQ(m.observations.per_tick.kind, "uniform");
  EXPECT_EQ(m.observations.max_per_tick, 8u);
  EXPECT_EQ(m.resets.every, Millis(3'600'000));
  EXPECT_THAT(m.resets.at_ms, ElementsAre(1'767'225'600'000, 1'767'225'600'500));
  EXPECT_EQ(m.gaps.drop_probability, 0.05);
  ASSERT_EQ(m.gaps.absent.size(), 2u);
  EXPECT_EQ(m.gaps.absent[0].from_ms, 1'000'000);
  EXPECT_EQ(m.gaps.absent[0].to_ms, 1'767'225'900'000);
  EXPECT_EQ(m.gaps.absent[1].every, Millis(3'600'000));
  EXPECT_EQ(m.gaps.absent[1].length, Millis(300'000));
  EXPECT_EQ(m.gaps.absent[1].offset, Millis(1'800'000));
  EXPECT_EQ(m.ValuesPerSeries(), 5u);
  EXPECT_EQ(m.ExposedSeriesCount(), 6u);  // three buckets, +Inf, _count, _sum
  EXPECT_EQ(m.help, "Synthetic histogram from the exponential generator.");
}

// The landing page shows both counts: time series exposed, and label sets (promsynth_series).
TEST(MetricTypeLoaderTest, ConfigCountsExposedSeriesAndLabelSets) {
  const Config config = Load(R"(
metrics:
  - {name: h, type: histogram, buckets: [1, 2], labels: {a: [x, y]}, observations: {kind: uniform}}
  - {name: g, labels: {b: [x, y, z]}, generator: {kind: constant}}
)");
  EXPECT_EQ(config.SeriesCount(), 2u * (2 + 3) + 3);  // per label set: two buckets, +Inf, _count, _sum
  EXPECT_EQ(config.LabelSetCount(), 2u + 3);
  // Both saturate rather than wrap: four dimensions of a million values are 10^24 label sets, and
  // the second metric adds to a saturated sum.
  const Config huge = Load(R"(
metrics:
  - {name: g, labels: {a: "0..999999", b: "0..999999", c: "0..999999", d: "0..999999"}, generator: {kind: constant}}
  - {name: f, labels: {a: "0..999999"}, generator: {kind: constant}}
)");
  EXPECT_EQ(huge.LabelSetCount(), std::numeric_limits<uint64_t>::max());
  EXPECT_EQ(huge.SeriesCount(), std::numeric_limits<uint64_t>::max());
}

TEST(MetricTypeLoaderTest, Defaults) {
  const Config config = Load(R"(
metrics:
  - {name: h, type: histogram, observations: {kind: uniform}}
  - {name: s, type: summary, observations: {kind: uniform}, observations_per_tick: 2.5}
  - {name: c, type: counter, generator: {kind: constant}}
  - {name: t, type: counter, mode: total, generator: {kind: constant}}
  - {name: r, type: counter, mode: rate, resets: {every: 10}, generator: {kind: constant}}
)");
  EXPECT_EQ(config.metrics[0].buckets, DefaultHistogramBuckets());
  EXPECT_EQ(config.metrics[0].observations.per_tick.kind, "constant");
  EXPECT_EQ(config.metrics[0].observations.per_tick.params.at("value").number, 1);
  EXPECT_EQ(config.metrics[0].observations.max_per_tick, 1u);
  EXPECT_EQ(config.metrics[1].quantiles, DefaultSummaryQuantiles());
  EXPECT_EQ(config.metrics[1].window, Millis(600'000));
  EXPECT_EQ(config.metrics[1].observations.max_per_tick, 3u);  // ⌈2.5⌉
  EXPECT_EQ(config.metrics[2].counter_mode, CounterMode::kIncrements);
  EXPECT_EQ(config.metrics[3].counter_mode, CounterMode::kTotal);
  EXPECT_EQ(config.metrics[4].counter_mode, CounterMode::kRate);
  EXPECT_EQ(config.metrics[4].resets.every_ticks, 10);
  EXPECT_EQ(config.metrics[1].name, "s");
  EXPECT_EQ(config.metrics[2].name, "c_total");
}

TEST(MetricTypeLoaderTest, SummaryWindowAndMaxAge) {
  EXPECT_EQ(Load("metrics:\n  - {name: s, type: summary, window: 30s, observations: {kind: uniform}}\n")
                .metrics[0]
                .window,
            Millis(30'000));
  EXPECT_EQ(Load("metrics:\n  - {name: s, type: summary, max_age: 1m, observations: {kind: uniform}}\n")
                .metrics[0]
                .window,
            Millis(60'000));
  EXPECT_THAT(
      ErrorsOfMetric("{name: s, type: summary, window: 1m, max_age: 1m, observations: {kind: uniform}}"),
      ElementsAre(HasSubstr("metrics[0].max_age: window given twice")));
  EXPECT_THAT(
      ErrorsOfMetric("{name: s, type: summary, tick: 5s, window: 2s, observations: {kind: uniform}}"),
      ElementsAre("m.yml:2:48: metrics[0].window: the window is shorter than one tick \"2s\" (allowed: at "
                  "least the metric's tick (5s))"));
  EXPECT_THAT(
      ErrorsOfMetric("{name: s, type: summary, window: 1d, observations_per_tick: 100, observations: "
                     "{kind: uniform}}"),
      ElementsAre(HasSubstr("the window would keep too many observations per series \"86400 ticks × 100 "
                            "observations\"")));
}

TEST(MetricTypeLoaderTest, NamesOfHistogramsAndSummaries) {
  EXPECT_THAT(
      ErrorsOfMetric("{name: x_bucket, type: histogram, observations: {kind: uniform}}"),
      ElementsAre("m.yml:2:12: metrics[0].name: a histogram's name must not end with _bucket (its samples "
                  "are named <name>_bucket, _sum, _count) \"x_bucket\" (allowed: the family name, e.g. "
                  "request_duration_seconds)"));
  EXPECT_THAT(ErrorsOfMetric("{name: x_count, type: summary, observations: {kind: uniform}}"),
              ElementsAre(HasSubstr("a summary's name must not end with _count")));
  EXPECT_THAT(ErrorsOfMetric("{name: x_sum, type: histogram, observations: {kind: uniform}}"),
              ElementsAre(HasSubstr("must not end with _sum")));
  EXPECT_THAT(
      ErrorsOfMetric("{name: x, type: histogram, labels: {le: [a]}, observations: {kind: uniform}}"),
      ElementsAre(HasSubstr("metrics[0].labels.le: label le is reserved for the histogram's own samples")));
  EXPECT_THAT(
      ErrorsOfMetric("{name: x, type: summary, labels: {quantile: [a]}, observations: {kind: uniform}}"),
      ElementsAre(HasSubstr("label quantile is reserved for the summary's own samples")));
  EXPECT_THAT(
      ErrorsOf("global: {labels: {le: x}}\nmetrics:\n  - {name: x, type: histogram, observations: {kind: "
               "uniform}}\n"),
      ElementsAre(HasSubstr("global.labels has the label le")));
  // A gauge may end with _count: only histograms and summaries own those suffixes.
  EXPECT_EQ(Load("metrics:\n  - {name: queue_count, generator: {kind: constant}}\n").metrics[0].name,
            "queue_count");
}

TEST(MetricTypeLoaderTest, BucketsOutOfRange) {
  EXPECT_THAT(
      ErrorsOfMetric("{name: h, type: histogram, buckets: [1, 0.5], observations: {kind: uniform}}"),
      ElementsAre("m.yml:2:45: metrics[0].buckets[1]: not greater than the item before \"0.5\" (allowed: "
                  "strictly increasing numbers: finite upper bounds, e.g. [0.1, 0.5, 1] (+Inf is "
                  "implied))"));
  EXPECT_THAT(ErrorsOfMetric("{name: h, type: histogram, buckets: [1, 1], observations: {kind: uniform}}"),
              ElementsAre(HasSubstr("metrics[0].buckets[1]: not greater than the item before \"1\"")));
  EXPECT_THAT(ErrorsOfMetric("{name: h, type: histogram, buckets: [1, +Inf], observations: {kind: uniform}}"),
              ElementsAre(HasSubstr("metrics[0].buckets[1]: out of range \"+Inf\"")));
  EXPECT_THAT(ErrorsOfMetric("{name: h, type: histogram, buckets: [.nan], observations: {kind: uniform}}"),
              ElementsAre(HasSubstr("metrics[0].buckets[0]: out of range \".nan\"")));
  EXPECT_THAT(
      ErrorsOfMetric("{name: h, type: histogram, buckets: [], observations: {kind: uniform}}"),
      ElementsAre(HasSubstr("metrics[0].buckets: wrong number of items \"0 items\" (allowed: a list of 1 to "
                            "1000 numbers")));
  EXPECT_THAT(ErrorsOfMetric("{name: h, type: histogram, buckets: 1, observations: {kind: uniform}}"),
              ElementsAre(HasSubstr("metrics[0].buckets: expected a list \"1\"")));
  EXPECT_THAT(ErrorsOfMetric("{name: h, type: histogram, buckets: [a], observations: {kind: uniform}}"),
              ElementsAre(HasSubstr("metrics[0].buckets[0]: not a number \"a\"")));
}

TEST(MetricTypeLoaderTest, QuantilesOutOfRange) {
  EXPECT_THAT(
      ErrorsOfMetric("{name: s, type: summary, quantiles: [0.5, 1.5], observations: {kind: uniform}}"),
      ElementsAre("m.yml:2:47: metrics[0].quantiles[1]: out of range \"1.5\" (allowed: quantiles from 0 to "
                  "1, e.g. [0.5, 0.9, 0.99])"));
  EXPECT_THAT(ErrorsOfMetric("{name: s, type: summary, quantiles: [-0.1], observations: {kind: uniform}}"),
              ElementsAre(HasSubstr("out of range \"-0.1\"")));
  EXPECT_THAT(
      ErrorsOfMetric("{name: s, type: summary, quantiles: [0.9, 0.5], observations: {kind: uniform}}"),
      ElementsAre(HasSubstr("not greater than the item before \"0.5\"")));
}

TEST(MetricTypeLoaderTest, ObservationSettings) {
  EXPECT_THAT(ErrorsOfMetric("{name: h, type: histogram}"),
              ElementsAre("m.yml:2:5: metrics[0].observations: a histogram needs observations (allowed: the "
                          "distribution of one observation, e.g. {kind: exponential, scale: 0.2})"));
  EXPECT_THAT(
      ErrorsOfMetric("{name: h, type: histogram, generator: {kind: uniform}, observations: {kind: uniform}}"),
      ElementsAre(HasSubstr("metrics[0].generator: a histogram takes observations, not a generator")));
  EXPECT_THAT(
      ErrorsOfMetric("{name: h, type: histogram, observations_per_tick: -1, observations: {kind: uniform}}"),
      ElementsAre(HasSubstr("metrics[0].observations_per_tick: out of range \"-1\" (allowed: a number from "
                            "0 to 100000 (a fraction is the mean), or a generator)")));
  EXPECT_THAT(ErrorsOfMetric(
                  "{name: h, type: histogram, observations_per_tick: many, observations: {kind: uniform}}"),
              ElementsAre(HasSubstr("observations_per_tick: not a number \"many\"")));
  EXPECT_THAT(
      ErrorsOfMetric("{name: h, type: histogram, max_observations_per_tick: 0.5, observations: {kind: "
                     "uniform}}"),
      ElementsAre(HasSubstr("max_observations_per_tick: out of range \"0.5\" (allowed: a whole number from "
                            "1 to 100000)")));
  EXPECT_THAT(
      ErrorsOfMetric("{name: h, type: histogram, observations_per_tick: 9, max_observations_per_tick: 4, "
                     "observations: {kind: uniform}}"),
      ElementsAre(HasSubstr("observations_per_tick: more than max_observations_per_tick \"9\" (allowed: at "
                            "most 4)")));
  EXPECT_THAT(
      ErrorsOfMetric("{name: s, type: summary, observations_per_tick: {kind: uniform}, observations: {kind: "
                     "uniform}}"),
      ElementsAre(HasSubstr("a summary whose observations_per_tick is a generator needs "
                            "max_observations_per_tick")));
}

TEST(MetricTypeLoaderTest, KeysThatDoNotApplyToTheType) {
  EXPECT_THAT(
      ErrorsOfMetric("{name: g, buckets: [1], generator: {kind: uniform}}"),
      ElementsAre("m.yml:2:24: metrics[0].buckets: buckets does not apply to a gauge \"<list>\" (allowed: "
                  "remove it, or change the metric's type)"));
  EXPECT_THAT(ErrorsOfMetric("{name: g, mode: total, generator: {kind: uniform}}"),
              ElementsAre(HasSubstr("metrics[0].mode: mode does not apply to a gauge")));
  EXPECT_THAT(ErrorsOfMetric("{name: g, resets: {every: 1h}, generator: {kind: uniform}}"),
              ElementsAre(HasSubstr("metrics[0].resets: resets does not apply to a gauge")));
  EXPECT_THAT(ErrorsOfMetric("{name: c, type: counter, quantiles: [0.5], generator: {kind: uniform}}"),
              ElementsAre(HasSubstr("metrics[0].quantiles: quantiles does not apply to a counter")));
  EXPECT_THAT(
      ErrorsOfMetric("{name: c, type: counter, observations: {kind: uniform}, generator: {kind: uniform}}"),
      ElementsAre(HasSubstr("metrics[0].observations: observations does not apply to a counter")));
  EXPECT_THAT(ErrorsOfMetric("{name: h, type: histogram, window: 1m, observations: {kind: uniform}}"),
              ElementsAre(HasSubstr("metrics[0].window: window does not apply to a histogram")));
}

TEST(MetricTypeLoaderTest, CounterModesAndResets) {
  EXPECT_THAT(
      ErrorsOfMetric("{name: c, type: counter, mode: totals, generator: {kind: uniform}}"),
      ElementsAre("m.yml:2:36: metrics[0].mode: unknown counter mode \"totals\" (allowed: increments, rate, "
                  "total)"));
  EXPECT_THAT(ErrorsOfMetric(
                  "{name: c, type: counter, mode: total, resets: {every: 1h}, generator: {kind: uniform}}"),
              ElementsAre(HasSubstr("a counter in mode total takes its resets from its generator")));
  EXPECT_THAT(
      ErrorsOfMetric("{name: c, type: counter, resets: {every: 0}, generator: {kind: uniform}}"),
      ElementsAre(HasSubstr("metrics[0].resets.every: not a reset interval \"0\" (allowed: a duration such "
                            "as 1h (aligned to the epoch), or a whole number of ticks ≥ 1)")));
  EXPECT_THAT(ErrorsOfMetric("{name: c, type: counter, resets: {every: 2.5}, generator: {kind: uniform}}"),
              ElementsAre(HasSubstr("not a reset interval \"2.5\"")));
  EXPECT_THAT(ErrorsOfMetric("{name: c, type: counter, resets: {every: 0s}, generator: {kind: uniform}}"),
              ElementsAre(HasSubstr("metrics[0].resets.every: out of range \"0s\"")));
  EXPECT_THAT(
      ErrorsOfMetric("{name: c, type: counter, resets: {at: [yesterday]}, generator: {kind: uniform}}"),
      ElementsAre(HasSubstr("metrics[0].resets.at[0]: not a time \"yesterday\" (allowed: an RFC 3339 time "
                            "such as 2026-01-01T00:00:00Z, or unix seconds)")));
  EXPECT_THAT(ErrorsOfMetric("{name: c, type: counter, resets: {}, generator: {kind: uniform}}"),
              ElementsAre(HasSubstr("metrics[0].resets: resets names no reset")));
  EXPECT_THAT(ErrorsOfMetric("{name: c, type: counter, resets: {each: 1h}, generator: {kind: uniform}}"),
              ElementsAre(HasSubstr("metrics[0].resets.each: unknown key \"each\" (allowed: every, at)"), _));
}

TEST(MetricTypeLoaderTest, GapsOutOfRange) {
  EXPECT_THAT(ErrorsOfMetric("{name: g, gaps: {drop_probability: 1.5}, generator: {kind: uniform}}"),
              ElementsAre("m.yml:2:40: metrics[0].gaps.drop_probability: out of range \"1.5\" (allowed: a "
                          "probability from 0 to 1)"));
  EXPECT_THAT(
      ErrorsOfMetric("{name: g, gaps: {nan_probability: 0.6, inf_probability: 0.6}, generator: {kind: "
                     "uniform}}"),
      ElementsAre(HasSubstr("metrics[0].gaps: nan_probability + inf_probability + neg_inf_probability is "
                            "more than 1 \"1.2\"")));
  EXPECT_THAT(
      ErrorsOfMetric("{name: h, type: histogram, gaps: {nan_probability: 0.1}, observations: {kind: "
                     "uniform}}"),
      ElementsAre(HasSubstr("metrics[0].gaps.nan_probability: special values apply only to gauges and "
                            "counters")));
  EXPECT_THAT(ErrorsOfMetric("{name: g, gaps: {absent: [{from: 10, to: 5}]}, generator: {kind: uniform}}"),
              ElementsAre(HasSubstr("metrics[0].gaps.absent[0].to: the window ends before it starts \"5\"")));
  EXPECT_THAT(
      ErrorsOfMetric("{name: g, gaps: {absent: [{every: 1h, for: 1h}]}, generator: {kind: uniform}}"),
      ElementsAre(HasSubstr("metrics[0].gaps.absent[0].for: an absent window must be shorter than its "
                            "period \"1h\" (allowed: less than every (1h))")));
  EXPECT_THAT(ErrorsOfMetric("{name: g, gaps: {absent: [{from: 1, every: 1h}]}, generator: {kind: uniform}}"),
              ElementsAre(HasSubstr("an absent window is either {from, to} or {every, for}")));
  EXPECT_THAT(ErrorsOfMetric("{name: g, gaps: {absent: [{every: 1h}]}, generator: {kind: uniform}}"),
              ElementsAre(HasSubstr("metrics[0].gaps.absent[0].for: missing")));
  EXPECT_THAT(ErrorsOfMetric("{name: g, gaps: {absent: [{from: 1}]}, generator: {kind: uniform}}"),
              ElementsAre(HasSubstr("metrics[0].gaps.absent[0].to: missing")));
  EXPECT_THAT(ErrorsOfMetric("{name: g, gaps: {absent: 5}, generator: {kind: uniform}}"),
              ElementsAre(HasSubstr("metrics[0].gaps.absent: expected a list of windows")));
}

TEST(MetricTypeLoaderTest, SameDefinitionSeesTheNewSettings) {
  const Config a =
      Load("metrics:\n  - {name: h, type: histogram, buckets: [1, 2], observations: {kind: uniform}}\n");
  const Config b =
      Load("metrics:\n  - {name: h, type: histogram, buckets: [1, 3], observations: {kind: uniform}}\n");
  const Config c =
      Load("metrics:\n  - {name: h, type: histogram, buckets: [1, 2], observations: {kind: uniform}}\n");
  EXPECT_FALSE(a.metrics[0].SameDefinition(b.metrics[0]));
  EXPECT_TRUE(a.metrics[0].SameDefinition(c.metrics[0]));
  const Config d = Load(
      "metrics:\n  - {name: h, type: histogram, buckets: [1, 2], gaps: {drop_probability: 0.1}, "
      "observations: "
      "{kind: uniform}}\n");
  EXPECT_FALSE(a.metrics[0].SameDefinition(d.metrics[0]));
}

}  // namespace
}  // namespace promsynth
