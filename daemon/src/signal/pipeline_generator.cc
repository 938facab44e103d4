#include "signal/pipeline_generator.h"

#include <algorithm>

namespace promsynth {

void PipelineGenerator::Fill(const TickContext& context, std::span<const StreamKey> keys,
                             std::span<double> out) noexcept {
  baseline_->Fill(context, keys, out);
  for (const auto& stage : stages_) stage->Apply(context, keys, out);
}

bool PipelineGenerator::Stateless() const noexcept {
  return baseline_->Stateless() &&
         std::all_of(stages_.begin(), stages_.end(), [](const auto& stage) { return stage->Stateless(); });
}

}  // namespace promsynth
