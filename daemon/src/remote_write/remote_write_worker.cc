#include "remote_write/remote_write_worker.h"

#include <snappy.h>

#include <algorithm>

#include "remote_write/sample_enumeration.h"
#include "remote_write/write_request_encoder.h"
#include "util/logger.h"

namespace promsynth {

RemoteWriteWorker::RemoteWriteWorker(RemoteWriteConfig config, RemoteWriteCounts counts)
    : config_(std::move(config)),
      counts_(std::move(counts)),
      client_(config_, &stopping_),
      thread_([this] { Run(); }) {}

RemoteWriteWorker::~RemoteWriteWorker() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void RemoteWriteWorker::Offer(std::shared_ptr<const Snapshot> snapshot) {
  const uint64_t samples = CountSamples(*snapshot);
  uint64_t dropped = 0;
  {
    std::lock_guard lock(mutex_);
    // Oldest first: a load test wants the freshest data when the receiver cannot keep up.
    while (!queue_.empty() && queued_samples_ + samples > config_.capacity) {
      dropped += queue_.front().second;
      queued_samples_ -= queue_.front().second;
      queue_.pop_front();
    }
    if (samples > config_.capacity) {
      dropped += samples;
    } else {
      queue_.emplace_back(std::move(snapshot), samples);
      queued_samples_ += samples;
    }
  }
  if (dropped > 0) counts_(0, 0, dropped);
  wake_.notify_one();
}

void RemoteWriteWorker::Run() {
  for (;;) {
    std::shared_ptr<const Snapshot> next;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      next = std::move(queue_.front().first);
      queued_samples_ -= queue_.front().second;
      queue_.pop_front();
    }
    Send(*next);
  }
}

void RemoteWriteWorker::Send(const Snapshot& snapshot) {
  WriteRequestEncoder encoder;
  EnumerateSamples(snapshot, [&](std::span<const LabelView> labels, double value, int64_t time_ms) {
    if (stopping_) return;
    encoder.AddSeries(labels, value, time_ms);
    if (encoder.series() >= config_.max_samples) {
      SendBatch(encoder.bytes(), encoder.series());
      encoder.Clear();
    }
  });
  if (encoder.series() > 0 && !stopping_) SendBatch(encoder.bytes(), encoder.series());
}

void RemoteWriteWorker::SendBatch(const std::string& encoded, uint64_t samples) {
  snappy::Compress(encoded.data(), encoded.size(), &compressed_);
  auto delay = config_.min_backoff;
  for (int attempt = 0;; ++attempt) {
    std::string error;
    const PushOutcome outcome = client_.Push(compressed_, error);
    if (outcome == PushOutcome::kSent) {
      counts_(samples, 0, 0);
      return;
    }
    if (outcome == PushOutcome::kRejected || attempt >= config_.max_retries || stopping_) {
      counts_(0, samples, 0);
      Log().Warn("remote write failed", {{"url", config_.url},
                                         {"error", error},
                                         {"samples", std::to_string(samples)},
                                         {"attempts", std::to_string(attempt + 1)}});
      return;
    }
    if (!Backoff(delay)) {
      counts_(0, samples, 0);
      return;
    }
    delay = std::min(delay * 2, config_.max_backoff);
  }
}

bool RemoteWriteWorker::Backoff(std::chrono::milliseconds delay) {
  std::unique_lock lock(mutex_);
  return !wake_.wait_for(lock, delay, [this] { return stopping_.load(); });
}

}  // namespace promsynth
