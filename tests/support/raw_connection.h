#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace promsynth::testing {

/// A plain TCP connection to 127.0.0.1:`port` for tests that need to control the bytes of a
/// request and when they go out (a stalled body, an `Expect: 100-continue` exchange).
class RawConnection {
 public:
  explicit RawConnection(int port);
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return connected_; }
  /// Sends all of `bytes`; false when the connection failed.
  bool Send(std::string_view bytes);
  /// What the server sends until `marker` has arrived (empty: until it closes the connection),
  /// the connection ends, or `timeout` passes.
  std::string ReadUntil(std::string_view marker, std::chrono::milliseconds timeout);

 private:
  int fd_ = -1;
  bool connected_ = false;
};

}  // namespace promsynth::testing
