#include "engine/histogram_kernel.h"

#include <algorithm>
#include <cmath>

namespace promsynth {

void HistogramKernel::Observe(std::span<const double> bounds, double* series, double x) noexcept {
  const size_t buckets = bounds.size();
  // The first bound ≥ x; NaN compares false with everything, so it belongs to no finite bucket.
  const size_t first =
      std::isnan(x) ? buckets
                    : static_cast<size_t>(std::lower_bound(bounds.begin(), bounds.end(), x) - bounds.begin());
  for (size_t b = first; b < buckets; ++b) series[b] += 1;
  series[buckets] += 1;
  series[buckets + 1] += x;
}

void HistogramKernel::Step(const TickContext& context, std::span<const StreamKey> keys,
                           std::span<double> values, std::span<double> /*scratch*/, bool /*last*/) noexcept {
  const size_t stride = bounds_.size() + 2;
  if (resets_.ResetsAt(context.tick, context.tick_ms)) {
    std::fill(values.begin(), values.end(), 0.0);
    return;
  }
  source_.Draw(context, keys, [&](size_t i, double x) { Observe(bounds_, values.data() + i * stride, x); });
}

}  // namespace promsynth
