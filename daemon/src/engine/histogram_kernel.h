#pragma once

#include <vector>

#include "engine/family_kernel.h"
#include "signal/observation_source.h"
#include "signal/reset_schedule.h"

namespace promsynth {

/// A classic histogram: each tick adds the series' observations to cumulative bucket counts.
///
/// A series' values are [count(x ≤ b₀), …, count(x ≤ b_{B−1}), count, sum] for the B finite
/// upper bounds b; the `+Inf` bucket is `count`. An observation x falls in every bucket with
/// x ≤ b (as client_golang's): NaN only in `+Inf` (and the sum becomes NaN), −Inf in all,
/// +Inf only in `+Inf`. At a scheduled reset every value of the series is 0 at that tick.
class HistogramKernel final : public FamilyKernel {
 public:
  HistogramKernel(ObservationSource source, std::vector<double> bounds, ResetSchedule resets)
      : source_(std::move(source)), bounds_(std::move(bounds)), resets_(std::move(resets)) {}
  void Step(const TickContext& context, std::span<const StreamKey> keys, std::span<double> values,
            std::span<double> scratch, bool last) noexcept override;

  /// Adds one observation `x` to a series' values (`bounds.size() + 2` of them).
  static void Observe(std::span<const double> bounds, double* series, double x) noexcept;

 private:
  ObservationSource source_;
  std::vector<double> bounds_;
  ResetSchedule resets_;
};

}  // namespace promsynth
