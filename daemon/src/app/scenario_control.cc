#include "app/scenario_control.h"

#include <string>
#include <utility>
#include <vector>

#include "netops/scenario_list_json.h"

namespace promsynth {
namespace {

netops::HttpResult Answer(int status, std::string content_type, std::string body) {
  netops::HttpResult result;
  result.status = status;
  result.content_type = std::move(content_type);
  result.body = std::move(body);
  return result;
}

netops::HttpResult Text(int status, const std::string& text) {
  return Answer(status, "text/plain; charset=utf-8", text + "\n");
}

}  // namespace

netops::HttpResult ListScenarios(const NetopsRuntime& netops, const netops::ScenarioOverlay* overlay) {
  netops::ScenarioListJson list;
  netops.AddScenarios(list);
  const bool groups = overlay != nullptr && overlay->group_count() > 0;
  for (size_t g = 0; groups && g < overlay->group_count(); ++g)
    list.Add(overlay->machine(g), overlay->group_name(g));
  return Answer(200, "application/json", list.Finish(netops.generating() || groups ? "generating" : "idle"));
}

netops::HttpResult ControlScenario(NetopsRuntime& netops, netops::ScenarioOverlay* overlay,
                                   std::string_view name, std::string_view action) {
  const bool in_netops = netops.HasScenario(name);
  const std::vector<netops::ScenarioOverlay::ScenarioRef> in_groups =
      overlay != nullptr ? overlay->Find(name) : std::vector<netops::ScenarioOverlay::ScenarioRef>{};
  const std::string quoted = "\"" + std::string(name) + "\"";
  if (!in_netops && in_groups.empty()) {
    return Text(404, "no scenario named " + quoted +
                         " (GET /api/v1/scenarios lists them; a scenario of a group "
                         "is <group>/<scenario>)");
  }
  if (in_groups.size() + (in_netops ? 1 : 0) > 1) {
    std::string candidates;
    for (const auto& ref : in_groups) {
      candidates += (candidates.empty() ? "" : ", ") + overlay->group_name(ref.group) + "/" +
                    overlay->machine(ref.group).scenario(ref.scenario).name;
    }
    if (in_netops) candidates += ", the netops generator's";
    return Text(409, "scenario name " + quoted + " is ambiguous: " + candidates +
                         "; use <group>/<scenario> for a scenario of a group");
  }
  if (in_netops) return netops.ControlScenario(name, action);
  const auto [group, scenario] = in_groups.front();
  netops::ScenarioMachine& machine = overlay->machine(group);
  bool changed = true;
  if (action == "start") {
    machine.RequestStart(scenario);
  } else {
    changed = machine.RequestStopOf(scenario);
  }
  return Answer(changed ? 202 : 200, "application/json",
                netops::ScenarioJson(machine, scenario, overlay->group_name(group)));
}

}  // namespace promsynth
