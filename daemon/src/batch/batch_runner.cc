#include "batch/batch_runner.h"

#include <algorithm>
#include <iterator>
#include <thread>

#include "batch/family_split_stepper.h"
#include "batch/progress_bar.h"
#include "batch/time_split_runner.h"

namespace promsynth {
namespace {

// All families on the calling thread, through Engine::Step.
void RunSerial(Engine& engine, const BatchRange& range, std::span<BatchSink* const> sinks,
               ProgressBar* progress) {
  int64_t next_due = range.start_ms;
  std::vector<double> values;
  for (int64_t k = 0; k < range.samples; ++k) {
    const int64_t time_ms = range.TimeAt(k);
    StepToSample(engine, time_ms, next_due, [&](int64_t at) { engine.Step(at); });
    engine.PublishValues(values);
    for (BatchSink* sink : sinks) sink->Row(k, time_ms, values);
    if (progress != nullptr) progress->Update(k + 1);
  }
}

// Families [0, split) on the calling thread, the rest on a FamilySplitStepper's; the rows are
// put together here and go to the sinks in order.
void RunSplit(Engine& engine, const BatchRange& range, std::span<BatchSink* const> sinks,
              ProgressBar* progress, size_t split) {
  FamilySplitStepper other(engine, range, split);
  const size_t own_width = engine.FamilyValueOffset(split);
  std::vector<double> values(engine.value_count());
  std::vector<double> scratch(engine.scratch_size());
  std::span<const double> block;
  int64_t next_due = range.start_ms;
  for (int64_t k = 0; k < range.samples; ++k) {
    const int64_t time_ms = range.TimeAt(k);
    StepFamiliesToSample(engine, time_ms, 0, split, scratch, next_due);
    engine.PublishFamilyValues(0, split, std::span<double>(values.data(), own_width));
    const int64_t block_index = k / FamilySplitStepper::kBlockRows;
    const int64_t row = k % FamilySplitStepper::kBlockRows;
    if (row == 0) block = other.Take(block_index);
    std::copy_n(block.begin() + static_cast<std::ptrdiff_t>(static_cast<size_t>(row) * other.width()),
                other.width(), values.begin() + static_cast<std::ptrdiff_t>(own_width));
    for (BatchSink* sink : sinks) sink->Row(k, time_ms, values);
    if (row + 1 == FamilySplitStepper::kBlockRows) other.Release(block_index);
    if (progress != nullptr) progress->Update(k + 1);
  }
}

// More threads than this gain little: the calling thread writes every byte.
constexpr unsigned kMaxTimeSplitThreads = 8;

// How many threads a time split of the run would use: one per core, or 0 when it does not
// apply (no sink formats rows apart, a stateful engine, a run of fewer than four chunks per
// thread, no way to build more engines, or one core).
size_t TimeSplitThreads(const Engine& engine, const BatchRange& range, const RowTextSink* text_sink,
                        const EngineFactory& make_engine) {
  const unsigned cores = std::min(std::thread::hardware_concurrency(), kMaxTimeSplitThreads);
  if (!make_engine || cores < 2 || text_sink == nullptr) return 0;
  const auto chunk_rows = static_cast<int64_t>(TimeSplitChunkRows(engine.value_count()));
  if (range.samples < int64_t{4} * cores * chunk_rows || !engine.Stateless()) return 0;
  return cores;
}

// Cuts `range` by time over `threads` engines (RunTimeSplit): `text` is written from the
// chunks' text, the other sinks get the rows in order.
void RunByTime(Engine& engine, const BatchRange& range, std::span<BatchSink* const> sinks, RowTextSink& text,
               ProgressBar* progress, const EngineFactory& make_engine, size_t threads) {
  std::vector<std::unique_ptr<Engine>> more;
  std::vector<Engine*> engines{&engine};
  for (size_t i = 1; i < threads; ++i) engines.push_back(more.emplace_back(make_engine()).get());
  std::vector<BatchSink*> row_sinks;
  std::copy_if(sinks.begin(), sinks.end(), std::back_inserter(row_sinks),
               [&text](const BatchSink* sink) { return sink != &text; });
  RunTimeSplit(engines, range, text, row_sinks, progress);
}

// The first sink that formats rows apart, if any.
RowTextSink* FirstRowTextSink(std::span<BatchSink* const> sinks) {
  for (BatchSink* sink : sinks) {
    if (RowTextSink* text = sink->AsRowText()) return text;
  }
  return nullptr;
}

}  // namespace

void RunBatch(Engine& engine, const BatchRange& range, std::span<BatchSink* const> sinks,
              ProgressBar* progress, const EngineFactory& make_engine) {
  const SeriesLayout& layout = *engine.layout();
  for (BatchSink* sink : sinks) sink->Begin(layout, range);
  RowTextSink* const text = FirstRowTextSink(sinks);
  if (const size_t threads = TimeSplitThreads(engine, range, text, make_engine); threads > 0) {
    RunByTime(engine, range, sinks, *text, progress, make_engine, threads);
  } else if (const size_t split = engine.ConcurrentSplit();
             split > 0 && range.samples >= 2 * FamilySplitStepper::kBlockRows) {
    // Families on two threads pay off from a couple of blocks on; short runs stay on one.
    RunSplit(engine, range, sinks, progress, split);
  } else {
    RunSerial(engine, range, sinks, progress);
  }
  for (BatchSink* sink : sinks) sink->End();
  if (progress != nullptr) progress->Finish();
}

}  // namespace promsynth
