#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/snapshot.h"
#include "expo/byte_sink.h"
#include "expo/series_line.h"

namespace promsynth {

/// Renders a snapshot in OpenMetrics 1.0.0 (`application/openmetrics-text; version=1.0.0`),
/// straight into a sink, with the same streaming and label machinery as TextRenderer (SeriesLine,
/// one reused buffer sent in chunks of about `chunk_bytes`).
///
/// Per family `# TYPE`, `# UNIT` (when the metric has a `unit:`) and `# HELP`, named without a
/// counter's `_total`; then per series, in OpenMetrics' order:
///   - gauge: `name{…} value`;
///   - counter: `name_total{…} value`, then `name_created{…} seconds`;
///   - histogram: `name_bucket{…,le="…"} count` per bound and `le="+Inf"`, `name_count`,
///     `name_sum`, `name_created`;
///   - summary: `name{…,quantile="…"} value` per quantile, `name_count`, `name_sum`,
///     `name_created`.
/// Values and `le`/`quantile` use OpenMetrics' float spelling (`1.0`, `NaN`, `+Inf`, `-Inf`).
/// `_created` is FamilyTimes::created_ms of the family (the last reset, or the start). A series
/// with the stale marker is left out, as in the text format. A family with `exemplars:` gets an
/// exemplar (see AppendExemplar) on each `_total` line whose value is above 0 (value 1: one traced
/// event) and on each `_bucket` line whose own bucket (not the cumulative count) gained
/// observations, a value inside that bucket; both stamped with the time of the family's tick.
/// `Finish` ends the exposition with `# EOF`. Not thread-safe; one renderer per scrape.
class OpenMetricsRenderer {
 public:
  explicit OpenMetricsRenderer(size_t chunk_bytes = 256 * 1024);

  /// Writes every family of `snapshot`. Returns false as soon as the sink refuses a chunk.
  bool RenderSnapshot(const Snapshot& snapshot, ByteSink& sink);

  /// Writes exposition text of the text format 0.0.4 (the daemon's own metrics, the netops
  /// generator's) translated to OpenMetrics (see expo/text_to_openmetrics.h).
  bool RenderText(std::string_view text, ByteSink& sink);

  /// Writes `# EOF` and sends what is buffered. Call once, last.
  bool Finish(ByteSink& sink);

 private:
  bool RenderFamily(const FamilyLayout& family, const FamilyTimes* times, const double* values,
                    ByteSink& sink);
  bool RenderSampledFamily(const FamilyLayout& family, const FamilyTimes* times, const double* values,
                           ByteSink& sink);
  void AppendCreated(std::string_view base, const FamilyTimes* times);
  bool Flush(ByteSink& sink);
  bool MaybeFlush(ByteSink& sink) { return buffer_.size() < chunk_bytes_ || Flush(sink); }

  size_t chunk_bytes_;
  std::string buffer_;
  SeriesLine line_;
  std::vector<std::string> sample_labels_;  ///< `le="…"` or `quantile="…"` of the current family
};

}  // namespace promsynth
