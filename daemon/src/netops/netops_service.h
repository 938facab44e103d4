#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "netops/generate_response.h"
#include "netops/netops_config.h"
#include "netops/netops_simulator.h"
#include "netops/scenario_list_json.h"

namespace promsynth::netops {

/// The original's HTTP surface (spec A.2) plus the runtime scenario control, as plain functions
/// returning `HttpResult`: the daemon maps routes onto these and copies status, content type and body.
///
/// State: `idle` until a successful `/start`, `generating` after it, `idle` again after `/stop`
/// (the simulator is kept, as the original keeps its Manager). A rejected `/start` leaves the
/// previous generator and state untouched.
///
/// Two simulators over the same config: `simulator()` for the live export (the daemon ticks it once
/// per global tick) and `batch_simulator()` for `/generate`, which continues from its own state
/// batch after batch as the original's Manager does. So a `/generate` never moves the series
/// Prometheus scrapes, and the first batch after `/start` begins at the original's tick 0 however
/// long the daemon ticked before. Scenario control (start, stop) applies to both.
///
/// Not thread-safe: the daemon must serialise every call (and its own `simulator()->Tick()` calls
/// for the live export) with one mutex.
class NetopsService {
 public:
  /// `seed` feeds the per-sample normal draws (see `NetopsSimulator`).
  explicit NetopsService(uint64_t seed, IsErrorMode mode = IsErrorMode::kPinnedPhase);

  /// `POST /start`: parses `body` as the config; on success builds a fresh simulator (fresh
  /// timeline) and starts generating: 200 with an empty body. On failure 400 with every problem,
  /// one per line (`<request body>:line:col: key: message`).
  HttpResult Start(std::string_view body);
  /// Loads an already parsed config (`--config.file`, `promsynth import netops`) and starts generating.
  void Load(NetopsConfig config);
  /// `POST /stop`: state := idle; 200, empty body.
  HttpResult Stop();
  /// `POST /generate`: one batch (see `GenerateResponse`) when generating; idle: 200, empty body.
  HttpResult Generate(std::string_view body, double now_seconds);

  /// `GET /api/v1/scenarios`: `{"state": "idle"|"generating", "in_error": bool, "scenarios": [{"name",
  /// "index", "length", "active", "pending"}]}`; an empty idle list when no config was ever loaded.
  HttpResult ListScenarios() const;
  /// Appends the loaded config's scenarios (none before the first start) to `list`.
  void AddScenarios(ScenarioListJson& list) const;
  /// Whether the loaded config has a scenario named `name`.
  bool HasScenario(std::string_view name) const;
  /// `POST /api/v1/scenarios/<name>/start`: the scenario starts at the next tick (202 with the
  /// scenario's JSON); 404 for an unknown name or when no config is loaded.
  HttpResult StartScenario(std::string_view name);
  /// `POST /api/v1/scenarios/<name>/stop`: when that scenario is active or pending it ends at the
  /// next tick (202); otherwise nothing changes (200). 404 for an unknown name.
  HttpResult StopScenario(std::string_view name);

  /// Whether the state is `generating` (a `/start` succeeded and no `/stop` came after it).
  bool generating() const { return generating_; }
  /// The live simulator, or nullptr before the first successful start.
  NetopsSimulator* simulator() { return simulator_.get(); }
  const NetopsSimulator* simulator() const { return simulator_.get(); }
  /// The simulator `/generate` draws its batches from, or nullptr before the first successful start.
  const NetopsSimulator* batch_simulator() const { return batch_.get(); }
  /// Warnings of the config last loaded (for the daemon's log).
  const std::vector<std::string>& warnings() const;

 private:
  uint64_t seed_;
  IsErrorMode mode_;
  std::unique_ptr<NetopsSimulator> simulator_;
  std::unique_ptr<NetopsSimulator> batch_;
  bool generating_ = false;
};

}  // namespace promsynth::netops
