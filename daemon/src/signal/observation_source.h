#pragma once

#include <cmath>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "signal/generator.h"
#include "signal/stale_marker.h"

namespace promsynth {

/// The observations a histogram or summary series makes at one tick.
///
/// Series i makes n_i observations at tick k: n_i is the `per_tick` generator's value x rounded
/// at random to ⌊x⌋ or ⌈x⌉ (⌈x⌉ with probability x − ⌊x⌋, so the mean is x), capped at
/// `max_per_tick`; a negative, NaN or missing x gives none. Observation j of series i is the
/// `value` generator's value for the stream key CombineKey(keys[i], j + 1): independent draws,
/// each a pure function of (series, tick, j). A stateless value generator therefore gives the
/// same observations on every replica; a stateful one (random_walk) is stepped once per j.
///
/// Scratch arrays are allocated at construction; `Draw` allocates nothing.
/// Called only from the io thread.
class ObservationSource {
 public:
  ObservationSource(std::unique_ptr<Generator> value, std::unique_ptr<Generator> per_tick,
                    uint32_t max_per_tick, size_t series_count);

  /// Calls `sink(i, x)` for every observation x of every series i at `context.tick`: all first
  /// observations, then all second ones, and so on. A stale-marker observation is skipped.
  template <typename Sink>
  void Draw(const TickContext& context, std::span<const StreamKey> keys, Sink&& sink) noexcept {
    const size_t n = keys.size();
    const uint32_t most = DrawCounts(context, keys);
    std::span<double> observed(observed_.data(), n);
    std::span<StreamKey> observation_keys(keys_.data(), n);
    for (uint32_t j = 0; j < most; ++j) {
      for (size_t i = 0; i < n; ++i) observation_keys[i] = CombineKey(keys[i], j + 1);
      value_->Fill(context, observation_keys, observed);
      for (size_t i = 0; i < n; ++i) {
        if (counts_[i] > j && !IsStaleMarker(observed[i])) sink(i, observed[i]);
      }
    }
  }

  /// Series i's observation count at the last `Draw` (for tests).
  uint32_t LastCount(size_t i) const { return counts_[i]; }

  /// The salt of the random rounding of the per-tick count.
  static constexpr uint64_t kCountSalt = 0x6f62736e00000001ULL;

 private:
  /// Fills counts_ for `context.tick`; returns the largest.
  uint32_t DrawCounts(const TickContext& context, std::span<const StreamKey> keys) noexcept;

  std::unique_ptr<Generator> value_;
  std::unique_ptr<Generator> per_tick_;
  uint32_t max_per_tick_;
  std::vector<uint32_t> counts_;
  std::vector<double> observed_;  // the per-tick counts first, then observation j of every series
  std::vector<StreamKey> keys_;
};

}  // namespace promsynth
