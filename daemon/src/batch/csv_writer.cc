#include "batch/csv_writer.h"

#include "batch/series_names.h"
#include "compat/python_float_format.h"
#include "signal/stale_marker.h"

namespace promsynth {

void AppendCsvField(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += field;
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void CsvWriter::Begin(const SeriesLayout& layout, const BatchRange& /*range*/) {
  std::string& buffer = out_.buffer();
  const std::vector<std::string> names = SeriesNames(layout);
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) buffer += ',';
    AppendCsvField(buffer, names[i]);
  }
  buffer += "\r\n";
  out_.MaybeFlush();
}

void CsvWriter::Row(int64_t /*k*/, int64_t /*time_ms*/, std::span<const double> values) {
  // Formats straight into the output buffer: room for the longest row first, then the real size.
  std::string& buffer = out_.buffer();
  const size_t start = buffer.size();
  buffer.resize(start + values.size() * (compat::kMaxPythonFloatLength + 1) + 2);
  char* const begin = buffer.data();
  char* cursor = begin + start;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) *cursor++ = ',';
    if (!IsStaleMarker(values[i])) cursor += compat::WritePythonFloat(cursor, values[i]);
  }
  *cursor++ = '\r';
  *cursor++ = '\n';
  buffer.resize(static_cast<size_t>(cursor - begin));
  out_.MaybeFlush();
}

void CsvWriter::End() { out_.Close(); }

}  // namespace promsynth
