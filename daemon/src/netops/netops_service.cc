#include "netops/netops_service.h"

#include <utility>

#include "config/config_error.h"
#include "netops/scenario_list_json.h"

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

HttpResult NetopsService::ListScenarios() const {
  // Listing is a read: with nothing loaded there is simply nothing to list.
  ScenarioListJson list;
  AddScenarios(list);
  return Json(200, list.Finish(generating_ ? "generating" : "idle"));
}

void NetopsService::AddScenarios(ScenarioListJson& list) const {
  if (simulator_) list.Add(simulator_->machine());
}

bool NetopsService::HasScenario(std::string_view name) const {
  return simulator_ && simulator_->FindScenario(name).has_value();
}

HttpResult NetopsService::StartScenario(std::string_view name) {
  if (!simulator_) return NotLoaded();
  const std::optional<size_t> index = simulator_->FindScenario(name);
  if (!index) return Text(404, "netops: no scenario named \"" + std::string(name) + "\"");
  simulator_->RequestScenarioStart(*index);
  batch_->RequestScenarioStart(*index);
  return Json(202, ScenarioJson(simulator_->machine(), *index));
}

HttpResult NetopsService::StopScenario(std::string_view name) {
  if (!simulator_) return NotLoaded();
  const std::optional<size_t> index = simulator_->FindScenario(name);
  if (!index) return Text(404, "netops: no scenario named \"" + std::string(name) + "\"");
  const bool changed = simulator_->RequestScenarioStopOf(*index);
  // The batch simulator follows the same request, judged by its own state.
  batch_->RequestScenarioStopOf(*index);
  return Json(changed ? 202 : 200, ScenarioJson(simulator_->machine(), *index));
}

}  // namespace promsynth::netops
