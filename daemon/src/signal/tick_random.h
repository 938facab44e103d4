#pragma once

#include <array>
#include <bit>
#include <cstdint>

#include "signal/random_stream.h"

namespace promsynth {

/// The tables of the ziggurat method (Marsaglia and Tsang, 2000) for the standard normal, with
/// 256 layers of equal area. Layer 0 is the base rectangle plus the tail beyond `kTailStart`;
/// layer i ≥ 1 spans [0, x_i] × [f(x_i), f(x_{i+1})] with f(x) = exp(−x²/2) and x_256 = 0.
/// Built once at static initialisation; read-only afterwards, so safe from any thread.
struct NormalZiggurat {
  static constexpr int kLayers = 256;
  /// Where the tail starts (r of the paper for 256 layers).
  static constexpr double kTailStart = 3.6541528853610088;
  /// The area of every layer, the base's including the tail (v of the paper).
  static constexpr double kLayerArea = 4.92867323399e-3;

  /// A 53-bit uniform integer below accept[i] gives x below x_{i+1}: inside the curve for sure.
  std::array<uint64_t, kLayers> accept{};
  /// x_i / 2^53: the 53-bit uniform integer times this is a point across layer i.
  std::array<double, kLayers> width{};
  /// f(x_i) for i = 1…256 (index 0 unused: layer 0 has no wedge).
  std::array<double, kLayers + 1> height{};

  /// Computes the tables from kTailStart and kLayerArea.
  NormalZiggurat();
};

/// The one table set every TickRandom reads.
extern const NormalZiggurat kNormalZiggurat;

/// The random draws of one series at one tick.
///
/// Counter-based: the state is a pure function of (stream key, tick, salt), so any tick can be
/// computed directly, in any order, on any replica, and a value never depends on what was drawn
/// before. Within one tick the draws form a SplitMix64 sequence. No allocation; not shared
/// between threads (a value type built where it is used).
class TickRandom {
 public:
  /// `salt` separates independent consumers of the same series and tick (e.g. a noise stage).
  constexpr TickRandom(StreamKey key, int64_t tick, uint64_t salt = 0)
      : state_(CombineKey(CombineKey(key, static_cast<uint64_t>(tick)), salt)) {}

  /// 64 uniformly distributed bits.
  constexpr uint64_t NextBits() {
    state_ += 0x9e3779b97f4a7c15ULL;
    return Mix64(state_);
  }

  /// Uniform on [0, 1) with 53 bits of precision.
  double Uniform01() { return static_cast<double>(NextBits() >> 11) * 0x1.0p-53; }

  /// Uniform on (0, 1]: safe to take the logarithm of.
  double UniformOpen01() { return static_cast<double>((NextBits() >> 11) + 1) * 0x1.0p-53; }

  /// Uniform on the open interval (0, 1), the midpoints of a 52-bit grid (from 2^-53 to
  /// 1 − 2^-53, all exact): safe for the logarithm of both u and 1 − u. (With 53 bits the top
  /// midpoint, 2^53 − 0.5, would round up to exactly 1.)
  double UniformOpenOpen01() { return OpenOpen01FromBits(NextBits()); }

  /// The draw of `UniformOpenOpen01` for 64 random bits (exposed for tests of its extremes).
  static constexpr double OpenOpen01FromBits(uint64_t bits) {
    return (static_cast<double>(bits >> 12) + 0.5) * 0x1.0p-52;
  }

  /// One standard normal draw, exact in distribution (ziggurat): one 64-bit draw ~99 % of the
  /// time (8 bits choose the layer, 1 the sign, 53 the point), more in the wedges and the tail.
  double Normal() {
    for (;;) {
      const uint64_t bits = NextBits();
      const size_t layer = bits & 0xffU;
      const uint64_t point = bits >> 11;
      const double x = static_cast<double>(point) * kNormalZiggurat.width[layer];
      const uint64_t sign = (bits & 0x100U) << 55;  // bit 8 becomes the sign bit (63)
      if (point < kNormalZiggurat.accept[layer]) [[likely]] {
        return std::bit_cast<double>(std::bit_cast<uint64_t>(x) | sign);
      }
      double magnitude = 0;
      if (EdgeDraw(layer, x, magnitude))
        return std::bit_cast<double>(std::bit_cast<uint64_t>(magnitude) | sign);
    }
  }

  /// A pair of independent standard normal draws, for consumers that need two.
  void NormalPair(double& first, double& second) {
    first = Normal();
    second = Normal();
  }

 private:
  /// The rare part of the ziggurat: the tail (layer 0) or the wedge test of layer `layer` at
  /// `x`. True with the accepted magnitude; false to start over with fresh bits.
  bool EdgeDraw(size_t layer, double x, double& magnitude);

  uint64_t state_;
};

}  // namespace promsynth
