#pragma once

#include <cstdint>

#include "signal/generator_kind.h"

namespace promsynth {

/// `pulse`: `on_value` for the first `on` of every cycle of length `on + off`, `off_value` for the
/// rest. Cycles are aligned to the epoch (shifted by `phase`): the position of `t + phase` in the
/// cycle, in integer milliseconds, decides.
class PulseGenerator final : public Generator {
 public:
  PulseGenerator(int64_t on_ms, int64_t off_ms, int64_t phase_ms, double on_value, double off_value)
      : on_ms_(on_ms),
        cycle_ms_(on_ms + off_ms),
        phase_ms_(phase_ms),
        on_value_(on_value),
        off_value_(off_value) {}
  void Fill(const TickContext& context, std::span<const StreamKey> keys,
            std::span<double> out) noexcept override;
  bool Stateless() const noexcept override { return true; }

  /// The value at `time_ms` milliseconds since the epoch.
  double ValueAt(int64_t time_ms) const;

 private:
  int64_t on_ms_;
  int64_t cycle_ms_;
  int64_t phase_ms_;
  double on_value_;
  double off_value_;
};

/// The `pulse` kind: `on` (duration, 10s), `off` (duration, 50s; `on + off` at least 1ms),
/// `on_value` (1), `off_value` (0), `phase` (0s).
GeneratorKind PulseGeneratorKind();

}  // namespace promsynth
