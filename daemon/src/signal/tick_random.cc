#include "signal/tick_random.h"

#include <cmath>

namespace promsynth {
namespace {

double Density(double x) { return std::exp(-0.5 * x * x); }

}  // namespace

NormalZiggurat::NormalZiggurat() {
  // x[0] is the base layer's virtual width (its area over f(r)), x[1] = r, and each next edge
  // gives the layer above the same area; x[256] = 0 closes the top layer.
  std::array<double, kLayers + 1> edge{};
  edge[0] = kLayerArea / Density(kTailStart);
  edge[1] = kTailStart;
  for (int i = 2; i < kLayers; ++i) {
    const auto below = static_cast<size_t>(i - 1);
    edge[static_cast<size_t>(i)] =
        std::sqrt(-2.0 * std::log(kLayerArea / edge[below] + Density(edge[below])));
  }
  edge[kLayers] = 0;
  for (size_t i = 0; i < kLayers; ++i) {
    width[i] = edge[i] * 0x1.0p-53;
    accept[i] = static_cast<uint64_t>(edge[i + 1] / edge[i] * 0x1.0p53);
  }
  for (size_t i = 1; i <= kLayers; ++i) height[i] = Density(edge[i]);
}

const NormalZiggurat kNormalZiggurat;

bool TickRandom::EdgeDraw(size_t layer, double x, double& magnitude) {
  constexpr double r = NormalZiggurat::kTailStart;
  if (layer == 0) {
    // Marsaglia's tail method: exact for the normal beyond r.
    for (;;) {
      const double a = -std::log(UniformOpen01()) / r;
      const double b = -std::log(UniformOpen01());
      if (b + b > a * a) {
        magnitude = r + a;
        return true;
      }
    }
  }
  const double y = kNormalZiggurat.height[layer] +
                   Uniform01() * (kNormalZiggurat.height[layer + 1] - kNormalZiggurat.height[layer]);
  if (y < Density(x)) {
    magnitude = x;
    return true;
  }
  return false;
}

}  // namespace promsynth
