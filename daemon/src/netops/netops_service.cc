#include "netops/netops_service.h"

#include <utility>

#include "compat/python_float_format.h"
#include "config/config_error.h"

namespace promsynth::netops {
namespace {

HttpResult Text(int status, std::string text) {
  HttpResult result;
  result.status = status;
  result.content_type = "text/plain; charset=utf-8";
  result.body = std::move(text) + "\n";
  return result;
}

HttpResult Json(int status, std::string body) {
  HttpResult result;
  result.status = status;
  result.content_type = "application/json";
  result.body = std::move(body);
  return result;
}

HttpResult NotLoaded() { return Text(404, "netops: no configuration loaded (POST /start first)"); }

}  // namespace

NetopsService::NetopsService(uint64_t seed, IsErrorMode mode) : seed_(seed), mode_(mode) {}

HttpResult NetopsService::Start(std::string_view body) {
  try {
    Load(ParseNetopsConfig(body, "<request body>"));
  } catch (const ConfigErrors& errors) {
    return Text(400, std::string("netops /start: invalid configuration\n") + errors.what());
  }
  return HttpResult{};
}

void NetopsService::Load(NetopsConfig config) {
  batch_ = std::make_unique<NetopsSimulator>(config, seed_, mode_);
  simulator_ = std::make_unique<NetopsSimulator>(std::move(config), seed_, mode_);
  generating_ = true;
}

HttpResult NetopsService::Stop() {
  generating_ = false;
  return HttpResult{};
}

HttpResult NetopsService::Generate(std::string_view body, double now_seconds) {
  if (!generating_) return HttpResult{};
  return GenerateResponse(*batch_, body, now_seconds);
}

const std::vector<std::string>& NetopsService::warnings() const {
  static const std::vector<std::string> kNone;
  return simulator_ ? simulator_->config().warnings : kNone;
}

std::string NetopsService::ScenarioJson(size_t index) const {
  const ScenarioMachine& machine = simulator_->machine();
  std::string out = "{\"name\": ";
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

HttpResult NetopsService::ListScenarios() const {
  // Listing is a read: with nothing loaded there is simply nothing to list.
  if (!simulator_) return Json(200, "{\"state\": \"idle\", \"in_error\": false, \"scenarios\": []}");
  const ScenarioMachine& machine = simulator_->machine();
  std::string out = "{\"state\": ";
  out += generating_ ? "\"generating\"" : "\"idle\"";
  out += ", \"in_error\": ";
  out += machine.in_error() ? "true" : "false";
  out += ", \"scenarios\": [";
  for (size_t i = 0; i < machine.scenario_count(); ++i) {
    if (i > 0) out += ", ";
    out += ScenarioJson(i);
  }
  out += "]}";
  return Json(200, std::move(out));
}

HttpResult NetopsService::StartScenario(std::string_view name) {
  if (!simulator_) return NotLoaded();
  const std::optional<size_t> index = simulator_->FindScenario(name);
  if (!index) return Text(404, "netops: no scenario named \"" + std::string(name) + "\"");
  simulator_->RequestScenarioStart(*index);
  batch_->RequestScenarioStart(*index);
  return Json(202, ScenarioJson(*index));
}

HttpResult NetopsService::StopScenario(std::string_view name) {
  if (!simulator_) return NotLoaded();
  const std::optional<size_t> index = simulator_->FindScenario(name);
  if (!index) return Text(404, "netops: no scenario named \"" + std::string(name) + "\"");
  const ScenarioMachine& machine = simulator_->machine();
  bool changed = false;
  if (machine.pending_start() == index) {
    simulator_->CancelScenarioStart();
    changed = true;
  }
  if (machine.active_scenario() == index) {
    simulator_->RequestScenarioStop();
    changed = true;
  }
  // The batch simulator follows the same request, judged by its own state.
  if (batch_->machine().pending_start() == index) batch_->CancelScenarioStart();
  if (batch_->machine().active_scenario() == index) batch_->RequestScenarioStop();
  if (!changed) return Json(200, ScenarioJson(*index));
  return Json(202, ScenarioJson(*index));
}

}  // namespace promsynth::netops
