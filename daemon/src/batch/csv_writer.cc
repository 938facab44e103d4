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
  if (!worker_.joinable()) return;
  {
    std::unique_lock lock(mutex_);
    wake_.wait(lock, [this] { return !job_pending_; });
    stopping_ = true;
  }
  wake_.notify_all();
  worker_.join();
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
  row_capacity_ = columns_ * (compat::kMaxPythonFloatLength + 1) + 2;
  block_rows_ = std::max<size_t>(1, kBlockValues / std::max<size_t>(1, columns_));
  filling_.resize(block_rows_ * columns_);
  writing_.resize(block_rows_ * columns_);
  filled_rows_ = 0;
  caller_memo_ = FloatTextMemo(columns_);
}

void CsvWriter::Row(int64_t /*k*/, int64_t /*time_ms*/, std::span<const double> values) {
  std::copy_n(values.begin(), std::min(values.size(), columns_), filling_.begin() + filled_rows_ * columns_);
  if (++filled_rows_ < block_rows_) return;
  if (!worker_.joinable()) {
    // Text buffers for the whole block: either side may format up to all of it.
    worker_text_ = std::make_unique_for_overwrite<char[]>(block_rows_ * row_capacity_);
    caller_text_ = std::make_unique_for_overwrite<char[]>(block_rows_ * row_capacity_);
    worker_ = std::thread([this] { WorkerLoop(); });
  } else {
    bool worker_busy = false;
    {
      std::lock_guard lock(mutex_);
      worker_busy = job_pending_;
    }
    // Balance: a worker still busy means the caller should take more rows, an idle one fewer.
    const size_t step = std::max<size_t>(1, block_rows_ / 32);
    if (worker_busy) caller_rows_ = std::min(block_rows_ / 2, caller_rows_ + step);
    if (!worker_busy) caller_rows_ = caller_rows_ > step ? caller_rows_ - step : 0;
  }
  FinishBlock();
  filling_.swap(writing_);
  filled_rows_ = 0;
  const size_t split = block_rows_ - caller_rows_;
  {
    std::lock_guard lock(mutex_);
    job_rows_ = split;
    job_pending_ = true;
    job_ready_ = true;
  }
  wake_.notify_all();
  caller_bytes_ = FormatBlockRows(writing_, split, block_rows_, caller_memo_, caller_text_.get());
}

void CsvWriter::End() {
  FinishBlock();
  std::vector<char> text(filled_rows_ * row_capacity_);
  const size_t bytes = FormatBlockRows(filling_, 0, filled_rows_, caller_memo_, text.data());
  out_.Write({text.data(), bytes});
  filled_rows_ = 0;
  out_.Close();
}

void CsvWriter::FinishBlock() {
  if (!worker_.joinable()) return;
  size_t worker_bytes = 0;
  {
    std::unique_lock lock(mutex_);
    wake_.wait(lock, [this] { return !job_pending_; });
    worker_bytes = worker_bytes_;
    worker_bytes_ = 0;
  }
  out_.Write({worker_text_.get(), worker_bytes});
  out_.Write({caller_text_.get(), caller_bytes_});
  caller_bytes_ = 0;
}

void CsvWriter::WorkerLoop() {
  worker_memo_ = FloatTextMemo(columns_);  // before the first job: the caller reads no memo state
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return job_ready_ || stopping_; });
    if (stopping_) return;
    job_ready_ = false;
    const size_t rows = job_rows_;
    lock.unlock();
    const size_t bytes = FormatBlockRows(writing_, 0, rows, worker_memo_, worker_text_.get());
    lock.lock();
    worker_bytes_ = bytes;
    job_pending_ = false;
    wake_.notify_all();
  }
}

size_t CsvWriter::FormatRows(std::span<const double> values, size_t rows, FloatTextMemo& memo,
                             char* out) const noexcept {
  char* cursor = out;
  for (size_t row = 0; row < rows; ++row) {
    const double* row_values = values.data() + row * columns_;
    for (size_t i = 0; i < columns_; ++i) {
      if (i > 0) *cursor++ = ',';
      if (!IsStaleMarker(row_values[i])) cursor += memo.Write(cursor, i, row_values[i]);
    }
    *cursor++ = '\r';
    *cursor++ = '\n';
  }
  return static_cast<size_t>(cursor - out);
}

}  // namespace promsynth
