#include "netops/scenario_overlay.h"

#include <algorithm>

#include "signal/stale_marker.h"

namespace promsynth::netops {
namespace {

int64_t TicksOf(Millis duration, int64_t tick_ms) { return duration.count() / tick_ms; }

}  // namespace

ScenarioOverlay::ScenarioOverlay(const Config& config, const SeriesLayout& layout)
    : tick_ms_(std::max<int64_t>(1, config.global.tick.count())), targets_of_family_(layout.families.size()) {
  for (size_t g = 0; g < config.scenario_groups.size(); ++g) {
    const ScenarioGroupConfig& group_config = config.scenario_groups[g];
    std::vector<ScenarioConfig> scenarios;
    for (const GroupScenarioConfig& scenario : group_config.scenarios) {
      scenarios.push_back({scenario.name, scenario.length, scenario.offsets});
    }
    Group group{group_config.name,
                ScenarioMachine(std::move(scenarios), group_config.metrics.size(), group_config.error_rate,
                                group_config.seed),
                {},
                std::vector<ErrorPhase>(group_config.metrics.size(), ErrorPhase::kNormal),
                std::vector<bool>(group_config.metrics.size(), false)};
    for (size_t s = 0; s < group_config.scenarios.size(); ++s) {
      const GroupScenarioConfig& scenario = group_config.scenarios[s];
      if (!scenario.at && !scenario.every) continue;
      Schedule schedule{s, 0, scenario.every ? std::max<int64_t>(1, TicksOf(*scenario.every, tick_ms_)) : 0};
      schedule.first = scenario.at ? TicksOf(*scenario.at, tick_ms_) : schedule.period;
      group.schedules.push_back(schedule);
    }
    groups_.push_back(std::move(group));
    for (size_t m = 0; m < group_config.metrics.size(); ++m) {
      const ScenarioMetricConfig& metric = group_config.metrics[m];
      for (size_t f = 0; f < layout.families.size(); ++f) {
        if (config.metrics[f].name != metric.metric) continue;
        targets_of_family_[f].push_back(targets_.size());
        targets_.push_back(
            {g, m, metric.effect, metric.value,
             std::vector<double>(metric.effect == ScenarioEffect::kFlatline ? layout.families[f].series_count
                                                                            : 0),
             false});
      }
    }
  }
}

std::vector<ScenarioOverlay::ScenarioRef> ScenarioOverlay::Find(std::string_view name) const {
  // Compared whole rather than split at a slash: group and scenario names may contain one.
  std::vector<ScenarioRef> found;
  for (size_t g = 0; g < groups_.size(); ++g) {
    const std::string& group = groups_[g].name;
    const bool qualified = name.size() > group.size() && name.starts_with(group) && name[group.size()] == '/';
    for (size_t s = 0; s < groups_[g].machine.scenario_count(); ++s) {
      const std::string& scenario = groups_[g].machine.scenario(s).name;
      if (name == scenario || (qualified && name.substr(group.size() + 1) == scenario))
        found.push_back({g, s});
    }
  }
  return found;
}

void ScenarioOverlay::BeginStep(int64_t now_ms) noexcept {
  const int64_t global_tick = now_ms >= 0 ? now_ms / tick_ms_ : -((-now_ms + tick_ms_ - 1) / tick_ms_);
  if (!last_global_tick_) {
    last_global_tick_ = global_tick;
    AdvanceGroups();
    return;
  }
  const int64_t due = std::min(global_tick - *last_global_tick_, kMaxCatchUpTicks);
  for (int64_t i = 0; i < due; ++i) AdvanceGroups();
  if (global_tick > *last_global_tick_) last_global_tick_ = global_tick;
}

void ScenarioOverlay::AdvanceGroups() noexcept {
  const int64_t n = ticks_++;
  for (Group& group : groups_) {
    for (const Schedule& schedule : group.schedules) {
      const bool due = schedule.period == 0
                           ? n == schedule.first
                           : n >= schedule.first && (n - schedule.first) % schedule.period == 0;
      if (due) group.machine.RequestStart(schedule.scenario);
    }
    group.machine.Tick();
    for (size_t m = 0; m < group.phases.size(); ++m) {
      MetricErrorShape& shape = group.machine.metric(m);
      group.phases[m] = shape.Advance();
      group.first_tick[m] = shape.in_window() && shape.step() == 1;
    }
  }
}

void ScenarioOverlay::Apply(size_t family, const TickContext& /*context*/, std::span<double> values,
                            std::span<double> totals) noexcept {
  if (family >= targets_of_family_.size()) return;
  for (size_t index : targets_of_family_[family]) {
    Target& target = targets_[index];
    const Group& group = groups_[target.group];
    const ErrorPhase phase = group.phases[target.metric];
    if (phase == ErrorPhase::kNormal) {
      if (target.effect == ScenarioEffect::kFlatline) {
        std::copy_n(values.begin(), std::min(values.size(), target.held.size()), target.held.begin());
        target.holding = true;
      }
      continue;
    }
    switch (target.effect) {
      case ScenarioEffect::kPin:
        if (phase == ErrorPhase::kSpike || phase == ErrorPhase::kPinned) {
          for (double& value : values) {
            if (!IsStaleMarker(value)) value = target.value;
          }
        }
        break;
      case ScenarioEffect::kSpike:
      case ScenarioEffect::kDrop:
        for (double& value : values) {
          if (!IsStaleMarker(value)) value *= target.value;
        }
        break;
      case ScenarioEffect::kFlatline:
        // A window open from the very first tick has nothing to hold yet: it holds that tick.
        if (!target.holding) {
          std::copy_n(values.begin(), std::min(values.size(), target.held.size()), target.held.begin());
          target.holding = true;
        }
        std::copy_n(target.held.begin(), std::min(values.size(), target.held.size()), values.begin());
        break;
      case ScenarioEffect::kGap:
        std::fill(values.begin(), values.end(), StaleMarker());
        break;
      case ScenarioEffect::kCounterReset:
        if (group.first_tick[target.metric]) std::fill(totals.begin(), totals.end(), 0.0);
        break;
    }
  }
}

}  // namespace promsynth::netops
