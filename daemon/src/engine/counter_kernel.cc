#include "engine/counter_kernel.h"

#include <algorithm>

namespace promsynth {

void CounterKernel::Step(const TickContext& context, std::span<const StreamKey> keys,
                         std::span<double> values, std::span<double> scratch, bool /*last*/) noexcept {
  if (mode_ == CounterMode::kTotal) {
    generator_->Fill(context, keys, values);
    if (override_) override_->Apply(family_index_, context, values, {});
    // `value < 0` is false for NaN and the stale marker: those are exported as they are.
    for (double& value : values) {
      if (value < 0) value = 0;
    }
    return;
  }
  if (resets_.ResetsAt(context.tick, context.tick_ms)) {
    std::fill(values.begin(), values.end(), 0.0);
    return;
  }
  std::span<double> increments = scratch.first(values.size());
  generator_->Fill(context, keys, increments);
  if (override_) override_->Apply(family_index_, context, increments, values);
  const double factor = mode_ == CounterMode::kRate ? context.TickSeconds() : 1.0;
  for (size_t i = 0; i < values.size(); ++i) {
    // A counter never goes down: negative, NaN and missing increments add nothing.
    const double increment = increments[i];
    if (increment > 0) values[i] += increment * factor;
  }
}

}  // namespace promsynth
