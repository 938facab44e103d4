#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "signal/generator.h"

namespace promsynth {

/// The pipeline's "scenario override" stage (after clamp, before counter accumulation), which the
/// engine calls for every family it steps. Implemented outside the engine (scenario groups), so
/// the engine knows nothing of scenarios. Called on the io thread only; must not throw or allocate.
class SeriesOverride {
 public:
  virtual ~SeriesOverride() = default;

  /// Called at the start of every Engine::Step and AdvanceOnScrape with the wall-clock time:
  /// advances whatever timeline the override follows.
  virtual void BeginStep(int64_t now_ms) noexcept = 0;

  /// Overrides the values family `family` just produced at `context.tick`: `values` are a gauge's
  /// values or a counter's increments; `totals` are a counter's running totals before this tick's
  /// increments are added (empty for a gauge).
  virtual void Apply(size_t family, const TickContext& context, std::span<double> values,
                     std::span<double> totals) noexcept = 0;
};

}  // namespace promsynth
