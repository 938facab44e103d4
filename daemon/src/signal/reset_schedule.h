#pragma once

#include <cstdint>
#include <vector>

#include "config/config.h"

namespace promsynth {

/// When a cumulative series (counter, histogram, summary) is reset to 0: the `resets:` of a
/// metric. A pure function of the tick, aligned to the epoch, so replicas reset together and a
/// restart does not move the schedule. Immutable; safe to share.
class ResetSchedule {
 public:
  ResetSchedule() = default;
  explicit ResetSchedule(const ResetConfig& config);

  /// Whether the series restart from 0 at `tick` (of `tick_ms` milliseconds): when a multiple of
  /// `every` falls in ((tick − 1)·tick_ms, tick·tick_ms], when tick is a multiple of
  /// `every_ticks`, or when tick is the first tick at or after one of the `at` times.
  bool ResetsAt(int64_t tick, int64_t tick_ms) const noexcept;

  bool empty() const { return every_ms_ == 0 && every_ticks_ == 0 && at_ms_.empty(); }

 private:
  int64_t every_ms_ = 0;
  int64_t every_ticks_ = 0;
  std::vector<int64_t> at_ms_;  ///< sorted
};

}  // namespace promsynth
