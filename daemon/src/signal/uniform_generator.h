#pragma once

#include "signal/generator_kind.h"

namespace promsynth {

/// `uniform`: an independent draw from U[low, high) per series and tick (numpy's names).
class UniformGenerator final : public Generator {
 public:
  UniformGenerator(double low, double high) : low_(low), width_(high - low) {}
  void Fill(const TickContext& context, std::span<const StreamKey> keys,
            std::span<double> out) noexcept override;
  bool Stateless() const noexcept override { return true; }

 private:
  double low_;
  double width_;
};

/// The `uniform` kind: `low` (default 0) and `high` (default 1), `low <= high`.
GeneratorKind UniformGeneratorKind();

}  // namespace promsynth
