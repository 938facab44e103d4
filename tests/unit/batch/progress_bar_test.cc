#include "batch/progress_bar.h"

#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

namespace promsynth {
namespace {

/// Everything written to a pipe by `body(write_end)`.
template <typename Body>
std::string Captured(Body body) {
  int fds[2];
  EXPECT_EQ(::pipe(fds), 0);
  ::fcntl(fds[0], F_SETFL, O_NONBLOCK);
  body(fds[1]);
  ::close(fds[1]);
  std::string text;
  char buffer[4096];
  ssize_t n = 0;
  while ((n = ::read(fds[0], buffer, sizeof buffer)) > 0) text.append(buffer, static_cast<size_t>(n));
  ::close(fds[0]);
  return text;
}

TEST(ProgressBarTest, ADisabledBarWritesNothing) {
  const std::string text = Captured([](int fd) {
    ProgressBar bar(1000, fd, false, "gen");
    for (int i = 1; i <= 1000; ++i) bar.Update(i);
    bar.Finish();
  });
  EXPECT_EQ(text, "");
}

TEST(ProgressBarTest, AnEnabledBarRedrawsInPlaceAndEndsAtOneHundredPercent) {
  const std::string text = Captured([](int fd) {
    ProgressBar bar(200, fd, true, "gen");
    for (int i = 1; i <= 200; ++i) bar.Update(i);
    bar.Finish();
    bar.Finish();  // once only
  });
  EXPECT_THAT(text, ::testing::StartsWith("\rgen [."));
  EXPECT_THAT(text, ::testing::EndsWith("\rgen [##############################] 100%  200/200 samples\n"));
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1);
  // Redraws are limited to whole-percent changes: at most 101 + the final one.
  EXPECT_LE(std::count(text.begin(), text.end(), '\r'), 102);
}

TEST(ProgressBarTest, StderrOfATestRunIsNotATerminalWhenPiped) {
  // ctest pipes the test's output: the bar would stay silent there.
  if (::isatty(STDERR_FILENO) == 0) {
    EXPECT_FALSE(ProgressBar::StderrIsTerminal());
  }
}

}  // namespace
}  // namespace promsynth
