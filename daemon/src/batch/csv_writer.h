#pragma once

#include <string>

#include "batch/batch_sink.h"
#include "batch/output_stream.h"

namespace promsynth {

/// Writes rows as seed 001's `metrics.csv`: a header with one column per series (its name, with
/// labels in text-format notation when it has any), then one line per sample; no time column;
/// values as Python's `str(float)` (`60.1`, `2000.0`, `1e-05`, `nan`); an empty field where a
/// series has no sample (the stale marker); Python csv module defaults: comma, minimal quoting
/// (a field with a comma, quote or line break is quoted, quotes doubled), CRLF line endings.
class CsvWriter final : public BatchSink {
 public:
  /// Writes to `out`, which must outlive the writer; `End` closes it.
  explicit CsvWriter(OutputStream& out) : out_(out) {}
  void Begin(const SeriesLayout& layout, const BatchRange& range) override;
  void Row(int64_t k, int64_t time_ms, std::span<const double> values) override;
  void End() override;

 private:
  OutputStream& out_;
};

/// Appends `field` to `out` quoted as Python's csv module does with QUOTE_MINIMAL.
void AppendCsvField(std::string& out, std::string_view field);

}  // namespace promsynth
