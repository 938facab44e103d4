#include "netops/netops_to_config.h"

#include "compat/python_float_format.h"
#include "netops/counter_total.h"
#include "netops/prometheus_labels.h"

namespace promsynth::netops {
namespace {

GeneratorParam Number(double value) { return {.kind = GeneratorParam::Kind::kNumber, .number = value}; }

}  // namespace

Config NetopsToConfig(const NetopsConfig& netops, const std::string& source_file, std::string* comments) {
  Config config;
  config.source_file = source_file;
  ScenarioGroupConfig group;
  group.name = "device";
  group.error_rate = netops.error_rate;
  group.seed = 42;
  for (const MetricConfig& metric : netops.metrics) {
    promsynth::MetricConfig family;
    family.name = PrometheusMetricName(metric.name);
    family.type = IsCounter(metric) ? MetricType::kCounter : MetricType::kGauge;
    if (family.type == MetricType::kCounter && !family.name.ends_with("_total")) family.name += "_total";
    family.help = family.type == MetricType::kCounter
                      ? "netops metric " + metric.name + ": running sum of its per-sample amounts."
                      : "netops metric " + metric.name + ".";
    family.tick = config.global.tick;
    for (const LabelPair& label : PrometheusLabels(metric.labels)) {
      LabelDimension dimension{.name = label.first, .values = {}, .location = {}};
      dimension.values.AddText(label.second);
      family.labels.push_back(std::move(dimension));
    }
    family.generator.kind = "gaussian";
    family.generator.params["mu"] = Number(metric.params.mu);
    family.generator.params["sigma"] = Number(metric.params.sigma);
    family.generator.params["noise"] = Number(metric.params.noise);
    family.generator.params["min"] = Number(metric.params.min.value);
    family.generator.params["max"] = Number(metric.params.max.value);
    group.metrics.push_back({.metric = family.name,
                             .effect = ScenarioEffect::kPin,
                             .value = metric.alert.above ? metric.params.max.value : metric.params.min.value,
                             .location = {}});
    if (comments != nullptr && metric.alert.enabled) {
      *comments += family.name + ": alert when the value is " + (metric.alert.above ? ">= " : "<= ");
      compat::AppendPythonFloat(*comments, metric.alert.threshold);
      *comments += ": " + metric.alert.text + "\n";
    }
    config.metrics.push_back(std::move(family));
  }
  for (const ScenarioConfig& scenario : netops.scenarios) {
    GroupScenarioConfig entry;
    entry.name = scenario.name;
    entry.length = scenario.length;
    entry.offsets = scenario.offsets;
    entry.offsets.resize(netops.metrics.size());
    group.scenarios.push_back(std::move(entry));
  }
  config.scenario_groups.push_back(std::move(group));
  return config;
}

}  // namespace promsynth::netops
