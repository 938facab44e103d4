#pragma once

#include <cstdint>
#include <vector>

#include "signal/generator_kind.h"

namespace promsynth {

/// `sine`: `offset + amplitude · sin(2π · (t + phase) / period)`, with t the tick's time since
/// the epoch, so that every replica shows the same wave at the same moment.
class SineGenerator final : public Generator {
 public:
  SineGenerator(double amplitude, int64_t period_ms, int64_t phase_ms, double offset)
      : amplitude_(amplitude), period_ms_(period_ms), phase_ms_(phase_ms), offset_(offset) {}
  void Fill(const TickContext& context, std::span<const StreamKey> keys,
            std::span<double> out) noexcept override;
  bool Stateless() const noexcept override { return true; }

  /// The wave's value at `time_ms` milliseconds since the epoch.
  double ValueAt(int64_t time_ms) const;

 private:
  double amplitude_;
  int64_t period_ms_;
  int64_t phase_ms_;
  double offset_;
};

/// Where `time_ms + phase_ms` falls in a cycle of `period_ms` milliseconds, in [0, period_ms),
/// computed in integers so that epoch-sized times keep their precision. Shared by every wave.
int64_t CyclePosition(int64_t time_ms, int64_t phase_ms, int64_t period_ms);

/// The parameters of every periodic wave: `amplitude` (1), `period` (60s, at least 1ms),
/// `phase` (0s), `offset` (0).
std::vector<ParamSpec> PeriodicWaveParams();

/// The `sine` kind: `amplitude` (1), `period` (60s), `phase` (0s, a shift in time), `offset` (0).
GeneratorKind SineGeneratorKind();

}  // namespace promsynth
