#include "faults/value_overrides.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

#include "config/yaml_config_loader.h"
#include "engine/engine.h"

namespace promsynth {
namespace {

using ::testing::HasSubstr;
constexpr int64_t kNow = 1'700'000'000'000;
const GeneratorRegistry kRegistry = GeneratorRegistry::WithBuiltins();

constexpr const char* kConfig = R"(
metrics:
  - {name: other, generator: {kind: constant, value: 1}}
  - {name: temp, labels: {room: "0..2", floor: [a, b]}, generator: {kind: constant, value: 20}}
)";

ValueOverride Parse(std::string_view json) {
  std::string error;
  std::optional<ValueOverride> parsed = ParseValueOverride(json, kNow, error);
  EXPECT_TRUE(parsed.has_value()) << error;
  return parsed.value_or(ValueOverride{});
}

TEST(ValueOverridesTest, ParsesAndRejectsWithReasons) {
  const ValueOverride parsed =
      Parse(R"({"metric": "temp", "labels": {"room": "1"}, "value": "+Inf", "for": "1m"})");
  EXPECT_EQ(parsed.metric, "temp");
  EXPECT_EQ(parsed.labels, (std::vector<std::pair<std::string, std::string>>{{"room", "1"}}));
  EXPECT_TRUE(std::isinf(parsed.value));
  EXPECT_EQ(parsed.until_ms, kNow + 60'000);
  std::string error;
  EXPECT_FALSE(ParseValueOverride(R"({"metric": "temp"})", kNow, error));
  EXPECT_EQ(error, "metric and value are required");
  EXPECT_FALSE(ParseValueOverride(R"({"metric": "temp", "value": true})", kNow, error));
  EXPECT_THAT(error, HasSubstr("value: must be a number or \"NaN\""));
  EXPECT_FALSE(ParseValueOverride(R"({"metric": "temp", "value": 1, "for": "later"})", kNow, error));
  EXPECT_THAT(error, HasSubstr("for: must be a duration"));
  EXPECT_FALSE(ParseValueOverride(R"({"metric": "temp", "value": 1, "x": 1})", kNow, error));
  EXPECT_THAT(error, HasSubstr("unknown key \"x\""));
}

TEST(ValueOverridesTest, ForcesTheMatchingSeriesUntilItEnds) {
  Engine engine(ParseYamlConfig(kConfig, "t.yml"), kRegistry);
  engine.Step(kNow);
  const std::shared_ptr<const Snapshot> generated = engine.Publish();
  ValueOverrides overrides;
  // Columns are sorted (floor, room); the room=1 series are positions 1 and 4 of the family.
  EXPECT_EQ(overrides.Add(Parse(R"({"metric": "temp", "labels": {"room": "1"}, "value": 99, "for": "10s"})"),
                          engine.layout()),
            2u);
  const std::shared_ptr<const Snapshot> forced = overrides.Apply(generated, kNow + 1);
  ASSERT_NE(forced, generated);
  EXPECT_EQ(forced->values, (std::vector<double>{1, 20, 99, 20, 20, 99, 20}));
  EXPECT_EQ(generated->values[2], 20);  // the published snapshot itself is not touched
  EXPECT_THAT(overrides.ToJson(kNow + 1), HasSubstr(R"("value":99.0,"series":2,"until_ms":1700000010000)"));
  EXPECT_EQ(overrides.Apply(generated, kNow + 10'000), generated);  // over: the generated values again
  EXPECT_EQ(overrides.ToJson(kNow + 10'000), "[]");
}

TEST(ValueOverridesTest, AnOverrideThatMatchesNothingIsNotAdded) {
  Engine engine(ParseYamlConfig(kConfig, "t.yml"), kRegistry);
  ValueOverrides overrides;
  EXPECT_EQ(overrides.Add(Parse(R"({"metric": "nope", "value": 1})"), engine.layout()), 0u);
  EXPECT_EQ(
      overrides.Add(Parse(R"({"metric": "temp", "labels": {"room": "7"}, "value": 1})"), engine.layout()),
      0u);
  EXPECT_EQ(
      overrides.Add(Parse(R"({"metric": "temp", "labels": {"wing": "a"}, "value": 1})"), engine.layout()),
      0u);
  EXPECT_EQ(overrides.Add(Parse(R"({"metric": "temp", "value": 1})"), engine.layout()), 6u);
  overrides.Clear();
  engine.Step(kNow);
  const auto snapshot = engine.Publish();
  EXPECT_EQ(overrides.Apply(snapshot, kNow), snapshot);
}

}  // namespace
}  // namespace promsynth
