#pragma once

#include <vector>

#include "signal/stage.h"

namespace promsynth {

/// What a `ValueStage` does to each value.
enum class ValueOperation {
  kQuantise,  ///< `step_size`: numpy's round(x / step) · step, ties to even; step 0 is no-op
  kRound,     ///< `round`: numpy.round(x, decimals), ties to even
  kClamp,     ///< `clamp`: min(max(x, min), max); NaN stays NaN
};

/// The stateless per-value stages `step_size`, `round` and `clamp`.
class ValueStage final : public Stage {
 public:
  ValueStage(ValueOperation operation, double a, double b) : operation_(operation), a_(a), b_(b) {}
  void Apply(const TickContext& context, std::span<const StreamKey> keys,
             std::span<double> values) noexcept override;
  bool Stateless() const noexcept override { return true; }

  /// The stage applied to one value.
  double Transform(double value) const;

 private:
  ValueOperation operation_;
  double a_;  // step, decimals or min
  double b_;  // max
};

/// The stages `step_size` (`step`, or the shorthand `{step_size: 0.1}`; ≥ 0, 0 = none), `round`
/// (`decimals`, or `{round: 6}`; a whole number from −308 to 308) and `clamp` (`min`, `max`;
/// default ∓∞, `min <= max`).
std::vector<StageKind> ValueStageKinds();

}  // namespace promsynth
