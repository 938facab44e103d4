#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

#include "signal/anomaly_stage.h"
#include "signal/generator_registry.h"
#include "signal/noise_stage.h"
#include "signal/stale_marker.h"
#include "signal/value_stages.h"
#include "signal_test_support.h"

namespace promsynth {
namespace {

using ::testing::ElementsAre;
using testing::FillAt;
using testing::MakeConfig;
using testing::Number;
using testing::Text;

TEST(AnomalyMultipliersTest, SpecWorkedExampleRFiveFactorTwo) {
  EXPECT_THAT(AnomalyMultipliers(AnomalyPattern::kLinear, 2, 5, 3), ElementsAre(2, 1.75, 1.5, 1.25, 1));
  EXPECT_THAT(AnomalyMultipliers(AnomalyPattern::kStep, 2, 5, 3), ElementsAre(2, 2, 2, 2, 2));
  const auto exponential = AnomalyMultipliers(AnomalyPattern::kExponential, 2, 5, 3);
  ASSERT_EQ(exponential.size(), 5u);
  EXPECT_EQ(exponential[0], 2);
  EXPECT_DOUBLE_EQ(exponential[1], 1 + (std::pow(5.0, 0.75) - 1) / 4);
  EXPECT_DOUBLE_EQ(exponential[2], 1 + (std::sqrt(5.0) - 1) / 4);
  EXPECT_DOUBLE_EQ(exponential[3], 1 + (std::pow(5.0, 0.25) - 1) / 4);
  EXPECT_EQ(exponential[4], 1);
  EXPECT_NEAR(exponential[1], 1.586, 5e-4);
  EXPECT_NEAR(exponential[2], 1.309, 5e-4);
  EXPECT_NEAR(exponential[3], 1.124, 5e-4);
}

TEST(AnomalyMultipliersTest, OscillatingStartsAtTheBaselineAndDecays) {
  const auto oscillating = AnomalyMultipliers(AnomalyPattern::kOscillating, 2, 5, 3);
  ASSERT_EQ(oscillating.size(), 5u);
  EXPECT_EQ(oscillating[0], 1);
  EXPECT_DOUBLE_EQ(oscillating[1], 1 + (std::pow(5.0, 0.75) - 1) / 5 * std::sin(3.0));
  EXPECT_DOUBLE_EQ(oscillating[2], 1 + (std::sqrt(5.0) - 1) / 5 * std::sin(6.0));
  EXPECT_EQ(oscillating[4], 1);  // envelope 0 at the end
  const auto slow = AnomalyMultipliers(AnomalyPattern::kOscillating, 3, 5, 0.5);
  EXPECT_DOUBLE_EQ(slow[1], 1 + 2 * (std::pow(5.0, 0.75) - 1) / 5 * std::sin(0.5));
}

TEST(AnomalyMultipliersTest, EdgesAndDips) {
  EXPECT_THAT(AnomalyMultipliers(AnomalyPattern::kLinear, 3, 1, 3), ElementsAre(3));
  EXPECT_THAT(AnomalyMultipliers(AnomalyPattern::kOscillating, 3, 1, 3), ElementsAre(1));
  EXPECT_THAT(AnomalyMultipliers(AnomalyPattern::kLinear, 0.5, 3, 3), ElementsAre(0.5, 0.75, 1));
}

TEST(AnomalyStageTest, WindowStartsAtTicksAfterTheOrigin) {
  AnomalyStage stage(AnomalyMultipliers(AnomalyPattern::kLinear, 2, 5, 3), 10000, 3, 0);
  // Origin tick 10, window at ticks 13..17.
  EXPECT_EQ(stage.MultiplierAt(12, 1000), 1);
  EXPECT_EQ(stage.MultiplierAt(13, 1000), 2);
  EXPECT_EQ(stage.MultiplierAt(14, 1000), 1.75);
  EXPECT_EQ(stage.MultiplierAt(17, 1000), 1);
  EXPECT_EQ(stage.MultiplierAt(18, 1000), 1);
  EXPECT_EQ(stage.MultiplierAt(113, 1000), 1);  // once
  AnomalyStage repeating(AnomalyMultipliers(AnomalyPattern::kStep, 2, 5, 3), 10000, 3, 20);
  EXPECT_EQ(repeating.MultiplierAt(33, 1000), 2);
  EXPECT_EQ(repeating.MultiplierAt(37, 1000), 2);
  EXPECT_EQ(repeating.MultiplierAt(38, 1000), 1);
  EXPECT_EQ(repeating.MultiplierAt(12, 1000), 1);
}

TEST(AnomalyStageTest, MultipliesTheBaselineThroughTheRegistry) {
  GeneratorConfig config = MakeConfig("constant", {{"value", Number(10)}});
  config.stages.push_back(MakeConfig("anomaly", {{"pattern", Text("linear")},
                                                 {"anomaly_factor", Number(2)},
                                                 {"recovery_time", Number(5)},
                                                 {"at", Number(3)}}));
  auto generator = GeneratorRegistry::WithBuiltins().Make(config, "g", 2);
  std::vector<double> series0;
  for (int64_t tick = 2; tick <= 8; ++tick) series0.push_back(FillAt(*generator, tick, 2)[0]);
  EXPECT_THAT(series0, ElementsAre(10, 20, 17.5, 15, 12.5, 10, 10));
}

TEST(AnomalyStageTest, EveryDurationIsAlignedToTheEpoch) {
  // every 60 s with 10 s ticks: windows at ticks 0, 6, 12… (multiples of a minute).
  AnomalySchedule schedule;
  schedule.every_ms = 60'000;
  AnomalyStage stage(AnomalyMultipliers(AnomalyPattern::kStep, 3, 2, 3), schedule);
  std::vector<double> multipliers;
  for (int64_t tick = 0; tick < 13; ++tick) multipliers.push_back(stage.MultiplierAt(tick, 10'000));
  EXPECT_THAT(multipliers, ElementsAre(3, 3, 1, 1, 1, 1, 3, 3, 1, 1, 1, 1, 3));
  // 25 s ticks: the minute boundaries fall between ticks, the window starts at the next tick.
  EXPECT_EQ(stage.MultiplierAt(2, 25'000), 1);   // 50 s
  EXPECT_EQ(stage.MultiplierAt(3, 25'000), 3);   // 75 s: first tick at or after 60 s
  EXPECT_EQ(stage.MultiplierAt(4, 25'000), 3);   // 100 s
  EXPECT_EQ(stage.MultiplierAt(5, 25'000), 3);   // 125 s: first tick at or after 120 s
  EXPECT_EQ(stage.MultiplierAt(6, 25'000), 3);   // 150 s: its second tick
  EXPECT_EQ(stage.MultiplierAt(7, 25'000), 1);   // 175 s
  EXPECT_EQ(stage.MultiplierAt(-2, 10'000), 1);  // before the first window
}

TEST(AnomalyStageTest, AtATimeThenEveryDuration) {
  AnomalySchedule schedule;
  schedule.at_ms = 1'767'225'630'000;  // 2026-01-01T00:00:30Z
  schedule.every_ms = 3'600'000;
  AnomalyStage stage(AnomalyMultipliers(AnomalyPattern::kLinear, 2, 3, 3), schedule);
  const int64_t first = 1'767'225'630;  // 1 s ticks
  EXPECT_EQ(stage.MultiplierAt(first - 1, 1000), 1);
  EXPECT_EQ(stage.MultiplierAt(first, 1000), 2);
  EXPECT_EQ(stage.MultiplierAt(first + 1, 1000), 1.5);
  EXPECT_EQ(stage.MultiplierAt(first + 2, 1000), 1);
  EXPECT_EQ(stage.MultiplierAt(first + 3600, 1000), 2);
  EXPECT_EQ(stage.MultiplierAt(first + 7201, 1000), 1.5);
}

TEST(AnomalyStageTest, EveryAndAtWrittenAsDurationAndTimeInTheConfig) {
  const auto registry = GeneratorRegistry::WithBuiltins();
  GeneratorConfig config = MakeConfig("constant", {{"value", Number(10)}});
  config.stages.push_back(MakeConfig("anomaly", {{"pattern", Text("step")},
                                                 {"factor", Number(2)},
                                                 {"recovery_time", Number(2)},
                                                 {"every", Text("1m")}}));
  auto generator = registry.Make(config, "g", 1);
  EXPECT_EQ(FillAt(*generator, 59, 1)[0], 10);
  EXPECT_EQ(FillAt(*generator, 60, 1)[0], 20);
  EXPECT_EQ(FillAt(*generator, 61, 1)[0], 20);
  EXPECT_EQ(FillAt(*generator, 62, 1)[0], 10);
  EXPECT_EQ(FillAt(*generator, 120, 1)[0], 20);

  config.stages[0].params["at"] = Text("2026-01-01T00:00:30Z");
  config.stages[0].params.erase("every");
  generator = registry.Make(config, "g", 1);
  EXPECT_EQ(FillAt(*generator, 1'767'225'629, 1)[0], 10);
  EXPECT_EQ(FillAt(*generator, 1'767'225'630, 1)[0], 20);

  std::vector<ConfigError> errors;
  config.stages[0].params["start"] = Number(5);
  EXPECT_FALSE(registry.Resolve(config, "g", errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message,
            "at is a time, so start does not apply: give at as ticks after start, or drop start");
  errors.clear();
  config.stages[0].params.erase("start");
  config.stages[0].params["every"] = Text("0s");
  config.stages[0].params["at"] = Text("soon");
  EXPECT_FALSE(registry.Resolve(config, "g", errors));
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].Format(),
            "t.yml:4:7: g.stages[0].anomaly.at: not a time \"soon\" (allowed: a whole number of at least 0 "
            "(ticks), "
            "or an RFC 3339 time such as 2026-01-01T00:00:00Z)");
  EXPECT_EQ(
      errors[1].Format(),
      "t.yml:4:7: g.stages[0].anomaly.every: not a positive duration \"0s\" (allowed: a whole number of at "
      "least 0 (ticks), or a duration such as 1h)");
}

TEST(NoiseStageTest, DrawsComeFromTheSaltedStream) {
  NoiseStage stage({DistributionKind::kNormal, 0, 1}, 1, 0, 7);
  const StreamKey key = Mix64(1);
  TickRandom random(key, 3, 7);
  EXPECT_EQ(stage.Draw(key, 3, 0), random.Normal());
  EXPECT_EQ(stage.NoiseAt(key, 3, 1000), stage.Draw(key, 3, 0));
  EXPECT_EQ(stage.Draw(key, -1, 0), 0);
}

TEST(NoiseStageTest, SmoothingIsACentredZeroPaddedAverage) {
  const StreamKey key = Mix64(2);
  NoiseStage even({DistributionKind::kExponential, 0, 1}, 4, 0, 9);
  auto n = [&](int64_t j) { return even.Draw(key, j, 0); };
  // w = 4: j from k − 2 to k + 1.
  EXPECT_EQ(even.NoiseAt(key, 0, 1000), (n(0) + n(1)) / 4);
  EXPECT_EQ(even.NoiseAt(key, 1, 1000), (n(0) + n(1) + n(2)) / 4);
  EXPECT_EQ(even.NoiseAt(key, 5, 1000), (n(3) + n(4) + n(5) + n(6)) / 4);
  // w = 3: j from k − 1 to k + 1; the origin at 10 s pads ticks before 10 with zeros.
  NoiseStage odd({DistributionKind::kExponential, 0, 1}, 3, 10000, 9);
  EXPECT_EQ(odd.NoiseAt(key, 10, 1000), (n(10) + n(11)) / 3);
  EXPECT_EQ(odd.NoiseAt(key, 11, 1000), (n(10) + n(11) + n(12)) / 3);
  EXPECT_EQ(odd.NoiseAt(key, 9, 1000), n(10) / 3);
  EXPECT_EQ(odd.NoiseAt(key, 8, 1000), 0);
}

TEST(NoiseStageTest, SmoothingKeepsTheMeanAndShrinksTheVariance) {
  NoiseStage stage({DistributionKind::kNormal, 0, 2}, 16, 0, 5);
  double sum = 0;
  double squares = 0;
  const int n = 20000;
  for (int i = 0; i < n; ++i) {
    const double v = stage.NoiseAt(Mix64(static_cast<uint64_t>(i) + 100), 1000, 1000);
    sum += v;
    squares += v * v;
  }
  const double mean = sum / n;
  EXPECT_NEAR(mean, 0, 0.03);
  EXPECT_NEAR(squares / n - mean * mean, 4.0 / 16, 0.02);  // var / w
}

TEST(NoiseStageTest, LeavesStaleMarkersAlone) {
  NoiseStage stage({DistributionKind::kNormal, 0, 1}, 1, 0, 5);
  const auto keys = testing::Keys(2);
  std::vector<double> values = {StaleMarker(), 1};
  stage.Apply({4, 4000, 1000}, keys, values);
  EXPECT_TRUE(IsStaleMarker(values[0]));
  EXPECT_NE(values[1], 1);
}

TEST(ValueStagesTest, QuantisationTiesGoToEven) {
  ValueStage half(ValueOperation::kQuantise, 0.5, 0);
  EXPECT_EQ(half.Transform(0.25), 0);
  EXPECT_EQ(half.Transform(0.75), 1);
  EXPECT_EQ(half.Transform(1.3), 1.5);
  ValueStage two(ValueOperation::kQuantise, 2, 0);
  EXPECT_EQ(two.Transform(3), 4);  // 1.5 -> 2
  EXPECT_EQ(two.Transform(5), 4);  // 2.5 -> 2
  EXPECT_EQ(two.Transform(7), 8);  // 3.5 -> 4
  EXPECT_EQ(two.Transform(-1), -0.0);
  EXPECT_TRUE(std::signbit(two.Transform(-1)));
  ValueStage tenth(ValueOperation::kQuantise, 0.1, 0);
  EXPECT_EQ(tenth.Transform(0.74), 0.7000000000000001);  // numpy: round(7.4) * 0.1
  ValueStage none(ValueOperation::kQuantise, 0, 0);
  EXPECT_EQ(none.Transform(0.123), 0.123);
}

TEST(ValueStagesTest, RoundIsNumpyRound) {
  ValueStage zero(ValueOperation::kRound, 0, 0);
  EXPECT_EQ(zero.Transform(2.5), 2);
  EXPECT_EQ(zero.Transform(3.5), 4);
  ValueStage two(ValueOperation::kRound, 2, 0);
  EXPECT_EQ(two.Transform(2.675), 2.68);
  EXPECT_EQ(two.Transform(0.125), 0.12);
  ValueStage tens(ValueOperation::kRound, -1, 0);
  EXPECT_EQ(tens.Transform(25), 20);
}

TEST(ValueStagesTest, ClampLimitsAndKeepsNan) {
  ValueStage clamp(ValueOperation::kClamp, 0, 10);
  EXPECT_EQ(clamp.Transform(-5), 0);
  EXPECT_EQ(clamp.Transform(15), 10);
  EXPECT_EQ(clamp.Transform(5), 5);
  EXPECT_TRUE(std::isnan(clamp.Transform(std::nan(""))));
  std::vector<double> values = {StaleMarker(), 20};
  clamp.Apply({0, 0, 1000}, testing::Keys(2), values);
  EXPECT_TRUE(IsStaleMarker(values[0]));
  EXPECT_EQ(values[1], 10);
}

TEST(ValueStagesTest, ShorthandStagesThroughTheRegistry) {
  GeneratorConfig config = MakeConfig("constant", {{"value", Number(0.74)}});
  config.stages.push_back(MakeConfig("step_size", {{"value", Number(0.1)}}));
  config.stages.push_back(MakeConfig("round", {{"value", Number(6)}}));
  config.stages.push_back(MakeConfig("clamp", {{"max", Number(0.5)}}));
  auto generator = GeneratorRegistry::WithBuiltins().Make(config, "g", 1);
  EXPECT_EQ(FillAt(*generator, 0, 1)[0], 0.5);
  config.stages.pop_back();
  auto unclamped = GeneratorRegistry::WithBuiltins().Make(config, "g", 1);
  EXPECT_EQ(FillAt(*unclamped, 0, 1)[0], 0.7);  // round(0.7000000000000001, 6)
}

}  // namespace
}  // namespace promsynth
