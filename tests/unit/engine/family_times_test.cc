#include <gtest/gtest.h>

#include "config/yaml_config_loader.h"
#include "engine/engine.h"

namespace promsynth {
namespace {

const GeneratorRegistry kRegistry = GeneratorRegistry::WithBuiltins();
constexpr int64_t kT0 = 1'700'000'000'000;  // a multiple of 10 s

Config Load(const std::string& yaml) { return ParseYamlConfig(yaml, "t.yml"); }

constexpr const char* kFamilies = R"(
metrics:
  - {name: level, generator: {kind: constant, value: 1}}
  - {name: jobs, type: counter, resets: {every: 10s}, generator: {kind: constant, value: 1}}
  - {name: total, type: counter, mode: total, generator: {kind: constant, value: 5}}
)";

TEST(FamilyTimesTest, NotStartedBeforeTheFirstTick) {
  Engine engine(Load(kFamilies), kRegistry);
  const auto snapshot = engine.Publish();
  ASSERT_EQ(snapshot->family_times.size(), 3u);
  EXPECT_FALSE(snapshot->family_times[0].started);
}

TEST(FamilyTimesTest, CreatedIsOneTickBeforeTheFirstThenTheLastReset) {
  Engine engine(Load(kFamilies), kRegistry);
  engine.Step(kT0 + 3000);  // starts between two resets
  auto snapshot = engine.Publish();
  EXPECT_TRUE(snapshot->family_times[1].started);
  EXPECT_EQ(snapshot->family_times[1].created_ms, kT0 + 2000);
  EXPECT_EQ(snapshot->family_times[1].updated_ms, kT0 + 3000);
  EXPECT_EQ(snapshot->family_times[1].tick, (kT0 + 3000) / 1000);
  for (int64_t t = 4; t <= 12; ++t) engine.Step(kT0 + t * 1000);
  snapshot = engine.Publish();
  EXPECT_EQ(snapshot->family_times[1].created_ms, kT0 + 10'000);  // the reset at kT0 + 10 s
  EXPECT_EQ(snapshot->values[1], 2.0);                            // ticks 11 and 12 since
  // `mode: total` follows its generator (it takes no `resets:`): its start stays.
  EXPECT_EQ(snapshot->family_times[2].created_ms, kT0 + 2000);
}

TEST(FamilyTimesTest, ReloadKeepsTheTimesOfUnchangedFamilies) {
  Engine old_engine(Load(kFamilies), kRegistry);
  old_engine.Step(kT0 + 3000);
  old_engine.Step(kT0 + 4000);
  Engine fresh(Load(kFamilies), kRegistry);
  ASSERT_EQ(fresh.AdoptState(old_engine), 3u);
  fresh.Step(kT0 + 5000);
  EXPECT_EQ(fresh.Publish()->family_times[1].created_ms, kT0 + 2000);
}

TEST(FamilyTimesTest, ScrapeAdvancedFamiliesUseTheWallClock) {
  Engine engine(Load("metrics:\n  - {name: hits, type: counter, advance: scrape, generator: {kind: constant, "
                     "value: 1}}\n"),
                kRegistry);
  engine.AdvanceOnScrape(kT0 + 1234);
  engine.AdvanceOnScrape(kT0 + 5678);
  const auto snapshot = engine.Publish();
  EXPECT_EQ(snapshot->family_times[0].created_ms, kT0 + 1234);
  EXPECT_EQ(snapshot->family_times[0].updated_ms, kT0 + 5678);
  EXPECT_EQ(snapshot->family_times[0].tick, 2);
}

}  // namespace
}  // namespace promsynth
