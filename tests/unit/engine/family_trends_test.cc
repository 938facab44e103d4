#include "engine/family_trends.h"

#include <gtest/gtest.h>

#include "config/yaml_config_loader.h"
#include "engine/engine.h"

namespace promsynth {
namespace {

const GeneratorRegistry kRegistry = GeneratorRegistry::WithBuiltins();
constexpr int64_t kStart = 1'700'000'000'000;

Engine Build(const std::string& yaml) { return Engine(ParseYamlConfig(yaml, "t.yml"), kRegistry); }

TEST(FamilyTrendsTest, RecordsTheFirstSeriesOfEveryFamilyOldestFirst) {
  Engine engine = Build(R"(
metrics:
  - {name: steps, labels: {b: [x, y], a: ["1", "2"]}, generator: {kind: series, values: "10+1x20", mode: loop}}
  - {name: flat, generator: {kind: constant, value: 3}}
)");
  FamilyTrends trends(8);
  std::vector<double> first_series;
  for (int64_t t = 0; t < 3; ++t) {
    engine.Step(kStart + t * 1000);
    auto snapshot = engine.Publish();
    first_series.push_back(snapshot->values[0]);
    trends.Record(*snapshot);
  }
  const std::vector<FamilyTrends::Trend> copy = trends.Copy();
  ASSERT_EQ(copy.size(), 2u);
  EXPECT_EQ(copy[0].name, "steps");
  EXPECT_EQ(copy[0].series, R"({a="1",b="x"})");  // columns are sorted by label name
  EXPECT_EQ(copy[0].values, first_series);
  EXPECT_NE(first_series[0], first_series[1]);
  EXPECT_EQ(copy[1].series, "");
  EXPECT_EQ(copy[1].values, (std::vector<double>{3, 3, 3}));
}

TEST(FamilyTrendsTest, AFullRingDropsTheOldestPoint) {
  Engine engine =
      Build("metrics:\n  - {name: s, generator: {kind: series, values: \"0+1x100\", mode: loop}}\n");
  FamilyTrends trends(4);
  std::vector<double> seen;
  for (int64_t t = 0; t < 7; ++t) {
    engine.Step(kStart + t * 1000);
    auto snapshot = engine.Publish();
    seen.push_back(snapshot->values[0]);
    trends.Record(*snapshot);
  }
  EXPECT_EQ(trends.Copy()[0].values, std::vector<double>(seen.end() - 4, seen.end()));
}

TEST(FamilyTrendsTest, AReloadKeepsTheRingsOfFamiliesThatStay) {
  FamilyTrends trends(10);
  Engine before = Build(R"(
metrics:
  - {name: kept, generator: {kind: constant, value: 1}}
  - {name: gone, generator: {kind: constant, value: 2}}
)");
  before.Step(kStart);
  trends.Record(*before.Publish());
  Engine after = Build(R"(
metrics:
  - {name: added, generator: {kind: constant, value: 5}}
  - {name: kept, generator: {kind: constant, value: 4}}
)");
  after.Step(kStart + 1000);
  trends.Record(*after.Publish());
  const std::vector<FamilyTrends::Trend> copy = trends.Copy();
  ASSERT_EQ(copy.size(), 2u);
  EXPECT_EQ(copy[0].name, "added");
  EXPECT_EQ(copy[0].values, std::vector<double>{5});
  EXPECT_EQ(copy[1].name, "kept");
  EXPECT_EQ(copy[1].values, (std::vector<double>{1, 4}));
}

}  // namespace
}  // namespace promsynth
