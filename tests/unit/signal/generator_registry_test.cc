#include "signal/generator_registry.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace promsynth {
namespace {

using ::testing::ElementsAre;

GeneratorConfig Generator(std::string kind, std::map<std::string, double> numbers,
                          std::map<std::string, std::string> texts = {}) {
  GeneratorConfig config;
  config.kind = std::move(kind);
  config.location = {"t.yml", 3, 5};
  config.kind_location = {"t.yml", 3, 11};
  int column = 20;
  for (const auto& [name, value] : numbers) {
    config.params[name] = {GeneratorParam::Kind::kNumber, value, "", {}, {"t.yml", 3, column++}};
  }
  for (const auto& [name, value] : texts) {
    config.params[name] = {GeneratorParam::Kind::kText, 0, value, {}, {"t.yml", 3, column++}};
  }
  return config;
}

std::vector<std::string> Errors(const GeneratorConfig& config) {
  std::vector<ConfigError> errors;
  GeneratorRegistry::WithBuiltins().Resolve(config, "metrics[0].generator", errors);
  std::vector<std::string> lines;
  for (const ConfigError& error : errors) lines.push_back(error.Format());
  return lines;
}

TEST(GeneratorRegistryTest, UnknownKindListsTheKnownOnes) {
  EXPECT_THAT(
      Errors(Generator("sawtooh", {})),
      ElementsAre("t.yml:3:11: metrics[0].generator.kind: unknown generator kind \"sawtooh\" (allowed: "
                  "constant, uniform, gaussian, normal, sine, lognormal, exponential, logistic, laplace, "
                  "square, sawtooth, "
                  "triangle, pulse, ramp, values, series, random_walk, sum, product, scale, offset)"));
}

TEST(GeneratorRegistryTest, UnknownParameter) {
  EXPECT_THAT(
      Errors(Generator("uniform", {{"lo", 1}})),
      ElementsAre("t.yml:3:20: metrics[0].generator.lo: unknown parameter for generator kind uniform \"lo\" "
                  "(allowed: low, high)"));
}

TEST(GeneratorRegistryTest, OutOfRangeParameters) {
  EXPECT_THAT(
      Errors(Generator("gaussian", {{"scale", -1}})),
      ElementsAre("t.yml:3:20: metrics[0].generator.scale: out of range \"-1\" (allowed: a number of at "
                  "least 0)"));
  EXPECT_THAT(
      Errors(Generator("sine", {}, {{"period", "0s"}})),
      ElementsAre("t.yml:3:20: metrics[0].generator.period: out of range \"0\" (allowed: a duration of at "
                  "least 0.001)"));
  EXPECT_THAT(Errors(Generator("sine", {}, {{"period", "soon"}})),
              ElementsAre(::testing::HasSubstr("metrics[0].generator.period: not a duration \"soon\"")));
  EXPECT_THAT(
      Errors(Generator("uniform", {}, {{"low", "abc"}})),
      ElementsAre("t.yml:3:20: metrics[0].generator.low: expected a number \"abc\" (allowed: a number)"));
}

TEST(GeneratorRegistryTest, CrossParameterChecks) {
  EXPECT_THAT(Errors(Generator("uniform", {{"low", 10}, {"high", 5}})),
              ElementsAre("t.yml:3:5: metrics[0].generator: low must not be greater than high"));
  EXPECT_THAT(Errors(Generator("gaussian", {{"min", 10}, {"max", 5}})),
              ElementsAre("t.yml:3:5: metrics[0].generator: min must not be greater than max"));
}

TEST(GeneratorRegistryTest, AliasesButNotBoth) {
  EXPECT_TRUE(Errors(Generator("gaussian", {{"mu", 1}, {"sigma", 2}, {"noise", 0.5}})).empty());
  EXPECT_THAT(
      Errors(Generator("gaussian", {{"mu", 1}, {"loc", 2}})),
      ElementsAre("t.yml:3:21: metrics[0].generator.mu: parameter given twice, as loc and as mu (allowed: "
                  "one of the two names)"));
}

TEST(GeneratorRegistryTest, DefaultsApply) {
  std::vector<ConfigError> errors;
  auto params = GeneratorRegistry::WithBuiltins().Resolve(Generator("sine", {}), "g", errors);
  ASSERT_TRUE(params.has_value());
  EXPECT_EQ(params->Get("amplitude"), 1);
  EXPECT_EQ(params->GetMillis("period"), 60000);
  EXPECT_EQ(params->Get("offset"), 0);
}

TEST(GeneratorRegistryTest, DurationAcceptsSecondsAsANumber) {
  std::vector<ConfigError> errors;
  auto params = GeneratorRegistry::WithBuiltins().Resolve(Generator("sine", {{"period", 2.5}}), "g", errors);
  ASSERT_TRUE(params.has_value());
  EXPECT_EQ(params->GetMillis("period"), 2500);
}

GeneratorParam Num(double value, int column = 30) {
  return {GeneratorParam::Kind::kNumber, value, "", {}, {"t.yml", 4, column}};
}
GeneratorParam Txt(std::string value, int column = 30) {
  return {GeneratorParam::Kind::kText, 0, std::move(value), {}, {"t.yml", 4, column}};
}

GeneratorConfig Stage(std::string name, std::map<std::string, GeneratorParam> params, int line = 5) {
  GeneratorConfig stage;
  stage.kind = std::move(name);
  stage.params = std::move(params);
  stage.location = {"t.yml", line, 9};
  stage.kind_location = {"t.yml", line, 10};
  return stage;
}

GeneratorConfig WithStages(GeneratorConfig config, std::vector<GeneratorConfig> stages) {
  config.stages = std::move(stages);
  return config;
}

TEST(GeneratorRegistryTest, NegativeScaleOfADistribution) {
  EXPECT_THAT(
      Errors(Generator("exponential", {{"scale", -1}})),
      ElementsAre("t.yml:3:20: metrics[0].generator.scale: out of range \"-1\" (allowed: a number of at "
                  "least 0)"));
  EXPECT_THAT(
      Errors(Generator("lognormal", {{"sigma", -0.5}})),
      ElementsAre("t.yml:3:20: metrics[0].generator.sigma: out of range \"-0.5\" (allowed: a number of at "
                  "least 0)"));
}

TEST(GeneratorRegistryTest, RandomWalkBounds) {
  EXPECT_THAT(Errors(Generator("random_walk", {{"min", 10}, {"max", 5}, {"start", 7}})),
              ElementsAre("t.yml:3:5: metrics[0].generator: min must not be greater than max"));
  EXPECT_THAT(Errors(Generator("random_walk", {{"min", 0}, {"max", 5}, {"start", 7}})),
              ElementsAre("t.yml:3:5: metrics[0].generator: start must lie between min and max"));
  EXPECT_THAT(
      Errors(Generator("random_walk", {{"spread", -1}})),
      ElementsAre("t.yml:3:20: metrics[0].generator.spread: out of range \"-1\" (allowed: a number of at "
                  "least 0)"));
}

TEST(GeneratorRegistryTest, SequenceErrors) {
  EXPECT_THAT(
      Errors(Generator("series", {}, {{"values", "1+2"}})),
      ElementsAre("t.yml:3:5: metrics[0].generator: bad promtool series notation \"1+2\": column 4, at the "
                  "end: expected x and a count after the increment (allowed: a+bxN or a-bxN, e.g. 1+2x10)"));
  EXPECT_THAT(Errors(Generator("series", {}, {{"values", "_x0"}, {"mode", "loop"}})),
              ElementsAre("t.yml:3:5: metrics[0].generator: promtool series \"_x0\" has no samples"));
  EXPECT_THAT(Errors(Generator("series", {}, {{"values", "1 2"}})),
              ElementsAre("t.yml:3:5: metrics[0].generator: mode end needs a start (an RFC 3339 time or unix "
                          "seconds)"));
  EXPECT_THAT(
      Errors(Generator("series", {}, {{"values", "1 2"}, {"mode", "forever"}})),
      ElementsAre("t.yml:3:20: metrics[0].generator.mode: not an accepted value \"forever\" (allowed: one "
                  "of loop, hold, end)"));
  EXPECT_THAT(
      Errors(Generator("values", {{"values", 3}})),
      ElementsAre("t.yml:3:20: metrics[0].generator.values: expected a list of numbers \"3\" (allowed: a "
                  "list of numbers)"));
  GeneratorConfig empty = Generator("values", {});
  empty.params["values"] = {GeneratorParam::Kind::kNumberList, 0, "", {}, {"t.yml", 3, 20}};
  EXPECT_THAT(Errors(empty),
              ElementsAre("t.yml:3:5: metrics[0].generator: values needs at least one number"));
}

TEST(GeneratorRegistryTest, RampNeedsAStart) {
  EXPECT_THAT(
      Errors(Generator("ramp", {})),
      ElementsAre("t.yml:3:5: metrics[0].generator.start: missing required parameter (allowed: an RFC 3339 "
                  "time such as 2026-01-01T00:00:00Z, or unix seconds)"));
  EXPECT_THAT(
      Errors(Generator("ramp", {}, {{"start", "yesterday"}})),
      ElementsAre("t.yml:3:20: metrics[0].generator.start: not a time \"yesterday\" (allowed: an RFC 3339 "
                  "time such as 2026-01-01T00:00:00Z, or unix seconds)"));
}

TEST(GeneratorRegistryTest, CompositionChildren) {
  EXPECT_THAT(
      Errors(Generator("sum", {})),
      ElementsAre("t.yml:3:5: metrics[0].generator.terms: generator kind sum needs terms (allowed: a list of "
                  "one or more generators)"));
  EXPECT_THAT(
      Errors(Generator("scale", {{"factor", 2}})),
      ElementsAre("t.yml:3:5: metrics[0].generator.input: generator kind scale needs an input (allowed: one "
                  "generator, e.g. {kind: sine})"));
  GeneratorConfig constant = Generator("constant", {});
  constant.terms.push_back(Generator("sine", {}));
  EXPECT_THAT(Errors(constant),
              ElementsAre("t.yml:3:5: metrics[0].generator.terms: generator kind constant takes "
                          "no terms (allowed: terms only for sum, product)"));
  GeneratorConfig sum = Generator("sum", {});
  sum.terms.push_back(Generator("sine", {}));
  sum.terms.push_back(Generator("sawtooh", {}));
  sum.terms.push_back(Generator("uniform", {{"low", 3}, {"high", 1}}));
  EXPECT_THAT(Errors(sum),
              ElementsAre(::testing::HasSubstr("metrics[0].generator.terms[1].kind: unknown generator kind "
                                               "\"sawtooh\""),
                          "t.yml:3:5: metrics[0].generator.terms[2]: low must not be greater than high"));
}

TEST(GeneratorRegistryTest, StageErrors) {
  const GeneratorConfig base = Generator("constant", {{"value", 1}});
  EXPECT_THAT(
      Errors(WithStages(base, {Stage("jitter", {})})),
      ElementsAre("t.yml:5:10: metrics[0].generator.stages[0]: unknown stage \"jitter\" (allowed: anomaly, "
                  "noise, step_size, round, clamp)"));
  EXPECT_THAT(
      Errors(WithStages(base, {Stage("clamp", {}), Stage("noise", {}, 6)})),
      ElementsAre("t.yml:6:10: metrics[0].generator.stages[1]: stage noise must come before clamp \"noise\" "
                  "(allowed: stages in pipeline order: anomaly, noise, step_size, round, clamp)"));
  EXPECT_THAT(
      Errors(WithStages(base, {Stage("noise", {{"smoothing_window", Num(0)}})})),
      ElementsAre("t.yml:4:30: metrics[0].generator.stages[0].noise.smoothing_window: out of range \"0\" "
                  "(allowed: a whole number from 1 to 100000)"));
  EXPECT_THAT(
      Errors(WithStages(base, {Stage("noise", {{"smoothing_window", Num(2.5)}})})),
      ElementsAre("t.yml:4:30: metrics[0].generator.stages[0].noise.smoothing_window: not a whole number "
                  "\"2.5\" (allowed: a whole number from 1 to 100000)"));
  EXPECT_THAT(
      Errors(WithStages(base, {Stage("noise", {{"distribution", Txt("exponential")}, {"loc", Num(1, 31)}})})),
      ElementsAre("t.yml:5:9: metrics[0].generator.stages[0].noise: loc does not apply to distribution "
                  "exponential (it takes scale)"));
  EXPECT_THAT(
      Errors(WithStages(base, {Stage("noise", {{"distribution", Txt("cauchy")}})})),
      ElementsAre("t.yml:4:30: metrics[0].generator.stages[0].noise.distribution: not an accepted value "
                  "\"cauchy\" (allowed: one of gaussian, normal, uniform, lognormal, exponential, logistic, "
                  "laplace)"));
  EXPECT_THAT(
      Errors(WithStages(base, {Stage("noise", {{"scale", Num(-1)}})})),
      ElementsAre("t.yml:4:30: metrics[0].generator.stages[0].noise.scale: out of range \"-1\" (allowed: a "
                  "number of at least 0)"));
  EXPECT_THAT(
      Errors(WithStages(base, {Stage("clamp", {{"min", Num(5)}, {"max", Num(1, 31)}})})),
      ElementsAre("t.yml:5:9: metrics[0].generator.stages[0].clamp: min must not be greater than max"));
  EXPECT_THAT(
      Errors(WithStages(base, {Stage("round", {{"value", Num(2.5)}})})),
      ElementsAre("t.yml:4:30: metrics[0].generator.stages[0].round.decimals: not a whole number \"2.5\" "
                  "(allowed: a whole number from -308 to 308)"));
  EXPECT_THAT(Errors(WithStages(base, {Stage("step_size", {{"value", Num(-0.1)}})})),
              ElementsAre("t.yml:4:30: metrics[0].generator.stages[0].step_size.step: out of range \"-0.1\" "
                          "(allowed: a number of at least 0)"));
  EXPECT_THAT(
      Errors(WithStages(base, {Stage("step_size", {})})),
      ElementsAre("t.yml:5:9: metrics[0].generator.stages[0].step_size.step: missing required parameter "
                  "(allowed: a number of at least 0)"));
}

TEST(GeneratorRegistryTest, AnomalyErrors) {
  const GeneratorConfig base = Generator("constant", {{"value", 1}});
  auto anomaly = [&](std::map<std::string, GeneratorParam> params) {
    params.emplace("factor", Num(2, 40));
    return Errors(WithStages(base, {Stage("anomaly", std::move(params))}));
  };
  EXPECT_THAT(anomaly({{"pattern", Txt("exponential")}, {"recovery_time", Num(1, 31)}}),
              ElementsAre("t.yml:5:9: metrics[0].generator.stages[0].anomaly: pattern exponential needs a "
                          "recovery_time of at least 2 (R = 1 gives 0/0)"));
  EXPECT_THAT(
      anomaly({{"pattern", Txt("linear")}, {"recovery_time", Num(0, 31)}}),
      ElementsAre("t.yml:4:31: metrics[0].generator.stages[0].anomaly.recovery_time: out of range \"0\" "
                  "(allowed: a whole number from 1 to 1e+06)"));
  EXPECT_THAT(anomaly({{"pattern", Txt("zigzag")}, {"recovery_time", Num(5, 31)}}),
              ElementsAre("t.yml:4:30: metrics[0].generator.stages[0].anomaly.pattern: not an accepted value "
                          "\"zigzag\" (allowed: one of linear, exponential, oscillating, step)"));
  EXPECT_THAT(
      anomaly({{"pattern", Txt("linear")}, {"recovery_time", Num(5, 31)}, {"frequency", Num(2, 32)}}),
      ElementsAre("t.yml:5:9: metrics[0].generator.stages[0].anomaly: frequency applies only to pattern "
                  "oscillating"));
  EXPECT_THAT(
      anomaly({{"pattern", Txt("step")}, {"recovery_time", Num(5, 31)}, {"every", Num(3, 32)}}),
      ElementsAre("t.yml:5:9: metrics[0].generator.stages[0].anomaly: every must be at least recovery_time, "
                  "so that windows do not overlap"));
  EXPECT_THAT(
      anomaly({{"pattern", Txt("step")}, {"recovery_time", Num(5, 31)}, {"at", Num(-1, 32)}}),
      ElementsAre("t.yml:4:32: metrics[0].generator.stages[0].anomaly.at: out of range \"-1\" (allowed: a "
                  "whole number of at least 0 (ticks), or an RFC 3339 time such as 2026-01-01T00:00:00Z)"));
  EXPECT_THAT(
      Errors(WithStages(base, {Stage("anomaly", {{"pattern", Txt("step")}})})),
      ElementsAre("t.yml:5:9: metrics[0].generator.stages[0].anomaly.factor: missing required parameter "
                  "(allowed: a number)",
                  "t.yml:5:9: metrics[0].generator.stages[0].anomaly.recovery_time: missing required "
                  "parameter (allowed: a whole number from 1 to 1e+06)"));
}

}  // namespace
}  // namespace promsynth
