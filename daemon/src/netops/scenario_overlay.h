#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.h"
#include "engine/series_layout.h"
#include "engine/series_override.h"
#include "netops/scenario_machine.h"

namespace promsynth::netops {

/// The `scenario_groups:` of a YAML config as the engine's scenario override stage: the netops
/// generator's scenario engine (one `ScenarioMachine` per group, with the original's draws)
/// applied to any series.
///
/// Timeline: every group advances once per global tick (`global.tick`), counted from the first
/// `BeginStep` (tick n = 0). Before the machine's tick, a scheduled scenario whose time has come
/// (n = at/tick, then every every/tick ticks; `every` alone first fires after one period) is
/// forced to start, as the runtime API would. Then every metric of the group advances its error
/// shape once. A family stepped at that time sees its metric's phase: outside an error window
/// nothing changes; inside, the metric's effect applies to every series of the family (see
/// `ScenarioEffect`). Missed global ticks are caught up, at most 60 at a time.
///
/// io thread only. Apply() neither throws nor allocates.
class ScenarioOverlay final : public SeriesOverride {
 public:
  /// Builds the groups of a validated config over its layout (metric names resolve to families).
  ScenarioOverlay(const Config& config, const SeriesLayout& layout);

  void BeginStep(int64_t now_ms) noexcept override;
  void Apply(size_t family, const TickContext& context, std::span<double> values,
             std::span<double> totals) noexcept override;

  /// Number of groups, in config order.
  size_t group_count() const { return groups_.size(); }
  /// Group `index`'s name.
  const std::string& group_name(size_t index) const { return groups_[index].name; }
  /// Group `index`'s scenario machine (its active scenario, names, lengths).
  const ScenarioMachine& machine(size_t index) const { return groups_[index].machine; }
  /// The same, to force scenarios through its Request* methods (the runtime control API).
  ScenarioMachine& machine(size_t index) { return groups_[index].machine; }

  /// A scenario's place: its group and its index in the group.
  struct ScenarioRef {
    size_t group = 0;
    size_t scenario = 0;
  };
  /// The scenarios that `name` designates: `<group>/<scenario>`, or a bare scenario name, which
  /// matches that scenario in every group that has one (more than one result is ambiguous).
  std::vector<ScenarioRef> Find(std::string_view name) const;
  /// Global ticks the groups have advanced.
  int64_t ticks() const { return ticks_; }

  /// How many global ticks are caught up at most after a pause.
  static constexpr int64_t kMaxCatchUpTicks = 60;

 private:
  struct Schedule {
    size_t scenario = 0;
    int64_t first = 0;   ///< tick n of the first start
    int64_t period = 0;  ///< ticks between starts; 0 = once
  };
  struct Group {
    std::string name;
    ScenarioMachine machine;
    std::vector<Schedule> schedules;
    std::vector<ErrorPhase> phases;  ///< per group metric, this tick
    std::vector<bool> first_tick;    ///< per group metric: this tick opened its window
  };
  struct Target {
    size_t group = 0;
    size_t metric = 0;  ///< index in the group's metrics
    ScenarioEffect effect = ScenarioEffect::kPin;
    double value = 0;
    std::vector<double> held;  ///< flatline: the values of the last tick before the window
    bool holding = false;      ///< flatline: `held` has been captured
  };

  void AdvanceGroups() noexcept;

  int64_t tick_ms_;
  std::vector<Group> groups_;
  std::vector<Target> targets_;
  std::vector<std::vector<size_t>> targets_of_family_;
  std::optional<int64_t> last_global_tick_;
  int64_t ticks_ = 0;
};

}  // namespace promsynth::netops
