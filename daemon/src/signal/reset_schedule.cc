#include "signal/reset_schedule.h"

#include <algorithm>

#include "signal/timestamp.h"
#include "util/floor_div.h"

namespace promsynth {
ResetSchedule::ResetSchedule(const ResetConfig& config)
    : every_ms_(config.every.count()), every_ticks_(config.every_ticks), at_ms_(config.at_ms) {
  std::sort(at_ms_.begin(), at_ms_.end());
}

bool ResetSchedule::ResetsAt(int64_t tick, int64_t tick_ms) const noexcept {
  const int64_t time_ms = tick * tick_ms;
  if (every_ms_ > 0 && FloorDiv(time_ms, every_ms_) != FloorDiv(time_ms - tick_ms, every_ms_)) return true;
  if (every_ticks_ > 0 && tick % every_ticks_ == 0) return true;
  // The at-times whose first tick at or after them is `tick` lie in ((tick − 1)·tick_ms, tick·tick_ms].
  auto first = std::upper_bound(at_ms_.begin(), at_ms_.end(), time_ms - tick_ms);
  return first != at_ms_.end() && *first <= time_ms && FirstTickAtOrAfter(*first, tick_ms) == tick;
}

}  // namespace promsynth
