#include "faults/fault_schedule.h"

#include <algorithm>

namespace promsynth {

FaultSchedule::FaultSchedule(const std::vector<ScheduledFault>& faults, int64_t loaded_ms) {
  for (const ScheduledFault& fault : faults) {
    const int64_t period = fault.every ? fault.every->count() : 0;
    const int64_t first = fault.at ? fault.at->count() : period;
    entries_.push_back({fault.request, loaded_ms + first, period, false});
  }
}

std::vector<FaultRequest> FaultSchedule::TakeDue(int64_t now_ms) {
  std::vector<FaultRequest> due;
  for (Entry& entry : entries_) {
    if (entry.done || entry.next_ms > now_ms) continue;
    due.push_back(entry.request);
    if (entry.period_ms == 0) {
      entry.done = true;
    } else {
      // Skip the occurrences a stall missed: the next one is the first still in the future.
      entry.next_ms += ((now_ms - entry.next_ms) / entry.period_ms + 1) * entry.period_ms;
    }
  }
  return due;
}

std::optional<int64_t> FaultSchedule::NextDue() const {
  std::optional<int64_t> next;
  for (const Entry& entry : entries_) {
    if (!entry.done) next = std::min(next.value_or(entry.next_ms), entry.next_ms);
  }
  return next;
}

}  // namespace promsynth
