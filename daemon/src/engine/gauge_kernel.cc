#include "engine/gauge_kernel.h"

namespace promsynth {

void GaugeKernel::Step(const TickContext& context, std::span<const StreamKey> keys, std::span<double> values,
                       std::span<double> /*scratch*/, bool /*last*/) noexcept {
  generator_->Fill(context, keys, values);
  if (override_) override_->Apply(family_index_, context, values, {});
}

}  // namespace promsynth
