#include "config/scenario_config_loader.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "config/names.h"

namespace promsynth {
namespace {

constexpr std::string_view kEffects = "pin, spike, drop, flatline, gap, counter_reset";

std::optional<double> ReadNumber(Walker& walker, const YAML::Node& node, const std::string& key,
                                 std::string_view allowed) {
  std::optional<double> value = node.IsScalar() ? ParseNumber(node.Scalar()) : std::nullopt;
  if (!value || !std::isfinite(*value)) {
    walker.Fail(node, key, "expected a number", Walker::Describe(node), std::string(allowed));
    return std::nullopt;
  }
  return value;
}

std::optional<ScenarioEffect> EffectNamed(const std::string& name) {
  if (name == "pin") return ScenarioEffect::kPin;
  if (name == "spike") return ScenarioEffect::kSpike;
  if (name == "drop") return ScenarioEffect::kDrop;
  if (name == "flatline") return ScenarioEffect::kFlatline;
  if (name == "gap") return ScenarioEffect::kGap;
  if (name == "counter_reset") return ScenarioEffect::kCounterReset;
  return std::nullopt;
}

// `metric: {effect: pin, value: 100}` of a group's `metrics:`.
void ReadGroupMetric(Walker& walker, const YAML::Node& name, const YAML::Node& node, const std::string& key,
                     ScenarioGroupConfig& group) {
  ScenarioMetricConfig metric;
  metric.metric = name.Scalar();
  metric.location = walker.Where(name);
  if (!walker.ExpectMap(node, key)) return;
  walker.CheckKeys(node, key, {"effect", "value", "factor"});
  const YAML::Node effect = node["effect"];
  const std::string effect_name = effect ? Walker::Describe(effect) : "pin";
  const std::optional<ScenarioEffect> parsed = EffectNamed(effect_name);
  if (!parsed) {
    walker.Fail(effect, key + ".effect", "unknown scenario effect", effect_name, std::string(kEffects));
    return;
  }
  metric.effect = *parsed;
  const YAML::Node value = node["value"];
  const YAML::Node factor = node["factor"];
  switch (metric.effect) {
    case ScenarioEffect::kPin:
      if (!value) {
        walker.Fail(node, key + ".value", "a pin effect needs the value to pin to", "",
                    "the peak value, e.g. the metric's max (or min for a below-threshold alert)");
        return;
      }
      if (auto number = ReadNumber(walker, value, key + ".value", "the peak value")) metric.value = *number;
      break;
    case ScenarioEffect::kSpike:
    case ScenarioEffect::kDrop:
      metric.value = metric.effect == ScenarioEffect::kDrop ? 0.0 : 2.0;
      if (factor) {
        if (auto number = ReadNumber(walker, factor, key + ".factor", "the multiplier"))
          metric.value = *number;
      }
      break;
    default:
      break;
  }
  if (value && metric.effect != ScenarioEffect::kPin) {
    walker.Fail(value, key + ".value", "only a pin effect takes a value", Walker::Describe(value),
                "factor (spike, drop), or no value");
  }
  if (factor && metric.effect != ScenarioEffect::kSpike && metric.effect != ScenarioEffect::kDrop) {
    walker.Fail(factor, key + ".factor", "only spike and drop take a factor", Walker::Describe(factor),
                "value (pin), or no factor");
  }
  group.metrics.push_back(std::move(metric));
}

void ReadScenario(Walker& walker, const YAML::Node& node, const std::string& key,
                  ScenarioGroupConfig& group) {
  if (!walker.ExpectMap(node, key)) return;
  walker.CheckKeys(node, key, {"name", "length", "metrics", "at", "every"});
  GroupScenarioConfig scenario;
  scenario.location = walker.Where(node);
  scenario.name = node["name"] ? Walker::Describe(node["name"]) : std::to_string(group.scenarios.size());
  scenario.offsets.resize(group.metrics.size());
  const YAML::Node length = node["length"];
  if (!length) {
    walker.Fail(node, key + ".length", "a scenario needs a length", "",
                "its mean duration in ticks, e.g. 80");
  } else if (auto number = ReadNumber(walker, length, key + ".length", "a mean duration in ticks, > 0")) {
    if (*number <= 0) {
      walker.Fail(length, key + ".length", "the length must be positive", length.Scalar(),
                  "a mean duration in ticks, > 0");
    }
    scenario.length = *number;
  }
  if (const YAML::Node at = node["at"]) scenario.at = ReadScheduleDuration(walker, at, key + ".at", true);
  if (const YAML::Node every = node["every"]) {
    scenario.every = ReadScheduleDuration(walker, every, key + ".every", false);
  }
  const YAML::Node metrics = node["metrics"];
  if (!metrics) {
    walker.Fail(node, key + ".metrics", "a scenario needs its metrics", "",
                "metric: start offset in ticks, e.g. {cpu: 0, latency: 10}");
  } else if (walker.ExpectMap(metrics, key + ".metrics")) {
    for (const auto& entry : metrics) {
      const std::string name = entry.first.Scalar();
      const std::string metric_key = key + ".metrics." + name;
      const auto it = std::find_if(group.metrics.begin(), group.metrics.end(),
                                   [&](const ScenarioMetricConfig& m) { return m.metric == name; });
      if (it == group.metrics.end()) {
        std::string known;
        for (const ScenarioMetricConfig& m : group.metrics) known += (known.empty() ? "" : ", ") + m.metric;
        walker.Fail(entry.first, metric_key, "not a metric of this group's metrics:", name,
                    known.empty() ? "add it to the group's metrics: first" : known);
        continue;
      }
      auto offset = ReadNumber(walker, entry.second, metric_key, "a start offset in ticks, >= 0");
      if (offset && *offset < 0) {
        walker.Fail(entry.second, metric_key, "the start offset must not be negative", entry.second.Scalar(),
                    "a start offset in ticks, >= 0");
        continue;
      }
      if (offset) scenario.offsets[static_cast<size_t>(it - group.metrics.begin())] = *offset;
    }
  }
  group.scenarios.push_back(std::move(scenario));
}

void ReadGroup(Walker& walker, const YAML::Node& node, const std::string& key,
               std::vector<ScenarioGroupConfig>& groups) {
  if (!walker.ExpectMap(node, key)) return;
  walker.CheckKeys(node, key, {"name", "error_rate", "seed", "metrics", "scenarios"});
  ScenarioGroupConfig group;
  group.location = walker.Where(node);
  group.name = node["name"] ? Walker::Describe(node["name"]) : std::to_string(groups.size());
  if (const YAML::Node rate = node["error_rate"]) {
    auto number = ReadNumber(walker, rate, key + ".error_rate", "a probability per tick, from 0 to 1");
    if (number && (*number < 0 || *number > 1)) {
      walker.Fail(rate, key + ".error_rate", "not a probability", rate.Scalar(),
                  "a probability per tick, from 0 to 1");
    } else if (number) {
      group.error_rate = *number;
    }
  }
  if (const YAML::Node seed = node["seed"]) {
    auto number = seed.IsScalar() ? ParseNumber(seed.Scalar()) : std::nullopt;
    if (!number || *number < 0 || *number > 9.0e18 || *number != std::trunc(*number)) {
      walker.Fail(seed, key + ".seed", "not a seed", Walker::Describe(seed),
                  "a whole number from 0 to 9000000000000000000 (the original's is 42)");
    } else {
      group.seed = static_cast<uint64_t>(*number);
    }
  }
  const YAML::Node metrics = node["metrics"];
  if (!metrics) {
    walker.Fail(node, key + ".metrics", "a group needs its metrics", "",
                "metric: {effect: pin, value: 100}, one per metric its scenarios name");
  } else if (walker.ExpectMap(metrics, key + ".metrics")) {
    for (const auto& entry : metrics) {
      ReadGroupMetric(walker, entry.first, entry.second, key + ".metrics." + entry.first.Scalar(), group);
    }
  }
  const YAML::Node scenarios = node["scenarios"];
  if (!scenarios || !scenarios.IsSequence()) {
    walker.Fail(scenarios ? scenarios : node, key + ".scenarios", "expected a list of scenarios",
                Walker::Describe(scenarios), "[{name: ..., length: 80, metrics: {cpu: 0}}]");
  } else {
    for (size_t i = 0; i < scenarios.size(); ++i) {
      ReadScenario(walker, scenarios[i], key + ".scenarios[" + std::to_string(i) + "]", group);
    }
  }
  groups.push_back(std::move(group));
}

}  // namespace

void ReadScenarioGroups(Walker& walker, const YAML::Node& node, std::vector<ScenarioGroupConfig>& groups) {
  if (!node.IsSequence()) {
    walker.Fail(node, "scenario_groups", "expected a list of scenario groups", Walker::Describe(node),
                "[{name: ..., error_rate: 0.1, metrics: {...}, scenarios: [...]}]");
    return;
  }
  std::set<std::string> names;
  for (size_t i = 0; i < node.size(); ++i) {
    const std::string key = "scenario_groups[" + std::to_string(i) + "]";
    ReadGroup(walker, node[i], key, groups);
    if (!groups.empty() && groups.size() == i + 1 && !names.insert(groups.back().name).second) {
      walker.Fail(node[i], key + ".name", "scenario group name used twice", groups.back().name,
                  "a name no other group has");
    }
  }
}

void CheckScenarioGroups(Walker& walker, const Config& config) {
  for (size_t g = 0; g < config.scenario_groups.size(); ++g) {
    const ScenarioGroupConfig& group = config.scenario_groups[g];
    for (const ScenarioMetricConfig& target : group.metrics) {
      const std::string key = "scenario_groups[" + std::to_string(g) + "].metrics." + target.metric;
      const auto metric = std::find_if(config.metrics.begin(), config.metrics.end(),
                                       [&](const MetricConfig& m) { return m.name == target.metric; });
      if (metric == config.metrics.end()) {
        std::string known;
        for (const MetricConfig& m : config.metrics) known += (known.empty() ? "" : ", ") + m.name;
        walker.errors().push_back({target.location, key, "no metric of that name", target.metric,
                                   "a metric's exported name (namespace and _total included): " + known});
        continue;
      }
      if (target.effect == ScenarioEffect::kGap && metric->type != MetricType::kGauge) {
        walker.errors().push_back({target.location, key, "a gap applies to gauges only", target.metric,
                                   "pin, spike, drop, flatline, counter_reset for a counter"});
      }
      if (target.effect == ScenarioEffect::kCounterReset && metric->type != MetricType::kCounter) {
        walker.errors().push_back({target.location, key, "counter_reset applies to counters only",
                                   target.metric, "pin, spike, drop, flatline, gap for a gauge"});
      }
    }
  }
}

}  // namespace promsynth
