#pragma once

#include <chrono>

namespace promsynth::testing {

/// A TCP connection to 127.0.0.1:`port` that gets stuck.
class StuckClient {
 public:
  enum class Kind {
    kPartialRequest,  ///< sends the start of a request, then nothing
    kSilent,          ///< sends nothing at all (a client stuck before its TLS handshake)
    kNotReading,      ///< sends `GET /metrics` whole, then never reads the answer (tiny receive buffer)
  };
  explicit StuckClient(int port, Kind kind = Kind::kPartialRequest);
  ~StuckClient();
  StuckClient(const StuckClient&) = delete;
  StuckClient& operator=(const StuckClient&) = delete;

  /// Whether it connected (and sent its partial request).
  bool connected() const { return connected_; }
  /// Whether the server closed the connection within `wait` (end of file or reset, after an
  /// error page or not).
  bool ClosedByServer(std::chrono::milliseconds wait) const;

 private:
  int fd_ = -1;
  bool connected_ = false;
};

}  // namespace promsynth::testing
