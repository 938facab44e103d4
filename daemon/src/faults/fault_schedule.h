#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "config/fault_config.h"

namespace promsynth {

/// When the config's scheduled faults (`faults.scheduled`) are due. A fault with `at` fires that
/// long after the load, then every `every`; with `every` alone first after one period. Times are
/// ms since the epoch. Not thread-safe (the daemon's io thread owns it).
class FaultSchedule {
 public:
  FaultSchedule() = default;
  /// The schedule of `faults`, counted from `loaded_ms`.
  FaultSchedule(const std::vector<ScheduledFault>& faults, int64_t loaded_ms);

  /// The requests due at or before `now_ms` that have not fired yet, in config order; each
  /// fires once per due time, and due times missed meanwhile (a stalled host) fire once.
  std::vector<FaultRequest> TakeDue(int64_t now_ms);
  /// The next due time of any fault, or nothing when none will fire again.
  std::optional<int64_t> NextDue() const;

 private:
  struct Entry {
    FaultRequest request;
    int64_t next_ms = 0;
    int64_t period_ms = 0;  ///< 0: once
    bool done = false;
  };
  std::vector<Entry> entries_;
};

}  // namespace promsynth
