#pragma once

#include <cstddef>
#include <span>
#include <string_view>

#include "batch/batch_sink.h"
#include "batch/float_text_memo.h"

namespace promsynth {

/// A sink whose rows are text that depends on the row's values alone (CSV): rows can then be
/// formatted on several threads at once, in any order, and written in row order (RunTimeSplit).
/// Begin, WriteRows and End are called from one thread, as BatchSink's methods are; FormatRows
/// from any.
class RowTextSink : public BatchSink {
 public:
  RowTextSink* AsRowText() override { return this; }

  /// Values per row (after Begin).
  virtual size_t width() const = 0;
  /// Bytes one row's text takes at most (after Begin).
  virtual size_t max_row_bytes() const = 0;
  /// Formats `rows` rows from `values` (row after row, width() values each) into `out` (room for
  /// max_row_bytes() per row) with `memo`, the calling thread's; returns the bytes written. The
  /// text is what Row would have written for them.
  virtual size_t FormatRows(std::span<const double> values, size_t rows, FloatTextMemo& memo,
                            char* out) const noexcept = 0;
  /// Writes formatted rows after those written so far. Throws on a write error.
  virtual void WriteRows(std::string_view text) = 0;
};

}  // namespace promsynth
