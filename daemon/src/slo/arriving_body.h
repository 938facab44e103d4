#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string_view>

namespace promsynth::slo {

/// A request body that is still arriving, shared between the thread that reads it from the
/// connection and a thread that parses it meanwhile. The bytes live in one buffer that does not
/// move and only grows; the parser waits for the bytes it needs. Thread-safe.
class ArrivingBody {
 public:
  /// Reader: the buffer now holds `so_far` (the same start each time, never shorter).
  void Arrived(std::string_view so_far);
  /// Reader: no more bytes will come; the body is what has arrived.
  void Finish();

  /// Parser: waits until more than `have` bytes have arrived, or no more will, and returns what
  /// has arrived then. Wakes only for a step of kWakeStep bytes or the end, so that the reader
  /// does not wake the parser for every small read.
  std::string_view WaitBeyond(std::size_t have);

  static constexpr std::size_t kWakeStep = std::size_t{64} << 10;

 private:
  std::mutex mutex_;
  std::condition_variable grown_;
  std::string_view so_far_;
  std::size_t wanted_ = 0;  // the size a waiting parser wakes at; 0 while none waits
  bool finished_ = false;
};

}  // namespace promsynth::slo
