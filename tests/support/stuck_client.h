#pragma once

#include <chrono>

namespace promsynth::testing {

/// A TCP connection to 127.0.0.1:`port` that sends the start of a request and then nothing: a
/// stuck client. With `send_nothing`, it does not even send that (a client stuck before its TLS
/// handshake).
class StuckClient {
 public:
  explicit StuckClient(int port, bool send_nothing = false);
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
