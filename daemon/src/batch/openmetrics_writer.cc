#include "batch/openmetrics_writer.h"

#include "batch/series_names.h"
#include "signal/stale_marker.h"

namespace promsynth {

void OpenMetricsWriter::Begin(const SeriesLayout& layout, const BatchRange& range) {
  layout_ = &layout;
  range_ = range;
  matrix_.Reset(layout.series_count, range.samples);
}

void OpenMetricsWriter::Row(int64_t k, int64_t /*time_ms*/, std::span<const double> values) {
  matrix_.SetRow(k, values);
}

void OpenMetricsWriter::End() {
  std::string& buffer = out_.buffer();
  // Timestamps repeat for every series: render them once.
  std::vector<std::string> times(static_cast<size_t>(range_.samples));
  for (int64_t k = 0; k < range_.samples; ++k) {
    std::string& time = times[static_cast<size_t>(k)];
    time += ' ';
    AppendSecondsTimestamp(time, range_.TimeAt(k));
    time += '\n';
  }
  for (const FamilyLayout& family : layout_->families) {
    const bool counter = family.type == MetricType::kCounter;
    std::string_view family_name = family.name;
    if (counter && family_name.ends_with("_total")) family_name.remove_suffix(6);
    buffer += "# TYPE ";
    buffer += family_name;
    buffer += counter ? " counter\n" : " gauge\n";
    if (!family.help.empty()) {
      buffer += "# HELP ";
      buffer += family_name;
      buffer += ' ';
      AppendOpenMetricsEscaped(buffer, family.help);
      buffer += '\n';
    }
    for (size_t i = 0; i < family.series_count; ++i) {
      const std::string prefix = SampleLinePrefix(family, i);
      const std::span<const double> series = matrix_.Series(family.first_series + i);
      for (size_t k = 0; k < series.size(); ++k) {
        if (IsStaleMarker(series[k])) continue;
        buffer += prefix;
        AppendOpenMetricsValue(buffer, series[k]);
        buffer += times[k];
        out_.MaybeFlush();
      }
    }
  }
  buffer += "# EOF\n";
  out_.Close();
}

}  // namespace promsynth
