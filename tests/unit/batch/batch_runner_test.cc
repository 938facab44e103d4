#include "batch/batch_runner.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "batch/time_argument.h"
#include "config/yaml_config_loader.h"
#include "unit/batch/batch_test_support.h"

namespace promsynth {
namespace {

using testing::CapturingSink;

constexpr const char* kConfig = R"(global: {seed: 3, tick: 1s}
metrics:
  - name: noisy
    generator:
      kind: sine
      amplitude: 5
      period: 60s
      stages:
        - noise: {distribution: laplace, scale: 0.5, smoothing_window: 4}
  - name: hits_total
    type: counter
    generator: {kind: uniform, low: 1, high: 2}
  - name: walk
    generator: {kind: random_walk, spread: 1}
)";

TEST(BatchRunnerTest, ValuesAtATimeAreWhatAnEngineSteppedLiveShows) {
  const Config config = ParseYamlConfig(kConfig, "r.yml");
  const GeneratorRegistry registry = GeneratorRegistry::WithBuiltins();
  const BatchRange range{1767225600000, 5000, 20};
  Engine batch_engine(config, registry);
  CapturingSink sink;
  BatchSink* sinks[] = {&sink};
  RunBatch(batch_engine, range, sinks);
  ASSERT_TRUE(sink.ended);
  ASSERT_EQ(sink.rows.size(), 20u);
  EXPECT_EQ(sink.times[1], range.start_ms + 5000);

  // The daemon's ticker: a step at every due tick (here: every second), some 1–400 ms late.
  Engine live(config, registry);
  int64_t due = range.start_ms;
  for (int64_t k = 0; k < range.samples; ++k) {
    const int64_t sample_time = range.TimeAt(k);
    std::shared_ptr<const Snapshot> snapshot;
    while (due <= sample_time) {
      live.Step(due + (due / 1000 % 400));
      snapshot = live.Publish();
      due = live.NextDueMs(due);
    }
    EXPECT_EQ(snapshot->values, sink.rows[static_cast<size_t>(k)]) << "sample " << k;
  }
}

TEST(BatchRunnerTest, ACounterCountsEveryTickBetweenSparseSamples) {
  const Config config = ParseYamlConfig(kConfig, "r.yml");
  const auto every_second = testing::RunConfig(config, {0, 1000, 301});
  const auto every_five_minutes = testing::RunConfig(config, {0, 300'000, 2});
  // More than Engine::kMaxCatchUpTicks between samples: the runner still steps each tick.
  EXPECT_EQ(every_five_minutes[1][1], every_second[300][1]);
  EXPECT_EQ(every_five_minutes[1][2], every_second[300][2]);
}

TEST(TimeArgumentTest, AcceptsRfc3339UnixSecondsAndNowOffsets) {
  EXPECT_EQ(ParseTimeArgument("2026-01-01T00:00:00Z", 0), 1767225600000);
  EXPECT_EQ(ParseTimeArgument("1767225600", 0), 1767225600000);
  EXPECT_EQ(ParseTimeArgument("1767225600.25", 0), 1767225600250);
  EXPECT_EQ(ParseTimeArgument("0", 5), 0);
  EXPECT_EQ(ParseTimeArgument("now", 5000), 5000);
  EXPECT_EQ(ParseTimeArgument("now-1h30m", 10'000'000), 10'000'000 - 5'400'000);
  EXPECT_EQ(ParseTimeArgument("now+5m", 0), 300'000);
  EXPECT_FALSE(ParseTimeArgument("yesterday", 0));
  EXPECT_FALSE(ParseTimeArgument("now-", 0));
  EXPECT_FALSE(ParseTimeArgument("now-5", 0));
  EXPECT_FALSE(ParseTimeArgument("", 0));
}

}  // namespace
}  // namespace promsynth
