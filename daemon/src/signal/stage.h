#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "signal/generator.h"
#include "signal/generator_kind.h"

namespace promsynth {

/// One step of a generator's `stages:` list: transforms the values of every series of a family
/// in place, after the baseline (and after the stages before it).
///
/// Stages leave the stale marker (`IsStaleMarker`) untouched: a series without a sample stays
/// without one. Like `Generator::Fill`, `Apply` runs on the tick path: no throwing, no allocation.
class Stage {
 public:
  virtual ~Stage() = default;

  /// Transforms `values[i]`, the value of series i (random stream `keys[i]`) at `context.tick`.
  virtual void Apply(const TickContext& context, std::span<const StreamKey> keys,
                     std::span<double> values) noexcept = 0;

  /// Whether Apply at a tick depends only on the tick, the keys and the values given (see
  /// Generator::Stateless). False unless the stage says so.
  virtual bool Stateless() const noexcept { return false; }
};

/// A stage kind: its name (the key in `stages:`), documentation, parameters and how to build it.
struct StageKind {
  std::string_view name;
  std::string_view help;
  /// Position in the pipeline order (anomaly 1, noise 2, step_size 3, round 4, clamp 5): a stage
  /// list must not decrease in rank, so that every config follows the one documented order.
  int rank = 0;
  std::vector<ParamSpec> params;
  std::function<std::optional<std::string>(const ResolvedParams&)> check;
  /// Builds the stage for `series_count` series; `salt` separates its random draws from those of
  /// the baseline and of the other stages.
  std::function<std::unique_ptr<Stage>(const ResolvedParams&, size_t series_count, uint64_t salt)> make;
};

}  // namespace promsynth
