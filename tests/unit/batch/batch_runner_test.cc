#include "batch/batch_runner.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <bit>
#include <stdexcept>

#include "batch/family_split_stepper.h"
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

// Families of every shape, ticks of two lengths, gaps and counters' catch-up between samples:
// long enough for RunBatch to step the families on two threads (FamilySplitStepper).
constexpr const char* kSplitConfig = R"(global: {seed: 5, tick: 1s}
metrics:
  - name: noisy
    generator:
      kind: sine
      amplitude: 5
      period: 60s
      stages:
        - noise: {distribution: gaussian, scale: 0.5, smoothing_window: 3}
        - step_size: 0.1
  - name: hits_total
    type: counter
    labels: {queue: "0..2"}
    generator: {kind: uniform, low: 1, high: 2}
  - name: slow
    tick: 2s
    generator: {kind: random_walk, spread: 1}
    gaps: {drop_probability: 0.1}
  - name: h
    type: histogram
    labels: {i: "0..1"}
    buckets: [0.25, 0.5]
    observations: {kind: uniform}
  - name: s
    type: summary
    quantiles: [0.5, 0.9]
    observations: {kind: uniform}
  - name: walk
    labels: {i: "0..4"}
    generator: {kind: random_walk, spread: 1}
)";

TEST(BatchRunnerTest, FamiliesSteppedOnTwoThreadsGiveTheSingleThreadedRows) {
  const Config config = ParseYamlConfig(kSplitConfig, "split.yml");
  const GeneratorRegistry registry = GeneratorRegistry::WithBuiltins();
  // A step of 1.5 s: samples fall between ticks of both lengths; 3 blocks and a partial one.
  const BatchRange range{1767225600000, 1500, 3 * FamilySplitStepper::kBlockRows + 123};
  Engine batch_engine(config, registry);
  ASSERT_GT(batch_engine.ConcurrentSplit(), 0u);
  CapturingSink sink;
  BatchSink* sinks[] = {&sink};
  RunBatch(batch_engine, range, sinks);
  ASSERT_TRUE(sink.ended);
  ASSERT_EQ(sink.rows.size(), static_cast<size_t>(range.samples));

  Engine serial(config, registry);
  int64_t due = range.start_ms;
  std::vector<double> values;
  for (int64_t k = 0; k < range.samples; ++k) {
    const int64_t sample_time = range.TimeAt(k);
    while (due <= sample_time) {
      serial.Step(due);
      due = serial.NextDueMs(due);
    }
    serial.PublishValues(values);
    const auto& row = sink.rows[static_cast<size_t>(k)];
    ASSERT_EQ(row.size(), values.size());
    // Bit for bit (NaN gaps included).
    for (size_t i = 0; i < values.size(); ++i) {
      ASSERT_EQ(std::bit_cast<uint64_t>(row[i]), std::bit_cast<uint64_t>(values[i]))
          << "sample " << k << " value " << i;
    }
  }
}

TEST(BatchRunnerTest, ASinkErrorStopsTheSecondThread) {
  struct FailingSink final : BatchSink {
    void Begin(const SeriesLayout&, const BatchRange&) override {}
    void Row(int64_t k, int64_t, std::span<const double>) override {
      if (k == FamilySplitStepper::kBlockRows + 5) throw std::runtime_error("disk full");
    }
    void End() override {}
  };
  const Config config = ParseYamlConfig(kSplitConfig, "split.yml");
  Engine engine(config, GeneratorRegistry::WithBuiltins());
  FailingSink sink;
  BatchSink* sinks[] = {&sink};
  EXPECT_THROW(RunBatch(engine, {0, 1000, 10 * FamilySplitStepper::kBlockRows}, sinks), std::runtime_error);
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
