#pragma once

#include <cstdint>

#include "signal/generator_kind.h"

namespace promsynth {

/// `ramp`: `offset + slope · t`, with t the seconds from the fixed time `start` to the tick's time
/// (computed in integer milliseconds, then divided by 1000). Before `start` it holds `offset`.
/// Because `start` is an absolute time, a restart continues the same line.
class RampGenerator final : public Generator {
 public:
  RampGenerator(int64_t start_ms, double offset, double slope)
      : start_ms_(start_ms), offset_(offset), slope_(slope) {}
  void Fill(const TickContext& context, std::span<const StreamKey> keys,
            std::span<double> out) noexcept override;
  bool Stateless() const noexcept override { return true; }

  /// The value at `time_ms` milliseconds since the epoch.
  double ValueAt(int64_t time_ms) const;

 private:
  int64_t start_ms_;
  double offset_;
  double slope_;
};

/// The `ramp` kind: `start` (required: RFC 3339 or unix seconds), `offset` (0, the value at
/// `start`), `slope` (1, per second).
GeneratorKind RampGeneratorKind();

}  // namespace promsynth
