#pragma once

#include <cstdint>

namespace promsynth {

/// a / b rounded towards negative infinity (C++ division truncates towards zero): the tick a
/// time before the epoch falls in, e.g. FloorDiv(-1, 1000) == -1.
constexpr int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t quotient = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --quotient;
  return quotient;
}

}  // namespace promsynth
