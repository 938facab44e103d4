#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "netops/scenario_machine.h"

namespace promsynth::netops {

/// One scenario as the runtime API shows it: `{"name": …, "index": i, "length": L, "active": b,
/// "pending": "start"|"stop"|null}`, with `"group": …` first when `group` is not empty (the
/// `scenario_groups:` of a YAML config; the netops generator's single device has none). Python
/// `json.dumps` spacing, as the netops routes answer.
std::string ScenarioJson(const ScenarioMachine& machine, size_t index, std::string_view group = {});

/// `GET /api/v1/scenarios`: `{"state": …, "in_error": b, "scenarios": [...]}` over any number of
/// scenario machines. `in_error` is true when any machine added is in error.
class ScenarioListJson {
 public:
  /// Appends every scenario of `machine`, tagged with `group` (see ScenarioJson).
  void Add(const ScenarioMachine& machine, std::string_view group = {});
  /// The whole answer; `state` is `idle` or `generating`.
  std::string Finish(std::string_view state) const;

 private:
  std::string entries_;
  bool in_error_ = false;
};

}  // namespace promsynth::netops
