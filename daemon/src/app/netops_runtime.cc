#include "app/netops_runtime.h"

#include "engine/series_layout.h"
#include "expo/sample_value.h"
#include "expo/text_renderer.h"
#include "netops/prometheus_labels.h"

namespace promsynth {
namespace {

void AppendHeader(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
  out += "# HELP ";
  out += name;
  out += ' ';
  AppendEscapedHelp(out, help);
  out += "\n# TYPE ";
  out += name;
  out += ' ';
  out += type;
  out += '\n';
}

void AppendSample(std::string& out, std::string_view name, const std::vector<netops::LabelPair>& labels,
                  double value) {
  out += name;
  if (!labels.empty()) {
    out += '{';
    for (size_t i = 0; i < labels.size(); ++i) {
      if (i > 0) out += ',';
      out += labels[i].first;
      out += "=\"";
      AppendEscapedLabelValue(out, labels[i].second);
      out += '"';
    }
    out += '}';
  }
  out += ' ';
  AppendSampleValue(out, value);
  out += '\n';
}

}  // namespace

netops::HttpResult NetopsRuntime::Start(std::string_view body) {
  std::lock_guard lock(mutex_);
  return service_.Start(body);
}

netops::HttpResult NetopsRuntime::Stop() {
  std::lock_guard lock(mutex_);
  netops::HttpResult result = service_.Stop();
  rendered_.clear();
  alerts_.clear();
  return result;
}

netops::HttpResult NetopsRuntime::Generate(std::string_view body, double now_seconds) {
  std::lock_guard lock(mutex_);
  return service_.Generate(body, now_seconds);
}

void NetopsRuntime::AddScenarios(netops::ScenarioListJson& list) const {
  std::lock_guard lock(mutex_);
  service_.AddScenarios(list);
}

bool NetopsRuntime::HasScenario(std::string_view name) const {
  std::lock_guard lock(mutex_);
  return service_.HasScenario(name);
}

netops::HttpResult NetopsRuntime::ControlScenario(std::string_view name, std::string_view action) {
  std::lock_guard lock(mutex_);
  return action == "start" ? service_.StartScenario(name) : service_.StopScenario(name);
}

std::optional<netops::NetopsConfig> NetopsRuntime::LoadedConfig() const {
  std::lock_guard lock(mutex_);
  const netops::NetopsSimulator* simulator = service_.simulator();
  if (simulator == nullptr) return std::nullopt;
  return simulator->config();
}

void NetopsRuntime::Load(netops::NetopsConfig config) {
  std::lock_guard lock(mutex_);
  service_.Load(std::move(config));
}

bool NetopsRuntime::generating() const {
  std::lock_guard lock(mutex_);
  return service_.generating();
}

std::string NetopsRuntime::Render() const {
  std::lock_guard lock(mutex_);
  return rendered_;
}

std::vector<NetopsRuntime::AlertState> NetopsRuntime::Alerts() const {
  std::lock_guard lock(mutex_);
  return alerts_;
}

void NetopsRuntime::Tick() {
  std::lock_guard lock(mutex_);
  if (!service_.generating() || service_.simulator() == nullptr) return;
  const netops::TickResult& tick = service_.simulator()->Tick();
  RenderLocked(tick);
}

void NetopsRuntime::RenderLocked(const netops::TickResult& tick) {
  const netops::NetopsSimulator& simulator = *service_.simulator();
  const netops::NetopsConfig& config = simulator.config();
  // A new /start builds a new simulator: its counters start from zero, as a restarted process's would.
  if (totals_for_ != &simulator) {
    totals_.assign(config.metrics.size(), netops::CounterTotal());
    totals_for_ = &simulator;
  }
  std::string& out = rendered_;
  out.clear();
  for (size_t m = 0; m < config.metrics.size(); ++m) {
    const netops::MetricConfig& metric = config.metrics[m];
    const bool counter = netops::IsCounter(metric);
    std::string name = netops::PrometheusMetricName(metric.name);
    if (counter && !name.ends_with("_total")) name += "_total";
    const double value = counter ? totals_[m].Add(tick.samples[m].value) : tick.samples[m].value;
    AppendHeader(out, name, counter ? "counter" : "gauge",
                 counter ? "netops metric " + metric.name + ": running sum of its per-sample amounts."
                         : "netops metric " + metric.name + ".");
    AppendSample(out, name, netops::PrometheusLabels(metric.labels), value);
  }
  AppendHeader(out, "netops_is_error", "gauge", "Whether the netops metric is in its error state.");
  for (size_t m = 0; m < config.metrics.size(); ++m) {
    AppendSample(out, "netops_is_error", {{"metric", config.metrics[m].name}},
                 tick.samples[m].is_error ? 1 : 0);
  }
  AppendHeader(out, "netops_alert_firing", "gauge", "Whether the netops metric's threshold alert fires.");
  alerts_.clear();
  for (size_t m = 0; m < config.metrics.size(); ++m) {
    const netops::MetricSample& sample = tick.samples[m];
    AppendSample(out, "netops_alert_firing", {{"metric", config.metrics[m].name}}, sample.alerting ? 1 : 0);
    alerts_.push_back({config.metrics[m].name, sample.alerting, sample.value, sample.alert});
  }
  AppendHeader(out, "netops_scenario_active", "gauge", "Whether the netops error scenario is running.");
  for (size_t s = 0; s < config.scenarios.size(); ++s) {
    AppendSample(out, "netops_scenario_active", {{"scenario", config.scenarios[s].name}},
                 simulator.IsScenarioActive(s) ? 1 : 0);
  }
}

}  // namespace promsynth
