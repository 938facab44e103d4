#include "netops/scenario_list_json.h"

#include "compat/python_float_format.h"
#include "netops/json_value.h"

namespace promsynth::netops {

std::string ScenarioJson(const ScenarioMachine& machine, size_t index, std::string_view group) {
  std::string out = "{";
  if (!group.empty()) {
    out += "\"group\": ";
    AppendPythonJsonString(out, group);
    out += ", ";
  }
  out += "\"name\": ";
  AppendPythonJsonString(out, machine.scenario(index).name);
  out += ", \"index\": " + std::to_string(index) + ", \"length\": ";
  compat::AppendPythonFloat(out, machine.scenario(index).length);
  out += ", \"active\": ";
  out += machine.active_scenario() == index ? "true" : "false";
  out += ", \"pending\": ";
  out += machine.pending_start() == index                               ? "\"start\""
         : machine.pending_stop() && machine.active_scenario() == index ? "\"stop\""
                                                                        : "null";
  out += '}';
  return out;
}

void ScenarioListJson::Add(const ScenarioMachine& machine, std::string_view group) {
  in_error_ = in_error_ || machine.in_error();
  for (size_t i = 0; i < machine.scenario_count(); ++i) {
    if (!entries_.empty()) entries_ += ", ";
    entries_ += ScenarioJson(machine, i, group);
  }
}

std::string ScenarioListJson::Finish(std::string_view state) const {
  std::string out = "{\"state\": \"";
  out += state;
  out += "\", \"in_error\": ";
  out += in_error_ ? "true" : "false";
  out += ", \"scenarios\": [" + entries_ + "]}";
  return out;
}

}  // namespace promsynth::netops
