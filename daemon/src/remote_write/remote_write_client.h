#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "config/remote_write_config.h"

namespace promsynth {

/// What one remote write POST came to.
enum class PushOutcome {
  kSent,       ///< 2xx
  kRetryable,  ///< 5xx, 429 or a network error: try again after a backoff
  kRejected,   ///< any other status (4xx): the receiver refuses the data; retrying cannot help
};

/// Sends snappy-compressed WriteRequests to one remote write endpoint over libcurl, with the
/// protocol 1.0 headers and the configured authorization. One connection, reused between
/// requests. Not thread-safe: owned by one worker thread.
class RemoteWriteClient {
 public:
  /// `abort`, when set by another thread, cuts a request short (shutdown and reload).
  RemoteWriteClient(RemoteWriteConfig config, const std::atomic<bool>* abort);
  ~RemoteWriteClient();
  RemoteWriteClient(const RemoteWriteClient&) = delete;
  RemoteWriteClient& operator=(const RemoteWriteClient&) = delete;

  /// POSTs `compressed` (a snappy block of an encoded WriteRequest). `error` describes a
  /// failure (status and the start of the body, or the network error).
  PushOutcome Push(const std::string& compressed, std::string& error) noexcept;

 private:
  struct Curl;
  RemoteWriteConfig config_;
  const std::atomic<bool>* abort_;
  std::unique_ptr<Curl> curl_;
};

}  // namespace promsynth
