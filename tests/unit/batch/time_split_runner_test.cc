#include "batch/time_split_runner.h"

#include <gtest/gtest.h>

#include <atomic>
#include <bit>
#include <cstdint>
#include <stdexcept>
#include <thread>

#include "batch/batch_runner.h"
#include "batch/csv_writer.h"
#include "batch/output_stream.h"
#include "config/yaml_config_loader.h"
#include "signal/generator_registry.h"
#include "support/temp_dir.h"
#include "unit/batch/batch_test_support.h"

namespace promsynth {
namespace {

// Every stateless shape: stages (anomaly windows, smoothed noise, quantising, rounding), sums and
// scales of terms, sequences, waves, labels, gaps, a total counter, ticks of two lengths.
constexpr const char* kStatelessConfig = R"(global: {seed: 9, tick: 1s}
metrics:
  - name: cpu
    labels: {core: "0..2"}
    generator:
      kind: sum
      terms:
        - {kind: sine, amplitude: 10, period: 60s, offset: 50}
        - {kind: gaussian, scale: 2}
      stages:
        - anomaly: {pattern: exponential, factor: 2, recovery_time: 5, at: 30, every: 200}
        - noise: {distribution: laplace, scale: 0.5, smoothing_window: 4}
        - step_size: 0.1
        - round: 6
  - name: seq
    tick: 2s
    generator: {kind: scale, factor: 2, input: {kind: series, values: "1+1x3 _ stale", mode: loop}}
    gaps: {drop_probability: 0.2}
  - name: up
    generator: {kind: pulse, on: 10s, off: 5s}
  - name: level
    generator: {kind: ramp, start: 1767225600, slope: 0.25}
  - name: bytes_total
    type: counter
    mode: total
    generator: {kind: uniform, low: -5, high: 1000}
)";

// The rows' bit patterns: stale markers and gaps are NaNs, which == never matches.
std::vector<std::vector<uint64_t>> Bits(const std::vector<std::vector<double>>& rows) {
  std::vector<std::vector<uint64_t>> bits;
  for (const auto& row : rows) {
    auto& out = bits.emplace_back();
    for (double value : row) out.push_back(std::bit_cast<uint64_t>(value));
  }
  return bits;
}

const GeneratorRegistry& Registry() {
  static const GeneratorRegistry registry = GeneratorRegistry::WithBuiltins();
  return registry;
}

// The CSV of `range` from one engine stepped row by row (RunBatch without a factory).
std::string SerialCsv(const Config& config, const BatchRange& range, const testing::TempDir& dir) {
  const std::string path = dir.path() + "/serial.csv";
  Engine engine(config, Registry());
  OutputStream out(path);
  CsvWriter writer(out);
  BatchSink* sinks[] = {&writer};
  RunBatch(engine, range, sinks);
  return testing::ReadFile(path);
}

// The CSV of `range` from `threads` engines of a time split.
std::string SplitCsv(const Config& config, const BatchRange& range, size_t threads,
                     const testing::TempDir& dir) {
  const std::string path = dir.path() + "/split" + std::to_string(threads) + ".csv";
  std::vector<std::unique_ptr<Engine>> engines;
  std::vector<Engine*> pointers;
  for (size_t i = 0; i < threads; ++i)
    pointers.push_back(engines.emplace_back(std::make_unique<Engine>(config, Registry())).get());
  OutputStream out(path);
  CsvWriter writer(out);
  writer.Begin(*engines[0]->layout(), range);
  RunTimeSplit(pointers, range, writer);
  writer.End();
  return testing::ReadFile(path);
}

TEST(TimeSplitRunnerTest, ChunksOnSeveralThreadsWriteTheSingleThreadedCsv) {
  const Config config = ParseYamlConfig(kStatelessConfig, "split.yml");
  ASSERT_TRUE(Engine(config, Registry()).Stateless());
  // A step of 1.5 s falls between the ticks of both lengths; many chunks and a partial last one.
  const int64_t chunk = static_cast<int64_t>(TimeSplitChunkRows(7));
  const BatchRange range{1767225600000, 1500, 9 * chunk + 17};
  testing::TempDir dir;
  const std::string expected = SerialCsv(config, range, dir);
  ASSERT_GT(expected.size(), static_cast<size_t>(range.samples) * 14);
  for (size_t threads : {1, 2, 3, 5})
    EXPECT_TRUE(SplitCsv(config, range, threads, dir) == expected) << threads;
}

TEST(TimeSplitRunnerTest, FewerChunksThanThreadsAndASingleRow) {
  const Config config = ParseYamlConfig(kStatelessConfig, "split.yml");
  testing::TempDir dir;
  for (const BatchRange range : {BatchRange{0, 1000, 1}, BatchRange{0, 250, 40}, BatchRange{0, 1000, 0}}) {
    EXPECT_EQ(SplitCsv(config, range, 4, dir), SerialCsv(config, range, dir)) << range.samples;
  }
}

TEST(TimeSplitRunnerTest, OtherSinksGetEveryRowInOrder) {
  const Config config = ParseYamlConfig(kStatelessConfig, "split.yml");
  const BatchRange range{1767225600000, 1500, 5 * static_cast<int64_t>(TimeSplitChunkRows(7)) + 3};
  Engine first(config, Registry());
  Engine second(config, Registry());
  Engine* engines[] = {&first, &second};
  testing::TempDir dir;
  OutputStream out(dir.path() + "/rows.csv");
  CsvWriter writer(out);
  testing::CapturingSink rows;
  BatchSink* row_sinks[] = {&rows};
  writer.Begin(*first.layout(), range);
  rows.Begin(*first.layout(), range);
  RunTimeSplit(engines, range, writer, row_sinks);
  writer.End();
  EXPECT_EQ(Bits(rows.rows), Bits(testing::RunConfig(config, range)));  // RunBatch on one thread
  ASSERT_EQ(rows.times.size(), static_cast<size_t>(range.samples));
  for (int64_t k = 0; k < range.samples; ++k) EXPECT_EQ(rows.times[static_cast<size_t>(k)], range.TimeAt(k));
}

TEST(TimeSplitRunnerTest, AWriteErrorStopsEveryThreadAndReachesTheCaller) {
  struct FailingCsv final : RowTextSink {
    explicit FailingCsv(OutputStream& out) : csv(out) {}
    void Begin(const SeriesLayout& layout, const BatchRange& range) override { csv.Begin(layout, range); }
    void Row(int64_t, int64_t, std::span<const double>) override {}
    void End() override {}
    size_t width() const override { return csv.width(); }
    size_t max_row_bytes() const override { return csv.max_row_bytes(); }
    size_t FormatRows(std::span<const double> values, size_t rows, FloatTextMemo& memo,
                      char* out) const noexcept override {
      return csv.FormatRows(values, rows, memo, out);
    }
    void WriteRows(std::string_view) override {
      if (++writes == 3) throw std::runtime_error("disk full");
    }
    CsvWriter csv;
    int writes = 0;
  };
  const Config config = ParseYamlConfig(kStatelessConfig, "split.yml");
  Engine first(config, Registry());
  Engine second(config, Registry());
  Engine* engines[] = {&first, &second};
  testing::TempDir dir;
  OutputStream out(dir.path() + "/f.csv");
  FailingCsv sink(out);
  sink.Begin(*first.layout(), {0, 1000, 1'000'000});
  EXPECT_THROW(RunTimeSplit(engines, {0, 1000, 1'000'000}, sink), std::runtime_error);
  EXPECT_EQ(sink.writes, 3);
}

TEST(TimeSplitRunnerTest, RunBatchSplitsByTimeOnlyWhereTheOutputCannotChange) {
  // One engine per core, at most eight; on one core there is nothing to split over.
  const unsigned cores = std::thread::hardware_concurrency();
  const int more_engines = cores < 2 ? 0 : static_cast<int>(std::min(cores, 8u)) - 1;
  testing::TempDir dir;
  const BatchRange range{1767225600000, 1000, 40'000};
  auto run = [&](const std::string& yaml, const std::string& name) {
    const Config config = ParseYamlConfig(yaml, name);
    Engine engine(config, Registry());
    OutputStream out(dir.path() + "/" + name + ".csv");
    CsvWriter writer(out);
    testing::CapturingSink rows;  // beside the CSV, as the plot is
    BatchSink* sinks[] = {&rows, &writer};
    std::atomic<int> built = 0;
    RunBatch(engine, range, sinks, nullptr, [&] {
      ++built;
      return std::make_unique<Engine>(config, Registry());
    });
    EXPECT_EQ(testing::ReadFile(dir.path() + "/" + name + ".csv"), SerialCsv(config, range, dir)) << name;
    EXPECT_EQ(Bits(rows.rows), Bits(testing::RunConfig(config, range))) << name;
    return built.load();
  };
  EXPECT_EQ(run(kStatelessConfig, "stateless"), more_engines);
  // A random walk and a counter of increments carry state from tick to tick: no split.
  EXPECT_EQ(run(std::string(kStatelessConfig) + "  - {name: walk, generator: {kind: random_walk}}\n", "walk"),
            0);
  EXPECT_EQ(run(std::string(kStatelessConfig) +
                    "  - {name: hits_total, type: counter, generator: {kind: constant, value: 1}}\n",
                "increments"),
            0);
}

}  // namespace
}  // namespace promsynth
