#include "http/rate_limiter.h"

#include <algorithm>

namespace promsynth {

RateLimiter::RateLimiter(std::chrono::milliseconds interval, int burst)
    : interval_(interval), burst_(burst), tokens_(burst), last_(Clock::now()) {}

bool RateLimiter::Allow(Clock::time_point now) {
  std::lock_guard lock(mutex_);
  if (now > last_) {
    const double earned =
        std::chrono::duration<double>(now - last_) / std::chrono::duration<double>(interval_);
    tokens_ = std::min(burst_, tokens_ + earned);
    last_ = now;
  }
  if (tokens_ < 1.0) return false;
  tokens_ -= 1.0;
  return true;
}

}  // namespace promsynth
