#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>

#include "faults/fault_settings.h"

namespace promsynth {

/// What one scrape of the telemetry path must do wrong.
struct ScrapeFault {
  Millis delay{0};        ///< wait this long before answering
  bool fail = false;      ///< answer 500 instead of the metrics
  bool truncate = false;  ///< send about half the body, then close the connection
};

/// The faults in force: the config's baseline, overlaid by control requests that may expire.
///
/// Which scrapes fail or are cut short follows from the scrape's sequence number and the seed
/// (a counter-based hash), so with the same config and the same scrapes a run misbehaves the
/// same way. Thread-safe: scrapes ask from HTTP threads, the io thread asks about pause and churn.
class FaultInjector {
 public:
  /// The settings from the config (`faults:`) and its seed; control overlays stay in force.
  void SetBaseline(const FaultSettings& settings, uint64_t seed);
  /// Applies a control request at `now_ms` (ms since the epoch).
  void Apply(const FaultRequest& request, int64_t now_ms);
  /// Ends every control overlay, pause and down window: back to the config's baseline.
  void Clear();
  /// Stops ticking until Resume (`POST /api/v1/pause`).
  void Pause();
  /// Ends a pause, timed or not.
  void Resume();

  /// Decides the next scrape's fault.
  ScrapeFault NextScrape(int64_t now_ms);

  /// The settings in force at `now_ms`.
  FaultSettings Effective(int64_t now_ms) const;
  /// Whether the engine must not tick at `now_ms`.
  bool Paused(int64_t now_ms) const;
  /// The churn generation at `now_ms` (the period number since the epoch), or -1 without churn.
  int64_t ChurnGeneration(int64_t now_ms) const;
  /// The end of the current "target down" window, or 0.
  int64_t DownUntil(int64_t now_ms) const;

  /// `GET /api/v1/state`'s fault part: `{"settings": {...}, "paused": bool, "paused_until": ms|null,
  /// "down_until": ms|null, "overlay_until": ms|null, "scrapes": n, "failed": n, "truncated": n}`.
  std::string StateJson(int64_t now_ms) const;

 private:
  FaultSettings EffectiveLocked(int64_t now_ms) const;

  uint64_t seed_ = 0;
  mutable std::mutex mutex_;
  FaultSettings baseline_;
  FaultSettings overlay_;
  bool has_overlay_ = false;
  int64_t overlay_until_ = 0;  ///< 0: until cleared
  int64_t paused_until_ = 0;
  int64_t down_until_ = 0;
  uint64_t scrapes_ = 0;
  uint64_t failed_ = 0;
  uint64_t truncated_ = 0;
};

}  // namespace promsynth
