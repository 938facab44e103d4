#include "http/http_limits.h"

#include <string>
#include <utility>

namespace promsynth {

std::string_view HttpLimitName(HttpLimit limit) {
  switch (limit) {
    case HttpLimit::kRequestBytes:
      return "request_bytes";
    case HttpLimit::kHeaderBytes:
      return "header_bytes";
    case HttpLimit::kRequestTimeout:
      return "request_timeout";
    case HttpLimit::kConnections:
      return "connections";
    case HttpLimit::kRate:
      return "rate";
    case HttpLimit::kIdleConnection:
      return "idle_connection";
  }
  return "unknown";
}

void LimitReporter::Hit(HttpLimit limit, std::string_view message, LogField first, LogField second) {
  if (counter_) counter_(limit);
  size_t suppressed = 0;
  {
    std::lock_guard lock(mutex_);
    LogState& state = states_[static_cast<size_t>(limit)];
    const auto now = std::chrono::steady_clock::now();
    if (state.last_logged != std::chrono::steady_clock::time_point{} &&
        now - state.last_logged < std::chrono::seconds(1)) {
      ++state.suppressed;
      return;
    }
    state.last_logged = now;
    suppressed = std::exchange(state.suppressed, 0);
  }
  const std::string name(HttpLimitName(limit));
  if (suppressed == 0) {
    Log().Warn(message, {{"limit", name}, std::move(first), std::move(second)});
  } else {
    Log().Warn(message, {{"limit", name},
                         std::move(first),
                         std::move(second),
                         {"hits_not_logged", std::to_string(suppressed)}});
  }
}

}  // namespace promsynth
