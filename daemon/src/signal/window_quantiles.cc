#include "signal/window_quantiles.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace promsynth {
namespace {

constexpr int64_t kNoTick = std::numeric_limits<int64_t>::min();

// The 0-based index of the nearest-rank φ-quantile among n > 0 sorted values.
size_t RankIndex(size_t n, double phi) {
  const double rank = std::ceil(phi * static_cast<double>(n));
  if (!(rank >= 1)) return 0;
  return std::min(n, static_cast<size_t>(rank)) - 1;
}

}  // namespace

double NearestRankQuantile(std::span<const double> sorted, double phi) {
  return sorted[RankIndex(sorted.size(), phi)];
}

WindowQuantiles::WindowQuantiles(size_t series_count, int64_t window_ticks, uint32_t per_tick)
    : series_count_(series_count),
      window_ticks_(window_ticks),
      per_tick_(per_tick),
      slot_tick_(static_cast<size_t>(window_ticks), kNoTick),
      counts_(series_count * static_cast<size_t>(window_ticks), 0),
      values_(series_count * static_cast<size_t>(window_ticks) * per_tick, 0.0),
      scratch_(static_cast<size_t>(window_ticks) * per_tick, 0.0) {}

void WindowQuantiles::BeginTick(int64_t tick) noexcept {
  current_slot_ = Slot(tick);
  slot_tick_[current_slot_] = tick;
  const auto window = static_cast<size_t>(window_ticks_);
  for (size_t s = 0; s < series_count_; ++s) counts_[s * window + current_slot_] = 0;
}

void WindowQuantiles::Add(size_t series, double value) noexcept {
  if (std::isnan(value)) return;
  const auto window = static_cast<size_t>(window_ticks_);
  uint32_t& count = counts_[series * window + current_slot_];
  if (count >= per_tick_) return;
  values_[(series * window + current_slot_) * per_tick_ + count] = value;
  ++count;
}

void WindowQuantiles::Clear(size_t series) noexcept {
  const auto window = static_cast<size_t>(window_ticks_);
  std::fill_n(counts_.begin() + static_cast<std::ptrdiff_t>(series * window), window, 0u);
}

void WindowQuantiles::Quantiles(size_t series, int64_t tick, std::span<const double> quantiles,
                                std::span<double> out) noexcept {
  const auto window = static_cast<size_t>(window_ticks_);
  size_t n = 0;
  for (size_t slot = 0; slot < window; ++slot) {
    // A slot not rewritten for a whole window (ticks skipped) holds observations too old to count.
    if (slot_tick_[slot] <= tick - window_ticks_ || slot_tick_[slot] > tick) continue;
    const uint32_t count = counts_[series * window + slot];
    const double* first = values_.data() + (series * window + slot) * per_tick_;
    std::copy_n(first, count, scratch_.begin() + static_cast<std::ptrdiff_t>(n));
    n += count;
  }
  if (n == 0) {
    std::fill(out.begin(), out.end(), std::numeric_limits<double>::quiet_NaN());
    return;
  }
  // Quantiles ascend, so each selection only needs the part after the previous one's rank.
  auto begin = scratch_.begin();
  const auto end = scratch_.begin() + static_cast<std::ptrdiff_t>(n);
  for (size_t q = 0; q < quantiles.size(); ++q) {
    const auto nth = scratch_.begin() + static_cast<std::ptrdiff_t>(RankIndex(n, quantiles[q]));
    if (nth >= begin) {
      std::nth_element(begin, nth, end);
      begin = nth;
    }
    out[q] = *nth;
  }
}

void WindowQuantiles::CopyFrom(const WindowQuantiles& other) {
  current_slot_ = other.current_slot_;
  slot_tick_ = other.slot_tick_;
  counts_ = other.counts_;
  values_ = other.values_;
}

}  // namespace promsynth
