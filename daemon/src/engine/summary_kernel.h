#pragma once

#include <vector>

#include "engine/family_kernel.h"
#include "signal/observation_source.h"
#include "signal/reset_schedule.h"
#include "signal/window_quantiles.h"

namespace promsynth {

/// A summary: quantiles over a sliding window of observations, with a count and sum since the
/// start (as client_golang's summary: the window bounds only the quantiles).
///
/// A series' values are [q₀, …, q_{Q−1}, count, sum]; the quantiles are exact nearest-rank
/// values over the observations of the last `window_ticks` ticks (WindowQuantiles), NaN when
/// the window is empty. At a scheduled reset count and sum are 0 and the window is emptied.
class SummaryKernel final : public FamilyKernel {
 public:
  SummaryKernel(ObservationSource source, std::vector<double> quantiles, WindowQuantiles window,
                ResetSchedule resets)
      : source_(std::move(source)),
        quantiles_(std::move(quantiles)),
        window_(std::move(window)),
        resets_(std::move(resets)) {}
  void Step(const TickContext& context, std::span<const StreamKey> keys, std::span<double> values,
            std::span<double> scratch, bool last) noexcept override;
  void AdoptState(const FamilyKernel& other) override;

 private:
  ObservationSource source_;
  std::vector<double> quantiles_;
  WindowQuantiles window_;
  ResetSchedule resets_;
};

}  // namespace promsynth
