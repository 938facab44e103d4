#include "signal/observation_source.h"

#include <algorithm>

namespace promsynth {

ObservationSource::ObservationSource(std::unique_ptr<Generator> value, std::unique_ptr<Generator> per_tick,
                                     uint32_t max_per_tick, size_t series_count)
    : value_(std::move(value)),
      per_tick_(std::move(per_tick)),
      max_per_tick_(max_per_tick),
      counts_(series_count, 0),
      observed_(series_count, 0.0),
      keys_(series_count, 0) {}

uint32_t ObservationSource::DrawCounts(const TickContext& context, std::span<const StreamKey> keys) noexcept {
  const size_t n = keys.size();
  std::span<double> wanted(observed_.data(), n);
  per_tick_->Fill(context, keys, wanted);
  const double cap = static_cast<double>(max_per_tick_);
  uint32_t most = 0;
  for (size_t i = 0; i < n; ++i) {
    const double x = wanted[i];
    uint32_t count = 0;
    // `x > 0` is false for NaN and the stale marker: no observations.
    if (x > 0) {
      const double whole = std::floor(std::min(x, cap));
      double rounded = whole;
      if (whole < cap && x - whole > 0) {
        TickRandom random(keys[i], context.tick, kCountSalt);
        if (random.Uniform01() < x - whole) rounded += 1;
      }
      count = static_cast<uint32_t>(rounded);
    }
    counts_[i] = count;
    most = std::max(most, count);
  }
  return most;
}

}  // namespace promsynth
