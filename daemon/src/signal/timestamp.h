#pragma once

#include <cstdint>

#include "config/rfc3339_time.h"  // ParseRfc3339Millis, for the users of this header

namespace promsynth {

/// The first tick at or after `time_ms` for ticks of `tick_ms` (> 0) aligned to the epoch:
/// ceil(time_ms / tick_ms), correct for negative times.
constexpr int64_t FirstTickAtOrAfter(int64_t time_ms, int64_t tick_ms) {
  const int64_t quotient = time_ms / tick_ms;
  return quotient * tick_ms < time_ms ? quotient + 1 : quotient;
}

}  // namespace promsynth
