#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "config/remote_write_config.h"
#include "engine/snapshot.h"
#include "remote_write/remote_write_client.h"

namespace promsynth {

/// Sample counts a worker reports as they happen (deltas), e.g. into the self-metrics
/// `promsynth_remote_write_samples_{sent,failed,dropped}_total`. Called from the worker thread
/// (and from Offer's caller for drops), so it must be thread-safe.
using RemoteWriteCounts = std::function<void(uint64_t sent, uint64_t failed, uint64_t dropped)>;

/// Pushes every offered tick snapshot to one remote write endpoint from its own thread.
///
/// The queue holds snapshots (shared, so queuing copies nothing) up to `queue.capacity` samples;
/// offering more drops the oldest queued snapshots (counted as dropped). The worker turns a
/// snapshot into WriteRequests of at most `batch.max_samples` series, snappy-compresses each and
/// POSTs it; 5xx, 429 and network errors are retried up to `queue.max_retries` times with
/// exponential backoff from `min_backoff` to `max_backoff`, other statuses are not (counted as
/// failed). Offer is thread-safe and never blocks on the network; destruction stops the thread,
/// cutting a request or backoff short.
class RemoteWriteWorker {
 public:
  RemoteWriteWorker(RemoteWriteConfig config, RemoteWriteCounts counts);
  ~RemoteWriteWorker();
  RemoteWriteWorker(const RemoteWriteWorker&) = delete;
  RemoteWriteWorker& operator=(const RemoteWriteWorker&) = delete;

  /// Queues a tick's snapshot for sending.
  void Offer(std::shared_ptr<const Snapshot> snapshot);

  const RemoteWriteConfig& config() const { return config_; }

 private:
  void Run();
  void Send(const Snapshot& snapshot);
  /// Sends one encoded batch of `samples` samples, retrying as configured.
  void SendBatch(const std::string& encoded, uint64_t samples);
  /// Waits `delay` unless asked to stop first; false when stopping.
  bool Backoff(std::chrono::milliseconds delay);

  const RemoteWriteConfig config_;
  const RemoteWriteCounts counts_;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::pair<std::shared_ptr<const Snapshot>, uint64_t>> queue_;  ///< snapshot, samples
  uint64_t queued_samples_ = 0;
  RemoteWriteClient client_;  ///< worker thread only
  std::string compressed_;    ///< worker thread only: the snappy block being sent
  std::thread thread_;        ///< last: starts after everything above is ready
};

}  // namespace promsynth
