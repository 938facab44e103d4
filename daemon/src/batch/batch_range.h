#pragma once

#include <cstdint>

namespace promsynth {

/// The sample times of a batch run: `samples` times from `start_ms`, `step_ms` apart
/// (milliseconds since the Unix epoch).
struct BatchRange {
  int64_t start_ms = 0;
  int64_t step_ms = 1000;
  int64_t samples = 0;

  /// The time of sample `k`.
  int64_t TimeAt(int64_t k) const { return start_ms + k * step_ms; }
};

}  // namespace promsynth
