#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace promsynth {

/// The observations of the last `window_ticks` ticks of every series of a summary family, and
/// exact quantiles over them.
///
/// A fixed-size ring: one slot per tick of the window, each holding up to `per_tick`
/// observations per series, so the memory is series × window_ticks × per_tick doubles, fixed at
/// construction. The quantile is the **nearest rank**: with the n observations of the window
/// sorted, x(1) ≤ … ≤ x(n), the φ-quantile is x(max(1, ⌈φ·n⌉)) — what client_golang's summary
/// (beorn7/perks, `Query`) returns when it keeps every sample; NaN for an empty window.
/// NaN observations are left out of the window. Nothing allocates after construction.
/// Called only from the io thread.
class WindowQuantiles {
 public:
  WindowQuantiles(size_t series_count, int64_t window_ticks, uint32_t per_tick);

  /// Starts `tick`: its slot (tick mod window) is emptied for every series and reused.
  void BeginTick(int64_t tick) noexcept;
  /// Adds an observation of series `series` to the current tick's slot (ignored when full).
  void Add(size_t series, double value) noexcept;
  /// Forgets every observation of `series` (a reset).
  void Clear(size_t series) noexcept;
  /// Writes the `quantiles` (ascending, each in [0, 1]) of series `series` over ticks
  /// (tick − window_ticks, tick] to `out`.
  void Quantiles(size_t series, int64_t tick, std::span<const double> quantiles,
                 std::span<double> out) noexcept;
  /// Copies every observation from `other`, which must have the same shape (a reload).
  void CopyFrom(const WindowQuantiles& other);

  int64_t window_ticks() const { return window_ticks_; }
  uint32_t per_tick() const { return per_tick_; }

 private:
  size_t Slot(int64_t tick) const {
    return static_cast<size_t>(((tick % window_ticks_) + window_ticks_) % window_ticks_);
  }

  size_t series_count_;
  int64_t window_ticks_;
  uint32_t per_tick_;
  size_t current_slot_ = 0;
  std::vector<int64_t> slot_tick_;  ///< the tick each slot holds; INT64_MIN for none
  std::vector<uint32_t> counts_;    ///< [series][slot]
  std::vector<double> values_;      ///< [series][slot][0, per_tick)
  std::vector<double> scratch_;     ///< one series' window, for selection
};

/// The nearest-rank φ-quantile of `sorted` (ascending, not empty): sorted[max(1, ⌈φ·n⌉) − 1].
double NearestRankQuantile(std::span<const double> sorted, double phi);

}  // namespace promsynth
