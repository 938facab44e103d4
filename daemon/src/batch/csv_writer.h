#pragma once

#include <cstddef>
#include <future>
#include <string>
#include <vector>

#include "batch/batch_sink.h"
#include "batch/output_stream.h"

namespace promsynth {

/// Writes rows as seed 001's `metrics.csv`: a header with one column per series (its name, with
/// labels in text-format notation when it has any), then one line per sample; no time column;
/// values as Python's `str(float)` (`60.1`, `2000.0`, `1e-05`, `nan`); an empty field where a
/// series has no sample (the stale marker); Python csv module defaults: comma, minimal quoting
/// (a field with a comma, quote or line break is quoted, quotes doubled), CRLF line endings.
///
/// Rows are collected in blocks of about kBlockValues values; a full block is formatted on a
/// second thread while the caller computes the next block, so the engine and the float
/// formatting run on two cores. The caller formats the block's last rows itself, a share that
/// adapts to keep both threads busy (it grows while the caller waits for the worker and shrinks
/// while the worker waits for the caller). At most one block is in flight; only the caller
/// writes to the stream, in row order, so the output is the same as formatting row by row.
/// Called from one thread.
class CsvWriter final : public BatchSink {
 public:
  /// Values (series × rows) per block: 1 MiB of doubles.
  static constexpr size_t kBlockValues = size_t{1} << 17;

  /// Writes to `out`, which must outlive the writer; `End` closes it.
  explicit CsvWriter(OutputStream& out) : out_(out) {}
  /// Waits for a block still being written (its error, if any, is dropped: End reports errors).
  ~CsvWriter() override;
  CsvWriter(const CsvWriter&) = delete;
  CsvWriter& operator=(const CsvWriter&) = delete;

  void Begin(const SeriesLayout& layout, const BatchRange& range) override;
  void Row(int64_t k, int64_t time_ms, std::span<const double> values) override;
  void End() override;

 private:
  /// Appends rows [from, to) of `block` to `text` (the worker, or the caller for its share).
  void FormatRows(const std::vector<double>& block, size_t from, size_t to, std::string& text) const;
  /// Waits for the block in flight (rethrowing its error) and writes both parts of it.
  void FinishBlock();

  OutputStream& out_;
  size_t columns_ = 0;
  size_t block_rows_ = 1;
  size_t caller_rows_ = 0;       ///< rows of each block the caller formats itself (the last ones)
  std::vector<double> filling_;  ///< rows being collected, row after row
  size_t filled_rows_ = 0;
  std::vector<double> writing_;  ///< the block in flight
  std::string worker_text_;      ///< its first rows, formatted by the worker
  std::string caller_text_;      ///< its last rows, formatted by the caller
  std::future<void> worker_;
};

/// Appends `field` to `out` quoted as Python's csv module does with QUOTE_MINIMAL.
void AppendCsvField(std::string& out, std::string_view field);

}  // namespace promsynth
