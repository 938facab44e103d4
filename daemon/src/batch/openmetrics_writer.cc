#include "batch/openmetrics_writer.h"

#include <cmath>

#include "batch/series_names.h"
#include "compat/python_float_format.h"
#include "signal/stale_marker.h"

namespace promsynth {
namespace {

void AppendEscaped(std::string& out, std::string_view text) {
  for (char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '"') {
      out += "\\\"";
    } else {
      out += c;
    }
  }
}

}  // namespace

void AppendOpenMetricsValue(std::string& out, double value) {
  if (std::isnan(value)) {
    out += "NaN";
  } else if (std::isinf(value)) {
    out += value > 0 ? "+Inf" : "-Inf";
  } else {
    compat::AppendPythonFloat(out, value);
  }
}

void AppendSecondsTimestamp(std::string& out, int64_t time_ms) {
  if (time_ms < 0) {
    out += '-';
    AppendSecondsTimestamp(out, -time_ms);
    return;
  }
  out += std::to_string(time_ms / 1000);
  int64_t millis = time_ms % 1000;
  if (millis == 0) return;
  char digits[4] = {static_cast<char>('0' + millis / 100), static_cast<char>('0' + millis / 10 % 10),
                    static_cast<char>('0' + millis % 10), 0};
  size_t length = 3;
  while (digits[length - 1] == '0') --length;
  out += '.';
  out.append(digits, length);
}

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
      AppendEscaped(buffer, family.help);
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
