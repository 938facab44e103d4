#pragma once

#include <cstdint>
#include <span>

#include "batch/batch_range.h"
#include "engine/series_layout.h"

namespace promsynth {

class RowTextSink;

/// Receives the rows of a batch run: one row per sample time with the value of every series
/// (indexed like the layout's series; the stale marker where a series has no sample).
/// A sink writes a format (CSV, JSON, OpenMetrics) or a picture. Used from one thread.
class BatchSink {
 public:
  virtual ~BatchSink() = default;

  /// Called once before the first row. `layout` outlives the run.
  virtual void Begin(const SeriesLayout& layout, const BatchRange& range) = 0;
  /// Sample `k` at `time_ms`.
  virtual void Row(int64_t k, int64_t time_ms, std::span<const double> values) = 0;
  /// Called once after the last row; throws std::runtime_error when the output cannot be written.
  virtual void End() = 0;
  /// This sink as a RowTextSink, when its rows can be formatted apart (null otherwise).
  virtual RowTextSink* AsRowText() { return nullptr; }
};

}  // namespace promsynth
