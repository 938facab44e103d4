#pragma once

#include <string>

#include "batch/batch_sink.h"
#include "batch/output_stream.h"
#include "batch/series_matrix.h"

namespace promsynth {

/// Writes a batch run as JSON in the shape of a Prometheus range-query answer, so tools that read
/// `/api/v1/query_range` read it too:
/// `{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"x",
/// "label":"v"},"values":[[1700000000,"1.5"],…]},…]}}` — one entry per series in config order,
/// times in seconds, values as strings (shortest round-trip digits, `NaN`, `+Inf`, `-Inf`), no
/// point where a series has no sample. Holds all values until `End` (see SeriesMatrix).
class JsonWriter final : public BatchSink {
 public:
  /// Writes to `out`, which must outlive the writer; `End` closes it.
  explicit JsonWriter(OutputStream& out) : out_(out) {}
  void Begin(const SeriesLayout& layout, const BatchRange& range) override;
  void Row(int64_t k, int64_t time_ms, std::span<const double> values) override;
  void End() override;

 private:
  OutputStream& out_;
  const SeriesLayout* layout_ = nullptr;
  BatchRange range_;
  SeriesMatrix matrix_;
};

/// Appends `text` as a JSON string literal (quotes included).
void AppendJsonString(std::string& out, std::string_view text);

}  // namespace promsynth
