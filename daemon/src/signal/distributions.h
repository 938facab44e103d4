#pragma once

#include <cmath>
#include <optional>
#include <string_view>
#include <vector>

#include "signal/generator_kind.h"
#include "signal/random_stream.h"

namespace promsynth {

/// The probability distributions of the distribution kinds and of the `noise` stage, with numpy's
/// parameter names (`numpy.random.Generator` methods of the same name).
enum class DistributionKind {
  kUniform,      ///< `uniform(low, high)`: a = low, b = high
  kNormal,       ///< `normal(loc, scale)`: a = loc, b = scale
  kLognormal,    ///< `lognormal(mean, sigma)`, the underlying normal's parameters: a = mean, b = sigma
  kExponential,  ///< `exponential(scale)`, scale = 1/λ: b = scale
  kLogistic,     ///< `logistic(loc, scale)`: a = loc, b = scale
  kLaplace,      ///< `laplace(loc, scale)`: a = loc, b = scale
};

/// One distribution with its parameters. Draws come from a `TickRandom` (inverse CDF, or
/// Box–Muller for the normal ones), so they are deterministic per (series, tick, salt).
struct Distribution {
  DistributionKind kind = DistributionKind::kNormal;
  double a = 0;
  double b = 1;

  /// One draw.
  double Sample(TickRandom& random) const {
    switch (kind) {
      case DistributionKind::kUniform:
        return a + (b - a) * random.Uniform01();
      case DistributionKind::kNormal:
        return a + b * random.Normal();
      case DistributionKind::kLognormal:
        return std::exp(a + b * random.Normal());
      case DistributionKind::kExponential:
        return -b * std::log(random.UniformOpen01());
      case DistributionKind::kLogistic: {
        const double u = random.UniformOpenOpen01();
        return a + b * std::log(u / (1.0 - u));
      }
      case DistributionKind::kLaplace: {
        const double u = random.UniformOpenOpen01() - 0.5;
        return u < 0 ? a + b * std::log(1.0 + 2.0 * u) : a - b * std::log(1.0 - 2.0 * u);
      }
    }
    return 0;
  }

  double Mean() const;
  double Variance() const;
  /// The cumulative distribution function P(X ≤ x).
  double Cdf(double x) const;
};

/// The distribution named `name` (gaussian, normal, uniform, lognormal, exponential, logistic,
/// laplace) from resolved parameters with numpy's names; nullopt for another name.
std::optional<Distribution> DistributionFromParams(std::string_view name, const ResolvedParams& params);

/// The parameter names (numpy's) that the distribution `name` takes; empty for an unknown name.
std::vector<std::string_view> DistributionParamNames(std::string_view name);

/// The distribution names, for the `noise` stage's `distribution`.
const std::vector<std::string_view>& DistributionNames();

/// Independent draws from one distribution per series and tick.
class DistributionGenerator final : public Generator {
 public:
  explicit DistributionGenerator(const Distribution& distribution) : distribution_(distribution) {}
  void Fill(const TickContext& context, std::span<const StreamKey> keys,
            std::span<double> out) noexcept override;
  bool Stateless() const noexcept override { return true; }

 private:
  Distribution distribution_;
};

/// The kinds `lognormal` (mean 0, sigma 1), `exponential` (scale 1), `logistic` (loc 0, scale 1)
/// and `laplace` (loc 0, scale 1); scales and sigma must be at least 0.
std::vector<GeneratorKind> DistributionGeneratorKinds();

}  // namespace promsynth
