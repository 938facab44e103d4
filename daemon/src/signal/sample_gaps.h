#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "config/config.h"
#include "signal/random_stream.h"

namespace promsynth {

/// The gaps and special values of what a family exports (`gaps:`): absent windows, random drops,
/// and NaN / +Inf / −Inf in place of a value. Applied to the published copy of the values, never
/// to the state, so a counter keeps counting underneath a gap.
///
/// Every decision is a pure function of (series stream, tick): replicas drop the same samples,
/// and a snapshot published twice in one tick has the same gaps. Immutable; safe to share.
class SampleGaps {
 public:
  explicit SampleGaps(const GapConfig& config);

  /// Whether the whole family is absent at `time_ms` (inside one of the `absent` windows).
  bool AbsentAt(int64_t time_ms) const noexcept;

  /// What happens to one series at one tick.
  enum class Outcome { kKeep, kDrop, kNan, kPositiveInf, kNegativeInf };
  /// The outcome for the series with stream `key` at `tick` (ignoring the absent windows).
  Outcome OutcomeFor(StreamKey key, int64_t tick) const noexcept;

  /// Applies the gaps at `tick` (time `tick · tick_ms`) to `values`, `stride` values per series,
  /// series i having stream `keys[i]`. An absent or dropped series gets the stale marker in all
  /// its values (the renderer leaves it out); a special value replaces a one-value series' value.
  void Apply(int64_t tick, int64_t tick_ms, std::span<const StreamKey> keys, size_t stride,
             std::span<double> values) const noexcept;

  /// The salt of the gap draws: independent of the generator's and its stages' draws.
  static constexpr uint64_t kSalt = 0x6761707300000001ULL;  // "gaps"

 private:
  double drop_;
  double nan_;  // cumulative thresholds: nan, then +Inf, then −Inf
  double positive_inf_;
  double negative_inf_;
  std::vector<AbsentWindow> absent_;
};

}  // namespace promsynth
