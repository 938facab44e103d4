#pragma once

#include "signal/generator_kind.h"

namespace promsynth {

/// `constant`: every series holds `value`.
class ConstantGenerator final : public Generator {
 public:
  explicit ConstantGenerator(double value) : value_(value) {}
  void Fill(const TickContext& context, std::span<const StreamKey> keys,
            std::span<double> out) noexcept override;
  bool Stateless() const noexcept override { return true; }

 private:
  double value_;
};

/// The `constant` kind: parameter `value` (default 0).
GeneratorKind ConstantGeneratorKind();

}  // namespace promsynth
