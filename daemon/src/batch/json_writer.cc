#include "batch/json_writer.h"

#include "batch/openmetrics_writer.h"
#include "batch/series_names.h"
#include "signal/stale_marker.h"

namespace promsynth {

void AppendJsonString(std::string& out, std::string_view text) {
  out += '"';
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (byte < 0x20) {
      constexpr char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    } else {
      out += c;
    }
  }
  out += '"';
}

void JsonWriter::Begin(const SeriesLayout& layout, const BatchRange& range) {
  layout_ = &layout;
  range_ = range;
  matrix_.Reset(layout.series_count, range.samples);
}

void JsonWriter::Row(int64_t k, int64_t /*time_ms*/, std::span<const double> values) {
  matrix_.SetRow(k, values);
}

void JsonWriter::End() {
  std::string& buffer = out_.buffer();
  buffer += R"({"status":"success","data":{"resultType":"matrix","result":[)";
  bool first_series = true;
  for (const FamilyLayout& family : layout_->families) {
    for (size_t i = 0; i < family.series_count; ++i) {
      buffer += first_series ? "\n" : ",\n";
      first_series = false;
      buffer += R"({"metric":{"__name__":)";
      AppendJsonString(buffer, family.name);
      for (const auto& [name, value] : SeriesLabels(family, i)) {
        buffer += ',';
        AppendJsonString(buffer, name);
        buffer += ':';
        AppendJsonString(buffer, value);
      }
      buffer += R"(},"values":[)";
      const std::span<const double> series = matrix_.Series(family.first_series + i);
      bool first_point = true;
      for (size_t k = 0; k < series.size(); ++k) {
        if (IsStaleMarker(series[k])) continue;
        buffer += first_point ? "[" : ",[";
        first_point = false;
        AppendSecondsTimestamp(buffer, range_.TimeAt(static_cast<int64_t>(k)));
        buffer += ",\"";
        AppendOpenMetricsValue(buffer, series[k]);
        buffer += "\"]";
        out_.MaybeFlush();
      }
      buffer += "]}";
    }
  }
  buffer += "\n]}}\n";
  out_.Close();
}

}  // namespace promsynth
