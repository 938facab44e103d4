#include <gtest/gtest.h>

#include "config/config_error.h"
#include "config/yaml_config_loader.h"
#include "engine/engine.h"

namespace promsynth {
namespace {

constexpr int64_t kNow = 1'700'000'000'000;

Config Load(const std::string& yaml) { return ParseYamlConfig(yaml, "t.yml"); }

// A `series` of 1, 2, 3, … shows which tick of its clock a family is on.
constexpr const char* kModes = R"(
metrics:
  - {name: by_tick, generator: {kind: series, values: "1+1x1000", start: 0}}
  - {name: by_scrape, advance: scrape, generator: {kind: series, values: "1+1x1000", start: 0}}
  - {name: by_minute, advance: interval, generator: {kind: series, values: "1+1x1000", start: 0}}
  - {name: by_second, advance: interval, advance_interval: 1s, generator: {kind: series, values: "1+1x1000", start: 0}}
)";

TEST(ScrapeAdvanceTest, StepLeavesScrapeFamiliesAloneAndEachScrapeAdvancesOnce) {
  Engine engine(Load(kModes), GeneratorRegistry::WithBuiltins());
  EXPECT_TRUE(engine.advances_on_scrape());
  for (int64_t t = 0; t < 5; ++t) engine.Step(kNow + t * 1000);
  std::vector<double> values = engine.Publish()->values;
  EXPECT_EQ(values[1], 0);  // never advanced: no scrape yet
  EXPECT_EQ(values[2], 0);
  EXPECT_EQ(engine.AdvanceOnScrape(kNow + 5000).families_stepped, 3u);
  const std::vector<double> first = engine.Publish()->values;
  EXPECT_EQ(engine.AdvanceOnScrape(kNow + 5100).families_stepped, 1u);  // only the per-scrape one
  const std::vector<double> second = engine.Publish()->values;
  EXPECT_EQ(second[1] - first[1], 1);  // one step per scrape
  EXPECT_EQ(second[2], first[2]);      // 60 s have not passed
  EXPECT_EQ(second[3], first[3]);      // 1 s has not passed
  EXPECT_EQ(engine.AdvanceOnScrape(kNow + 6000).families_stepped, 2u);
  const std::vector<double> third = engine.Publish()->values;
  EXPECT_EQ(third[3] - second[3], 1);
  EXPECT_EQ(third[2], second[2]);
  EXPECT_EQ(engine.AdvanceOnScrape(kNow + 65'000).families_stepped, 3u);
  EXPECT_EQ(engine.Publish()->values[2] - third[2], 1);
}

TEST(ScrapeAdvanceTest, TickOnlyConfigsNeedNoScrapeAdvance) {
  Engine engine(Load("metrics:\n  - {name: g, generator: {kind: constant, value: 1}}\n"),
                GeneratorRegistry::WithBuiltins());
  EXPECT_FALSE(engine.advances_on_scrape());
  EXPECT_EQ(engine.AdvanceOnScrape(kNow).families_stepped, 0u);
}

TEST(ScrapeAdvanceTest, BadAdvanceKeysAreConfigErrors) {
  EXPECT_THROW(Load("metrics:\n  - {name: g, advance: sometimes, generator: {kind: constant, value: 1}}\n"),
               ConfigErrors);
  EXPECT_THROW(Load("metrics:\n  - {name: g, advance_interval: 5s, generator: {kind: constant, value: 1}}\n"),
               ConfigErrors);
  EXPECT_THROW(Load("metrics:\n  - {name: g, advance: interval, advance_interval: 0s, generator: {kind: "
                    "constant, value: 1}}\n"),
               ConfigErrors);
}

}  // namespace
}  // namespace promsynth
