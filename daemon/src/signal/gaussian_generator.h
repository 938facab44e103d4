#pragma once

#include <string_view>

#include "signal/generator_kind.h"

namespace promsynth {

/// Parameters of the seed-000 sample: `clamp(N(mu, sigma) + N(0, noise), min, max)`.
struct GaussianParams {
  double mu = 0;
  double sigma = 1;
  double noise = 0;
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
};

/// `gaussian` / `normal`: independent normal draws per series and tick, with the netops
/// generator's second noise draw and its clamp (a value at or below `min` becomes `min`,
/// then one at or above `max` becomes `max`).
class GaussianGenerator final : public Generator {
 public:
  explicit GaussianGenerator(const GaussianParams& params) : params_(params) {}
  void Fill(const TickContext& context, std::span<const StreamKey> keys,
            std::span<double> out) noexcept override;
  bool Stateless() const noexcept override { return true; }

  /// One sample from two standard normal draws (exposed for tests).
  double Sample(double z_signal, double z_noise) const;

 private:
  GaussianParams params_;
};

/// The `gaussian` kind under the name `name` (`gaussian` or `normal`): numpy's `loc`/`scale`
/// or the seed-000 `mu`/`sigma`, plus `noise`, `min` and `max`.
GeneratorKind GaussianGeneratorKind(std::string_view name);

}  // namespace promsynth
