#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "netops/counter_total.h"
#include "netops/generate_response.h"
#include "netops/netops_service.h"

namespace promsynth {

/// The netops generator (seed 000) inside the daemon: its HTTP routes, one live tick per global
/// tick while it is generating, and its series on the telemetry path.
///
/// Series: every netops metric under its own name with its configured labels (a
/// `target_type: counter` one as `<name>_total`, the running sum of its per-sample amounts),
/// `netops_is_error{metric}`, `netops_alert_firing{metric}` and `netops_scenario_active{scenario}`.
/// Thread-safe: routes run on HTTP threads, Tick on the io thread.
class NetopsRuntime {
 public:
  /// `seed` feeds the sample draws; `mode` says which ticks carry `is_error`.
  explicit NetopsRuntime(uint64_t seed, netops::IsErrorMode mode = netops::IsErrorMode::kPinnedPhase)
      : service_(seed, mode) {}

  netops::HttpResult Start(std::string_view body);
  netops::HttpResult Stop();
  netops::HttpResult Generate(std::string_view body, double now_seconds);
  /// Appends the netops config's scenarios (none while nothing was loaded) to `list`.
  void AddScenarios(netops::ScenarioListJson& list) const;
  /// Whether the loaded netops config has a scenario named `name`.
  bool HasScenario(std::string_view name) const;
  /// `action` is `start` or `stop`.
  netops::HttpResult ControlScenario(std::string_view name, std::string_view action);
  /// A copy of the config last loaded (by Start or Load); nothing before the first.
  std::optional<netops::NetopsConfig> LoadedConfig() const;
  /// Loads a config from `--config.file` and starts generating.
  void Load(netops::NetopsConfig config);

  /// One live tick when generating; renders the series for the next scrapes.
  void Tick();
  bool generating() const;
  /// The netops series in the text format 0.0.4 ("" while idle).
  std::string Render() const;

  /// One metric's threshold alert after the last tick.
  struct AlertState {
    std::string metric;
    bool firing = false;
    double value = 0;
    std::string text;  ///< the alert text with its value filled in ("" when not firing)
  };
  /// Every netops metric's alert state after the last tick (empty while idle).
  std::vector<AlertState> Alerts() const;

 private:
  void RenderLocked(const netops::TickResult& tick);

  mutable std::mutex mutex_;
  netops::NetopsService service_;
  const netops::NetopsSimulator* totals_for_ = nullptr;  ///< the simulator `totals_` belong to
  std::vector<netops::CounterTotal> totals_;
  std::string rendered_;
  std::vector<AlertState> alerts_;
};

}  // namespace promsynth
