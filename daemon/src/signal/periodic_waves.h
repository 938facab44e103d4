#pragma once

#include <cstdint>
#include <vector>

#include "signal/generator_kind.h"

namespace promsynth {

/// The shapes of the periodic waves besides `sine`, over the position p ∈ [0, 1) in the cycle.
enum class WaveShape {
  kSquare,    ///< +1 for p < 1/2, −1 from p = 1/2: the sign of sine(2πp), +1 at p = 0
  kSawtooth,  ///< 2p − 1: rises from −1 at p = 0 towards +1 and drops back at the cycle's end
  kTriangle,  ///< 0 at p = 0, +1 at 1/4, 0 at 1/2, −1 at 3/4: sine's peaks, joined by straight lines
};

/// `square`, `sawtooth`, `triangle`: `offset + amplitude · shape(p)` with p the position of
/// `t + phase` in the cycle and t the tick's time since the epoch, reduced modulo the period in
/// integer milliseconds (as `sine`), so every replica shows the same wave at the same moment.
class PeriodicWaveGenerator final : public Generator {
 public:
  PeriodicWaveGenerator(WaveShape shape, double amplitude, int64_t period_ms, int64_t phase_ms, double offset)
      : shape_(shape), amplitude_(amplitude), period_ms_(period_ms), phase_ms_(phase_ms), offset_(offset) {}
  void Fill(const TickContext& context, std::span<const StreamKey> keys,
            std::span<double> out) noexcept override;
  bool Stateless() const noexcept override { return true; }

  /// The wave's value at `time_ms` milliseconds since the epoch.
  double ValueAt(int64_t time_ms) const;

 private:
  WaveShape shape_;
  double amplitude_;
  int64_t period_ms_;
  int64_t phase_ms_;
  double offset_;
};

/// The kinds `square`, `sawtooth` and `triangle`, with sine's parameters: `amplitude` (1),
/// `period` (60s, at least 1ms), `phase` (0s), `offset` (0).
std::vector<GeneratorKind> PeriodicWaveKinds();

}  // namespace promsynth
