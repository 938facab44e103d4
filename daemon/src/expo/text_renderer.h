#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/snapshot.h"
#include "expo/byte_sink.h"
#include "expo/series_line.h"

namespace promsynth {

/// Renders a snapshot in the Prometheus text format 0.0.4, straight into a sink.
///
/// Histograms and summaries are written as prometheus-cpp's TextSerializer writes them: per
/// series `_count`, `_sum`, then the `_bucket` lines with `le` (ending with `le="+Inf"`) or the
/// quantile lines with `quantile`, the extra label after the series' own labels.
///
/// Series labels are produced while writing from each series' position in its family's
/// expansion (SeriesLine): one reusable line prefix is patched only where a label changes, so the
/// cost per series is one copy of the prefix and one number. Output goes out in chunks of about
/// `chunk_bytes`, so memory does not grow with the number of series.
/// Not thread-safe; use one renderer per scrape (it is cheap to create).
class TextRenderer {
 public:
  explicit TextRenderer(size_t chunk_bytes = 256 * 1024);

  /// Writes every family of `snapshot`. Returns false as soon as the sink refuses a chunk.
  bool RenderSnapshot(const Snapshot& snapshot, ByteSink& sink);

  /// Writes text that is already in the exposition format (e.g. the daemon's own metrics).
  bool RenderText(std::string_view text, ByteSink& sink);

  /// Sends what is buffered.
  bool Flush(ByteSink& sink);

 private:
  bool RenderFamily(const FamilyLayout& family, const double* values, ByteSink& sink);
  /// A histogram or summary: `_count`, `_sum`, then one line per bucket or quantile per series.
  bool RenderSampledFamily(const FamilyLayout& family, const double* values, ByteSink& sink);
  bool MaybeFlush(ByteSink& sink) { return buffer_.size() < chunk_bytes_ || Flush(sink); }

  size_t chunk_bytes_;
  std::string buffer_;
  SeriesLine line_;                         ///< `name{label="v",...} ` of the current series
  std::vector<std::string> sample_labels_;  ///< `le="…"` or `quantile="…"` of the current family
};

/// Escapes HELP text for the text format: backslash and newline.
void AppendEscapedHelp(std::string& out, std::string_view help);

}  // namespace promsynth
