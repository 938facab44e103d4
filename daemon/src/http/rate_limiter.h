#pragma once

#include <chrono>
#include <mutex>

namespace promsynth {

/// A token bucket over all requests (exporter-toolkit's `rate_limit`): one token comes back
/// every `interval`, at most `burst` are saved up. Thread-safe.
class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  RateLimiter(std::chrono::milliseconds interval, int burst);

  /// Whether a request may pass now (and takes its token).
  bool Allow(Clock::time_point now = Clock::now());

 private:
  std::chrono::milliseconds interval_;
  double burst_;
  std::mutex mutex_;
  double tokens_;
  Clock::time_point last_;
};

}  // namespace promsynth
