#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <string>

#include "config/config.h"
#include "engine/series_override.h"
#include "signal/generator.h"
#include "signal/generator_registry.h"

namespace promsynth {

/// Steps the state of one metric family — its slice of the engine's value array — by one tick,
/// according to its type: a gauge's value, a counter's total, a histogram's bucket counts, a
/// summary's window. One object per family, working on contiguous arrays.
///
/// A series of the family owns `values_per_series` consecutive values (see FamilyLayout).
/// Called only from the io thread; `Step` neither throws nor allocates.
class FamilyKernel {
 public:
  virtual ~FamilyKernel() = default;

  /// Advances to `context.tick`. `scratch` holds at least one double per series (shared by
  /// all families, so its contents do not survive the call). `last` is false for the ticks a
  /// cumulative family catches up on before the current one (a summary computes its quantiles
  /// only on the last).
  virtual void Step(const TickContext& context, std::span<const StreamKey> keys, std::span<double> values,
                    std::span<double> scratch, bool last) noexcept = 0;

  /// Whether ticks missed after a stall are stepped through (cumulative types) or skipped.
  virtual bool CatchesUp() const { return true; }

  /// Whether the family's values at a tick depend only on that tick (no running total, window
  /// or generator state): it may then be stepped from any tick on (see Generator::Stateless).
  virtual bool Stateless() const { return false; }

  /// Takes over the state kept outside the value array (a summary's window) from `other`, a
  /// kernel of an identical definition in the engine being replaced by a reload.
  virtual void AdoptState(const FamilyKernel& /*other*/) {}

  /// Failed generator calls so far (a sequence plugin's errors; see Generator::failures).
  virtual uint64_t failures() const noexcept { return 0; }

  /// Routes this family's gauge values or counter increments through `stage` (the pipeline's
  /// scenario override), as family `index`; nullptr removes it.
  void SetOverride(SeriesOverride* stage, size_t index) {
    override_ = stage;
    family_index_ = index;
  }

 protected:
  SeriesOverride* override_ = nullptr;
  size_t family_index_ = 0;
};

/// Builds the kernel of `metric` (already validated) for `series_count` series; `path` names the
/// metric in errors. Throws ConfigErrors when a generator is not valid.
std::unique_ptr<FamilyKernel> MakeFamilyKernel(const MetricConfig& metric, const GeneratorRegistry& registry,
                                               const std::string& path, size_t series_count);

/// Validates every generator of `metric` — `generator`, or `observations` and
/// `observations_per_tick` — against `registry`, appending one error per problem.
void ResolveMetricGenerators(const MetricConfig& metric, const GeneratorRegistry& registry,
                             const std::string& path, std::vector<ConfigError>& errors);

}  // namespace promsynth
