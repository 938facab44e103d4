#include "http/rate_limiter.h"

#include <gtest/gtest.h>

namespace promsynth {
namespace {

using std::chrono::milliseconds;

TEST(RateLimiterTest, BurstThenOneRequestPerInterval) {
  RateLimiter limiter(milliseconds(1000), 2);
  const auto t0 = RateLimiter::Clock::now();
  EXPECT_TRUE(limiter.Allow(t0));
  EXPECT_TRUE(limiter.Allow(t0));
  EXPECT_FALSE(limiter.Allow(t0));                      // burst used up
  EXPECT_FALSE(limiter.Allow(t0 + milliseconds(999)));  // not yet a whole token back
  EXPECT_TRUE(limiter.Allow(t0 + milliseconds(1000)));  // one came back
  EXPECT_FALSE(limiter.Allow(t0 + milliseconds(1000)));
  EXPECT_TRUE(limiter.Allow(t0 + milliseconds(10000)));  // saved up to the burst, not beyond
  EXPECT_TRUE(limiter.Allow(t0 + milliseconds(10000)));
  EXPECT_FALSE(limiter.Allow(t0 + milliseconds(10000)));
}

}  // namespace
}  // namespace promsynth
