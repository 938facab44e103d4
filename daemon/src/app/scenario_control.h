#pragma once

#include <string_view>

#include "app/netops_runtime.h"
#include "netops/generate_response.h"
#include "netops/scenario_overlay.h"

namespace promsynth {

/// `GET /api/v1/scenarios` over every scenario the daemon runs: the netops generator's (seed 000,
/// no `group` key) and the YAML config's `scenario_groups:` (tagged with their group). `state` is
/// `generating` when either runs scenarios. Call on the io thread (the overlay lives there);
/// `overlay` may be null (a config without scenario groups).
netops::HttpResult ListScenarios(const NetopsRuntime& netops, const netops::ScenarioOverlay* overlay);

/// `POST /api/v1/scenarios/<name>/<action>`, `action` = `start` or `stop`. `name` is a netops
/// scenario, a `<group>/<scenario>`, or a bare scenario name when only one group (or the netops
/// generator) has it. Start: 202 and the scenario's JSON; it begins at the next tick. Stop: 202
/// when the scenario was active or pending (it ends at the next tick), 200 when nothing changed.
/// An unknown name is 404 and an ambiguous one 409, each saying what to use instead. Io thread.
netops::HttpResult ControlScenario(NetopsRuntime& netops, netops::ScenarioOverlay* overlay,
                                   std::string_view name, std::string_view action);

}  // namespace promsynth
