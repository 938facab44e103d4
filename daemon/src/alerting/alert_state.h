#pragma once

#include <cstdint>

#include "util/duration.h"

namespace promsynth {

/// Prometheus' lifecycle of one alert instance (one rule, one series): it turns pending at the
/// first evaluation whose condition holds, fires once the condition has held for `for`
/// (`now − active_since ≥ for`, so `for: 0s` fires at once), and is gone at the first
/// evaluation where the condition fails. Used both for promsynth's own alerts and for the
/// expectations of generated promtool tests, so the two cannot disagree. Not thread-safe.
class AlertState {
 public:
  enum class Phase { kInactive, kPending, kFiring };

  /// One evaluation at `time_ms`; returns the phase after it.
  Phase Evaluate(bool condition, int64_t time_ms, Millis for_duration) {
    if (!condition) {
      phase_ = Phase::kInactive;
      return phase_;
    }
    if (phase_ == Phase::kInactive) {
      phase_ = Phase::kPending;
      active_since_ms_ = time_ms;
    }
    if (phase_ == Phase::kPending && time_ms - active_since_ms_ >= for_duration.count()) {
      phase_ = Phase::kFiring;
      fired_at_ms_ = time_ms;
    }
    return phase_;
  }

  Phase phase() const { return phase_; }
  /// When the condition started to hold (the alert's `startsAt`/`activeAt`).
  int64_t active_since_ms() const { return active_since_ms_; }
  /// When it started firing (what Prometheus sends as `startsAt`).
  int64_t fired_at_ms() const { return fired_at_ms_; }

 private:
  Phase phase_ = Phase::kInactive;
  int64_t active_since_ms_ = 0;
  int64_t fired_at_ms_ = 0;
};

}  // namespace promsynth
