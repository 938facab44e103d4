#include "batch/batch_runner.h"

#include "batch/progress_bar.h"

namespace promsynth {

void RunBatch(Engine& engine, const BatchRange& range, std::span<BatchSink* const> sinks,
              ProgressBar* progress) {
  const SeriesLayout& layout = *engine.layout();
  for (BatchSink* sink : sinks) sink->Begin(layout, range);
  int64_t next_due = range.start_ms;
  std::vector<double> values;
  for (int64_t k = 0; k < range.samples; ++k) {
    const int64_t time_ms = range.TimeAt(k);
    // The ticks between two sample times, as the ticker would have stepped them.
    while (next_due < time_ms) {
      engine.Step(next_due);
      next_due = engine.NextDueMs(next_due);
    }
    engine.Step(time_ms);
    next_due = engine.NextDueMs(time_ms);
    engine.PublishValues(values);
    for (BatchSink* sink : sinks) sink->Row(k, time_ms, values);
    if (progress != nullptr) progress->Update(k + 1);
  }
  for (BatchSink* sink : sinks) sink->End();
  if (progress != nullptr) progress->Finish();
}

}  // namespace promsynth
