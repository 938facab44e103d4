#pragma once

#include <memory>

#include "engine/family_kernel.h"

namespace promsynth {

/// A gauge: each tick's value is the generator's value. Skipped ticks are not computed.
class GaugeKernel final : public FamilyKernel {
 public:
  explicit GaugeKernel(std::unique_ptr<Generator> generator) : generator_(std::move(generator)) {}
  uint64_t failures() const noexcept override { return generator_->failures(); }
  void Step(const TickContext& context, std::span<const StreamKey> keys, std::span<double> values,
            std::span<double> scratch, bool last) noexcept override;
  bool CatchesUp() const override { return false; }
  bool Stateless() const override { return generator_->Stateless(); }

 private:
  std::unique_ptr<Generator> generator_;
};

}  // namespace promsynth
