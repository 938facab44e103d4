#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace promsynth {

/// A one-line progress bar (`label [#####.....]  45%  450000/1000000 samples`) redrawn in place
/// with `\r` on a terminal. A disabled bar writes nothing, so pipes and log files stay clean.
/// Redraws at most every 100 ms and at each whole percent. Not thread-safe.
class ProgressBar {
 public:
  /// A bar for `total` steps written to file descriptor `fd`; `enabled` false makes it silent.
  ProgressBar(int64_t total, int fd, bool enabled, std::string label);

  /// Records that `done` of `total` steps are done. Cheap when nothing needs drawing.
  void Update(int64_t done) {
    if (enabled_ && done >= next_check_) Draw(done, false);
  }
  /// Draws the finished bar and ends its line (once).
  void Finish();

  /// Whether standard error is a terminal (isatty), the condition for showing a bar.
  static bool StderrIsTerminal();

 private:
  void Draw(int64_t done, bool force);

  int64_t total_;
  int fd_;
  bool enabled_;
  bool finished_ = false;
  std::string label_;
  int64_t next_check_ = 0;
  int last_percent_ = -1;
  std::chrono::steady_clock::time_point last_draw_{};
  std::string line_;
};

}  // namespace promsynth
