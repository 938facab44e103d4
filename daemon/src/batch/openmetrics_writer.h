#pragma once

#include <string>

#include "batch/batch_sink.h"
#include "batch/output_stream.h"
#include "batch/series_matrix.h"
#include "expo/openmetrics_value.h"  // AppendOpenMetricsValue, AppendSecondsTimestamp

namespace promsynth {

/// Writes a batch run in the OpenMetrics text format with a timestamp on every sample, the
/// input of `promtool tsdb create-blocks-from openmetrics` (backfilling Prometheus):
/// per family `# TYPE` and `# HELP` (a counter's family name without `_total`, its samples with
/// it), then each series' samples in time order as `name{labels} value timestamp` (timestamp in
/// seconds, millisecond fraction when there is one; values in shortest round-trip notation,
/// `NaN`, `+Inf`, `-Inf`); a series with no sample at a time (the stale marker) has no line
/// then; the file ends with `# EOF`. Holds all values until `End` (see SeriesMatrix).
class OpenMetricsWriter final : public BatchSink {
 public:
  /// Writes to `out`, which must outlive the writer; `End` closes it.
  explicit OpenMetricsWriter(OutputStream& out) : out_(out) {}
  void Begin(const SeriesLayout& layout, const BatchRange& range) override;
  void Row(int64_t k, int64_t time_ms, std::span<const double> values) override;
  void End() override;

 private:
  OutputStream& out_;
  const SeriesLayout* layout_ = nullptr;
  BatchRange range_;
  SeriesMatrix matrix_;
};

}  // namespace promsynth
