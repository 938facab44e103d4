#pragma once

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "batch/float_text_memo.h"
#include "batch/output_stream.h"
#include "batch/row_text_sink.h"

namespace promsynth {

/// Writes rows as seed 001's `metrics.csv`: a header with one column per series (its name, with
/// labels in text-format notation when it has any), then one line per sample; no time column;
/// values as Python's `str(float)` (`60.1`, `2000.0`, `1e-05`, `nan`); an empty field where a
/// series has no sample (the stale marker); Python csv module defaults: comma, minimal quoting
/// (a field with a comma, quote or line break is quoted, quotes doubled), CRLF line endings.
///
/// Rows are collected in blocks of about kBlockValues values; a full block is formatted on a
/// second thread (one for the writer's life, started with the first full block) while the caller
/// computes the next block, so the engine and the float formatting run on two cores. The caller
/// formats the block's last rows itself, a share that adapts to keep both threads busy (it grows
/// while the caller waits for the worker and shrinks while the worker waits for the caller). At
/// most one block is in flight; only the caller writes to the stream, in row order, so the output
/// is the same as formatting row by row. Both parts are formatted into text buffers sized for the
/// longest rows once, and written to the stream as they are (no per-row resizing or copying);
/// values that repeat in a column are formatted once per thread (FloatTextMemo).
/// A row's text depends on its values alone, so a run may also format rows itself on several
/// threads (RowTextSink, used by RunTimeSplit) instead of calling Row.
/// Called from one thread.
class CsvWriter final : public RowTextSink {
 public:
  /// Values (series × rows) per block: 1 MiB of doubles.
  static constexpr size_t kBlockValues = size_t{1} << 17;

  /// Writes to `out`, which must outlive the writer; `End` closes it.
  explicit CsvWriter(OutputStream& out) : out_(out) {}
  /// Waits for a block still being formatted and stops the worker thread.
  ~CsvWriter() override;
  CsvWriter(const CsvWriter&) = delete;
  CsvWriter& operator=(const CsvWriter&) = delete;

  void Begin(const SeriesLayout& layout, const BatchRange& range) override;
  void Row(int64_t k, int64_t time_ms, std::span<const double> values) override;
  void End() override;

  size_t width() const override { return columns_; }
  size_t max_row_bytes() const override { return row_capacity_; }
  size_t FormatRows(std::span<const double> values, size_t rows, FloatTextMemo& memo,
                    char* out) const noexcept override;
  void WriteRows(std::string_view text) override { out_.Write(text); }

 private:
  /// Rows [from, to) of `block`, formatted into `text` as FormatRows does.
  size_t FormatBlockRows(const std::vector<double>& block, size_t from, size_t to, FloatTextMemo& memo,
                         char* text) const noexcept {
    return FormatRows(std::span<const double>(block).subspan(from * columns_), to - from, memo, text);
  }
  /// Waits for the block in flight and writes both parts of it.
  void FinishBlock();
  /// The worker thread: formats the first rows of each block handed over until told to stop.
  void WorkerLoop();

  OutputStream& out_;
  size_t columns_ = 0;
  size_t row_capacity_ = 0;  ///< bytes of the longest possible row
  size_t block_rows_ = 1;
  size_t caller_rows_ = 0;       ///< rows of each block the caller formats itself (the last ones)
  std::vector<double> filling_;  ///< rows being collected, row after row
  size_t filled_rows_ = 0;
  std::vector<double> writing_;  ///< the block in flight
  // Left uninitialised (only what FormatRows wrote is read): each page is first touched by the
  // thread that formats into it, not zeroed up front on the engine's thread.
  std::unique_ptr<char[]> worker_text_;  ///< its first rows, formatted by the worker
  std::unique_ptr<char[]> caller_text_;  ///< its last rows, formatted by the caller
  size_t caller_bytes_ = 0;
  FloatTextMemo worker_memo_{0};  ///< each thread its own memo of repeated values' texts (the
  FloatTextMemo caller_memo_{0};  ///< worker's is built on the worker thread, off the engine's)

  // The hand-off to the worker: a job is rows [0, job_rows_) of writing_ into worker_text_.
  std::thread worker_;
  std::mutex mutex_;
  std::condition_variable wake_;  ///< signalled on a new job, its completion and stop
  bool job_pending_ = false;      ///< a job was handed over and is not finished
  bool job_ready_ = false;        ///< the worker may start the job (set by the caller)
  bool stopping_ = false;
  size_t job_rows_ = 0;
  size_t worker_bytes_ = 0;
};

/// Appends `field` to `out` quoted as Python's csv module does with QUOTE_MINIMAL.
void AppendCsvField(std::string& out, std::string_view field);

}  // namespace promsynth
