#include "batch/remote_write_sink.h"

#include <snappy.h>

#include <algorithm>
#include <bit>
#include <ctime>
#include <stdexcept>
#include <thread>

#include "engine/snapshot.h"
#include "remote_write/remote_write_client.h"
#include "remote_write/sample_enumeration.h"
#include "remote_write/write_request_encoder.h"

namespace promsynth {
namespace {

using namespace remote_write_field;  // NOLINT(google-build-using-namespace): the field keys

void AppendLengthDelimited(std::string& out, char key, std::string_view bytes) {
  out += key;
  AppendVarint(out, bytes.size());
  out += bytes;
}

/// RFC 3339 UTC with milliseconds, for error messages.
std::string TimeText(int64_t time_ms) {
  const std::time_t seconds = static_cast<std::time_t>(time_ms / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

}  // namespace

RemoteWriteSink::RemoteWriteSink(RemoteWriteConfig config)
    : config_(std::move(config)), client_(std::make_unique<RemoteWriteClient>(config_, nullptr)) {}

RemoteWriteSink::~RemoteWriteSink() = default;

void RemoteWriteSink::Begin(const SeriesLayout& layout, const BatchRange& /*range*/) {
  // The daemon's enumeration gives every series' sorted labels; a snapshot whose values are the
  // series' indices tells which series each label set belongs to.
  Snapshot snapshot;
  snapshot.layout = std::shared_ptr<const SeriesLayout>(std::shared_ptr<void>(), &layout);
  snapshot.values.resize(layout.value_count);
  for (size_t i = 0; i < snapshot.values.size(); ++i) snapshot.values[i] = static_cast<double>(i);
  series_ = layout.value_count;
  labels_.assign(series_, std::string());
  EnumerateSamples(snapshot, [&](std::span<const LabelView> labels, double index, int64_t /*time_ms*/) {
    std::string& out = labels_[static_cast<size_t>(index)];
    for (const LabelView& label : labels) {
      std::string field;
      AppendLengthDelimited(field, kLabelNameKey, label.name);
      AppendLengthDelimited(field, kLabelValueKey, label.value);
      AppendLengthDelimited(out, kLabelKey, field);
    }
  });
  block_rows_ = std::max<size_t>(1, config_.max_samples / std::max<size_t>(1, series_));
  values_.clear();
  values_.reserve(block_rows_ * series_);
  times_.clear();
}

void RemoteWriteSink::Row(int64_t /*k*/, int64_t time_ms, std::span<const double> values) {
  values_.insert(values_.end(), values.begin(), values.begin() + static_cast<ptrdiff_t>(series_));
  times_.push_back(time_ms);
  if (times_.size() >= block_rows_) Flush();
}

void RemoteWriteSink::End() { Flush(); }

void RemoteWriteSink::Flush() {
  const size_t rows = times_.size();
  if (rows == 0) return;
  // More series than max_samples: one row is split over several requests, a chunk of series each.
  const size_t chunk = std::max<size_t>(1, config_.max_samples / rows);
  std::string series_bytes;
  std::string sample;
  for (size_t first = 0; first < series_; first += chunk) {
    encoded_.clear();
    const size_t last = std::min(series_, first + chunk);
    for (size_t i = first; i < last; ++i) {
      series_bytes = labels_[i];
      for (size_t row = 0; row < rows; ++row) {
        sample.clear();
        sample += kSampleValueKey;
        uint64_t bits = std::bit_cast<uint64_t>(values_[row * series_ + i]);
        for (int b = 0; b < 8; ++b, bits >>= 8) sample += static_cast<char>(bits & 0xff);  // fixed64, LE
        sample += kSampleTimestampKey;
        AppendVarint(sample, static_cast<uint64_t>(times_[row]));
        AppendLengthDelimited(series_bytes, kSampleKey, sample);
      }
      AppendLengthDelimited(encoded_, kTimeSeriesKey, series_bytes);
    }
    Send((last - first) * rows, times_.front(), times_.back());
  }
  values_.clear();
  times_.clear();
}

void RemoteWriteSink::Send(uint64_t samples, int64_t first_ms, int64_t last_ms) {
  snappy::Compress(encoded_.data(), encoded_.size(), &compressed_);
  auto delay = config_.min_backoff;
  for (int attempt = 0;; ++attempt) {
    std::string error;
    const PushOutcome outcome = client_->Push(compressed_, error);
    while (!error.empty() && (error.back() == '\n' || error.back() == '\r' || error.back() == ' '))
      error.pop_back();
    if (outcome == PushOutcome::kSent) {
      samples_sent_ += samples;
      ++requests_sent_;
      return;
    }
    const std::string what = "remote write to " + config_.url + " failed for the samples from " +
                             TimeText(first_ms) + " to " + TimeText(last_ms) + " (" +
                             std::to_string(samples_sent_) + " samples sent before): " + error;
    if (outcome == PushOutcome::kRejected) {
      const bool too_old = error.find("out of bounds") != std::string::npos ||
                           error.find("out of order") != std::string::npos ||
                           error.find("too old") != std::string::npos;
      throw std::runtime_error(
          what + (too_old
                      ? "; the receiver keeps samples older than about an hour before its newest sample "
                        "only with an out-of-order window (Prometheus: storage.tsdb.out_of_order_time_window)"
                      : ""));
    }
    if (attempt >= config_.max_retries) {
      throw std::runtime_error(what + " (after " + std::to_string(attempt + 1) + " attempts)");
    }
    std::this_thread::sleep_for(delay);  // backoff between retries, as the daemon's worker does
    delay = std::min(delay * 2, config_.max_backoff);
  }
}

}  // namespace promsynth
