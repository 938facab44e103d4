#include "engine/shard.h"

#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "config/yaml_config_loader.h"
#include "engine/engine.h"
#include "expo/byte_sink.h"
#include "expo/text_renderer.h"

namespace promsynth {
namespace {

const GeneratorRegistry kRegistry = GeneratorRegistry::WithBuiltins();

// Families of 1, 7, 60 and 101 series (fewer series than shards, uneven sizes, several columns,
// a counter, a gaussian and a constant global label) so that slice edges fall everywhere.
constexpr const char* kConfig = R"(
global: {seed: 3, tick: 1s, labels: {env: test}}
metrics:
  - {name: one, generator: {kind: uniform}}
  - {name: seven, labels: {i: "0..6"}, generator: {kind: gaussian, mu: 5, sigma: 2}}
  - {name: sixty, type: counter, labels: {a: [x, y, z], b: "0..19"}, generator: {kind: uniform, low: 1, high: 2}}
  - {name: prime, labels: {z: "100..200"}, generator: {kind: gaussian}}
)";

/// The sample lines (no comments) of one scrape of `shard` after a few ticks.
std::vector<std::string> SampleLines(const Shard& shard) {
  Engine engine(ParseYamlConfig(kConfig, "t.yml"), kRegistry, EngineLimits{.shard = shard});
  for (int64_t t = 0; t < 3; ++t) engine.Step(1'700'000'000'000 + t * 1000);
  StringSink sink;
  TextRenderer renderer;
  renderer.RenderSnapshot(*engine.Publish(), sink);
  renderer.Flush(sink);
  std::vector<std::string> lines;
  std::istringstream text(sink.text());
  for (std::string line; std::getline(text, line);) {
    if (!line.starts_with("#")) lines.push_back(line);
  }
  return lines;
}

TEST(ShardTest, ShardsAreDisjointAndTheirUnionIsTheUnshardedOutput) {
  const std::vector<std::string> whole = SampleLines({});
  ASSERT_EQ(whole.size(), 1u + 7 + 60 + 101);
  const std::multiset<std::string> expected(whole.begin(), whole.end());
  for (uint64_t n : {2u, 3u, 5u, 8u, 200u}) {
    std::multiset<std::string> union_of_shards;
    for (uint64_t i = 0; i < n; ++i) {
      for (const std::string& line : SampleLines({i, n})) union_of_shards.insert(line);
    }
    // Same lines (labels and values) exactly once each: no series lost, none duplicated.
    EXPECT_EQ(union_of_shards, expected) << n << " shards";
  }
}

TEST(ShardTest, SlicesAreContiguousBalancedAndCoverTheExpansion) {
  for (size_t size : {0u, 1u, 7u, 100u, 1'000'003u}) {
    for (uint64_t n : {1u, 2u, 3u, 7u, 16u}) {
      size_t next = 0;
      for (uint64_t i = 0; i < n; ++i) {
        const Shard shard{i, n};
        EXPECT_EQ(shard.Begin(size), next);
        EXPECT_LE(shard.End(size) - shard.Begin(size), size / n + 1);
        EXPECT_GE(shard.End(size) - shard.Begin(size), size / n);
        next = shard.End(size);
      }
      EXPECT_EQ(next, size);
    }
  }
}

TEST(ShardTest, SeriesLimitCountsOnlyTheShardsShare) {
  const Config config = ParseYamlConfig(kConfig, "t.yml");  // 169 series
  EXPECT_TRUE(SeriesLimitError(config, EngineLimits{.max_series = 168}).has_value());
  EXPECT_FALSE(SeriesLimitError(config, EngineLimits{.max_series = 90, .shard = {0, 2}}).has_value());
  const auto error = SeriesLimitError(config, EngineLimits{.max_series = 50, .shard = {1, 2}});
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(error->message.find("in shard 1/2"), std::string::npos) << error->message;
}

TEST(ShardTest, ParsesExplicitAndAutoShards) {
  std::string error;
  auto shard = ParseShard("2/5", "", error);
  ASSERT_TRUE(shard);
  EXPECT_EQ(shard->index, 2u);
  EXPECT_EQ(shard->count, 5u);
  shard = ParseShard("auto/4", "promsynth-3", error);
  ASSERT_TRUE(shard);
  EXPECT_EQ(shard->index, 3u);
  EXPECT_EQ(shard->count, 4u);
  shard = ParseShard("auto/4", "my-release-promsynth-12", error);
  EXPECT_FALSE(shard);
  EXPECT_NE(error.find("0 <= i < n"), std::string::npos) << error;
  EXPECT_NE(error.find("got 12"), std::string::npos) << error;
  for (const char* bad : {"", "1", "5/5", "-1/3", "1/0", "a/2", "1/2x", "1/2000000"}) {
    EXPECT_FALSE(ParseShard(bad, "host-1", error)) << bad;
    EXPECT_NE(error.find("--shard"), std::string::npos) << error;
  }
  EXPECT_FALSE(ParseShard("auto/2", "laptop", error));
  EXPECT_NE(error.find("laptop"), std::string::npos) << error;
}

}  // namespace
}  // namespace promsynth
