#include "batch/csv_writer.h"

#include <algorithm>
#include <chrono>

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
  if (worker_.valid()) {
    // Balance: a worker still busy means the caller should take more rows, an idle one fewer.
    const bool worker_busy = worker_.wait_for(std::chrono::seconds(0)) != std::future_status::ready;
    const size_t step = std::max<size_t>(1, block_rows_ / 32);
    if (worker_busy) caller_rows_ = std::min(block_rows_ / 2, caller_rows_ + step);
    if (!worker_busy) caller_rows_ = caller_rows_ > step ? caller_rows_ - step : 0;
  }
  FinishBlock();
  filling_.swap(writing_);
  if (filling_.size() != writing_.size()) filling_.resize(writing_.size());
  filled_rows_ = 0;
  const size_t split = block_rows_ - caller_rows_;
  worker_ = std::async(std::launch::async, [this, split] { FormatRows(writing_, 0, split, worker_text_); });
  FormatRows(writing_, split, block_rows_, caller_text_);
}

void CsvWriter::End() {
  FinishBlock();
  FormatRows(filling_, 0, filled_rows_, out_.buffer());
  filled_rows_ = 0;
  out_.Close();
}

void CsvWriter::FinishBlock() {
  if (!worker_.valid()) return;
  worker_.get();
  out_.buffer() += worker_text_;
  out_.MaybeFlush();
  out_.buffer() += caller_text_;
  out_.MaybeFlush();
  worker_text_.clear();
  caller_text_.clear();
}

void CsvWriter::FormatRows(const std::vector<double>& block, size_t from, size_t to,
                           std::string& text) const {
  // Formats straight into the text: room for the longest row first, then the real size.
  const size_t row_capacity = columns_ * (compat::kMaxPythonFloatLength + 1) + 2;
  for (size_t row = from; row < to; ++row) {
    const double* values = block.data() + row * columns_;
    const size_t start = text.size();
    text.resize(start + row_capacity);
    char* const begin = text.data();
    char* cursor = begin + start;
    for (size_t i = 0; i < columns_; ++i) {
      if (i > 0) *cursor++ = ',';
      if (!IsStaleMarker(values[i])) cursor += compat::WritePythonFloat(cursor, values[i]);
    }
    *cursor++ = '\r';
    *cursor++ = '\n';
    text.resize(static_cast<size_t>(cursor - begin));
  }
}

}  // namespace promsynth
