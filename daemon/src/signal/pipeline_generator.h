#pragma once

#include <memory>
#include <vector>

#include "signal/generator.h"
#include "signal/stage.h"

namespace promsynth {

/// A baseline generator followed by its stages, applied in order.
class PipelineGenerator final : public Generator {
 public:
  PipelineGenerator(std::unique_ptr<Generator> baseline, std::vector<std::unique_ptr<Stage>> stages)
      : baseline_(std::move(baseline)), stages_(std::move(stages)) {}
  void Fill(const TickContext& context, std::span<const StreamKey> keys,
            std::span<double> out) noexcept override;
  uint64_t failures() const noexcept override { return baseline_->failures(); }
  /// Stateless when the baseline and every stage are.
  bool Stateless() const noexcept override;

 private:
  std::unique_ptr<Generator> baseline_;
  std::vector<std::unique_ptr<Stage>> stages_;
};

}  // namespace promsynth
