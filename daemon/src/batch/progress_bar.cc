#include "batch/progress_bar.h"

#include <unistd.h>

#include <algorithm>

namespace promsynth {

ProgressBar::ProgressBar(int64_t total, int fd, bool enabled, std::string label)
    : total_(std::max<int64_t>(total, 1)), fd_(fd), enabled_(enabled), label_(std::move(label)) {}

bool ProgressBar::StderrIsTerminal() { return ::isatty(STDERR_FILENO) == 1; }

void ProgressBar::Draw(int64_t done, bool force) {
  // Checking the clock on every row would cost more than the row; look again after 1/1000th.
  next_check_ = done + std::max<int64_t>(1, total_ / 1000);
  const int percent = static_cast<int>(std::min<int64_t>(100, done * 100 / total_));
  const auto now = std::chrono::steady_clock::now();
  if (!force && percent == last_percent_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_percent_ = percent;
  last_draw_ = now;
  constexpr int kWidth = 30;
  const auto filled = static_cast<size_t>(std::min<int64_t>(kWidth, done * kWidth / total_));
  line_ = "\r" + label_ + " [";
  line_.append(filled, '#');
  line_.append(kWidth - filled, '.');
  line_ += "] ";
  const std::string percent_text = std::to_string(percent);
  line_.append(3 - std::min<size_t>(3, percent_text.size()), ' ');
  line_ += percent_text + "%  " + std::to_string(done) + "/" + std::to_string(total_) + " samples";
  size_t written = 0;
  while (written < line_.size()) {
    const ssize_t n = ::write(fd_, line_.data() + written, line_.size() - written);
    if (n <= 0) {
      enabled_ = false;  // a broken terminal must not stop the run
      return;
    }
    written += static_cast<size_t>(n);
  }
}

void ProgressBar::Finish() {
  if (!enabled_ || finished_) return;
  finished_ = true;
  Draw(total_, true);
  if (enabled_) (void)!::write(fd_, "\n", 1);
}

}  // namespace promsynth
