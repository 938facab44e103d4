#include "engine/summary_kernel.h"

#include <algorithm>

namespace promsynth {

void SummaryKernel::Step(const TickContext& context, std::span<const StreamKey> keys,
                         std::span<double> values, std::span<double> /*scratch*/, bool last) noexcept {
  const size_t count_index = quantiles_.size();
  const size_t stride = count_index + 2;
  const size_t series = keys.size();
  window_.BeginTick(context.tick);
  if (resets_.ResetsAt(context.tick, context.tick_ms)) {
    for (size_t i = 0; i < series; ++i) window_.Clear(i);
    std::fill(values.begin(), values.end(), 0.0);
  } else {
    source_.Draw(context, keys, [&](size_t i, double x) {
      double* own = values.data() + i * stride;
      own[count_index] += 1;
      own[count_index + 1] += x;
      window_.Add(i, x);
    });
  }
  if (!last) return;
  for (size_t i = 0; i < series; ++i) {
    window_.Quantiles(i, context.tick, quantiles_, values.subspan(i * stride, count_index));
  }
}

void SummaryKernel::AdoptState(const FamilyKernel& other) {
  if (const auto* same = dynamic_cast<const SummaryKernel*>(&other)) window_.CopyFrom(same->window_);
}

}  // namespace promsynth
