#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string_view>

#include "util/logger.h"

namespace promsynth {

/// The HTTP server's limits. Each bounds what one client can take from the others: the defaults
/// let a scrape through while slow or stuck clients hold connections.
struct HttpLimits {
  size_t max_request_bytes = 16ULL << 20;  ///< request body of a route without its own limit
  size_t max_header_bytes = 64ULL << 10;   ///< request line and headers together
  int request_timeout_ms =
      10000;  ///< headers complete, each body read/response write, TLS handshake, idle keep-alive
  /// While every worker is busy, connections that had nothing sent to them this long (waiting
  /// for a request, or not reading their response) are closed to free their workers; 0 = never.
  int busy_idle_timeout_ms = 1000;
};

/// A limit that a request or connection ran into.
enum class HttpLimit {
  kRequestBytes,    ///< body above the route's limit: 413
  kHeaderBytes,     ///< request line and headers above max_header_bytes: civetweb 1.15 answers 400
  kRequestTimeout,  ///< headers or body not complete within the request timeout
  kConnections,     ///< every worker busy: further connections wait
  kRate,            ///< the web config's rate_limit: 429
  kIdleConnection,  ///< every worker busy: a connection idle past busy_idle_timeout_ms was closed
};

/// The `limit` label value of promsynth_http_limit_hits_total (`request_bytes`, …).
std::string_view HttpLimitName(HttpLimit limit);

/// Counts every limit hit (through the callback) and logs it as a warning; while one limit is hit
/// over and over, at most one line per second per limit is written, carrying the number of hits
/// not logged since. Thread-safe.
class LimitReporter {
 public:
  using Counter = std::function<void(HttpLimit)>;

  explicit LimitReporter(Counter counter) : counter_(std::move(counter)) {}

  /// Counts a hit of `limit` and logs `message` with the limit and two details (e.g. the client
  /// address and the path).
  void Hit(HttpLimit limit, std::string_view message, LogField first, LogField second);

 private:
  struct LogState {
    std::chrono::steady_clock::time_point last_logged{};
    size_t suppressed = 0;
  };
  Counter counter_;
  std::mutex mutex_;
  std::array<LogState, 6> states_{};
};

}  // namespace promsynth
