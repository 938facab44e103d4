#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "batch/batch_sink.h"
#include "config/remote_write_config.h"

namespace promsynth {

class RemoteWriteClient;

/// Pushes a batch run's samples (past or future timestamps) to a remote write 1.0 endpoint, for
/// backfilling a Prometheus without promtool. Rows are collected until they hold
/// `config.max_samples` samples, then sent as one WriteRequest with one TimeSeries per series
/// carrying that block's samples in time order; blocks go out oldest first. Labels are what the
/// daemon's remote write sends (`__name__`, the series' labels, the global labels); each sample's
/// time is its row's time (start + k·step), its value the row's (a stale marker is sent as is).
///
/// 5xx, 429 and network errors are retried `config.max_retries` times with backoff from
/// `min_backoff` to `max_backoff`; a refused request (any other status, e.g. 400 "out of bounds"
/// for samples older than the receiver's head block) stops the run: Row/End throw
/// std::runtime_error naming the URL, the status and the time range of the refused block.
/// Used from one thread.
class RemoteWriteSink final : public BatchSink {
 public:
  explicit RemoteWriteSink(RemoteWriteConfig config);
  ~RemoteWriteSink() override;
  RemoteWriteSink(const RemoteWriteSink&) = delete;
  RemoteWriteSink& operator=(const RemoteWriteSink&) = delete;

  void Begin(const SeriesLayout& layout, const BatchRange& range) override;
  void Row(int64_t k, int64_t time_ms, std::span<const double> values) override;
  void End() override;

  /// Samples the receiver accepted so far.
  uint64_t samples_sent() const { return samples_sent_; }
  /// WriteRequests the receiver accepted so far.
  uint64_t requests_sent() const { return requests_sent_; }

 private:
  /// Sends the collected rows (series after series in chunks of at most max_samples samples).
  void Flush();
  /// Compresses and POSTs `encoded_`, retrying as configured; throws when refused or out of tries.
  void Send(uint64_t samples, int64_t first_ms, int64_t last_ms);

  RemoteWriteConfig config_;
  std::unique_ptr<RemoteWriteClient> client_;
  std::vector<std::string> labels_;  ///< per series: its encoded Label fields, ready to copy
  size_t series_ = 0;
  size_t block_rows_ = 1;
  std::vector<double> values_;  ///< collected rows, row after row
  std::vector<int64_t> times_;  ///< their times (ms)
  std::string encoded_;
  std::string compressed_;
  uint64_t samples_sent_ = 0;
  uint64_t requests_sent_ = 0;
};

}  // namespace promsynth
