#include "batch/csv_writer.h"

#include <algorithm>

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

CsvWriter::~CsvWriter() {
  if (worker_.valid()) worker_.wait();
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
  columns_ = names.size();
  block_rows_ = std::max<size_t>(1, kBlockValues / std::max<size_t>(1, columns_));
  filling_.resize(block_rows_ * columns_);
  filled_rows_ = 0;
}

void CsvWriter::Row(int64_t /*k*/, int64_t /*time_ms*/, std::span<const double> values) {
  std::copy_n(values.begin(), std::min(values.size(), columns_), filling_.begin() + filled_rows_ * columns_);
  if (++filled_rows_ < block_rows_) return;
  WaitForWorker();
  filling_.swap(writing_);
  if (filling_.size() != writing_.size()) filling_.resize(writing_.size());
  filled_rows_ = 0;
  worker_ = std::async(std::launch::async, [this, rows = block_rows_] { WriteBlock(writing_, rows); });
}

void CsvWriter::End() {
  WaitForWorker();
  WriteBlock(filling_, filled_rows_);
  filled_rows_ = 0;
  out_.Close();
}

void CsvWriter::WaitForWorker() {
  if (worker_.valid()) worker_.get();
}

void CsvWriter::WriteBlock(const std::vector<double>& block, size_t rows) {
  // Formats straight into the output buffer: room for the longest row first, then the real size.
  const size_t row_capacity = columns_ * (compat::kMaxPythonFloatLength + 1) + 2;
  for (size_t row = 0; row < rows; ++row) {
    const double* values = block.data() + row * columns_;
    std::string& buffer = out_.buffer();
    const size_t start = buffer.size();
    buffer.resize(start + row_capacity);
    char* const begin = buffer.data();
    char* cursor = begin + start;
    for (size_t i = 0; i < columns_; ++i) {
      if (i > 0) *cursor++ = ',';
      if (!IsStaleMarker(values[i])) cursor += compat::WritePythonFloat(cursor, values[i]);
    }
    *cursor++ = '\r';
    *cursor++ = '\n';
    buffer.resize(static_cast<size_t>(cursor - begin));
    out_.MaybeFlush();
  }
}

}  // namespace promsynth
