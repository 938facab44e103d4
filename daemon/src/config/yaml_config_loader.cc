#include "config/yaml_config_loader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>

#include "config/alert_config_loader.h"
#include "config/config_error.h"
#include "config/fault_config_loader.h"
#include "config/generator_config_loader.h"
#include "config/label_range.h"
#include "config/metric_type_loader.h"
#include "config/names.h"
#include "config/remote_write_config_loader.h"
#include "config/scenario_config_loader.h"
#include "config/slo_config_loader.h"
#include "config/yaml_walker.h"

namespace promsynth {
namespace {

constexpr uint64_t kMaxValuesPerLabel = 10'000'000;
constexpr std::string_view kReservedPrefix = "promsynth_";

std::optional<uint64_t> ParseUnsigned(const std::string& text) {
  uint64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

void ReadGlobal(Walker& walker, const YAML::Node& node, GlobalConfig& global) {
  if (!walker.ExpectMap(node, "global")) return;
  walker.CheckKeys(node, "global", {"seed", "tick", "labels", "namespace"});
  if (const YAML::Node seed = node["seed"]) {
    auto value = seed.IsScalar() ? ParseUnsigned(seed.Scalar()) : std::nullopt;
    if (value) {
      global.seed = *value;
    } else {
      walker.Fail(seed, "global.seed", "not a seed", Walker::Describe(seed),
                  "an integer from 0 to 18446744073709551615");
    }
  }
  if (const YAML::Node tick = node["tick"]) {
    if (auto value = ReadPositiveDuration(walker, tick, "global.tick")) global.tick = *value;
  }
  if (const YAML::Node name_space = node["namespace"]) {
    const std::string text = Walker::Describe(name_space);
    if (!name_space.IsScalar() || !IsValidMetricName(text)) {
      walker.Fail(name_space, "global.namespace", "not a valid metric name prefix", text,
                  "letters, digits, '_' and ':', not starting with a digit");
    } else {
      global.name_space = text;
    }
  }
  if (const YAML::Node labels = node["labels"]) {
    if (walker.ExpectMap(labels, "global.labels")) {
      for (const auto& entry : labels) {
        const std::string name = entry.first.Scalar();
        const std::string key = "global.labels." + name;
        if (!IsValidLabelName(name)) {
          walker.Fail(entry.first, key, "not a valid label name", name,
                      "letters, digits and '_', not starting with a digit or '__'");
        } else if (!entry.second.IsScalar()) {
          walker.Fail(entry.second, key, "a constant label takes one value", Walker::Describe(entry.second),
                      "a single string");
        } else {
          global.labels.emplace_back(name, entry.second.Scalar());
        }
      }
      std::sort(global.labels.begin(), global.labels.end());
    }
  }
}

void AppendLabelValue(Walker& walker, const YAML::Node& item, const std::string& key, LabelValues& values) {
  if (!item.IsScalar()) {
    walker.Fail(item, key, "a label value must be a string, a number or a range", Walker::Describe(item),
                "\"GET\", 200, \"0..63\"");
    return;
  }
  const std::string& text = item.Scalar();
  if (auto range = ParseLabelRange(text)) {
    if (range->last < range->first) {
      walker.Fail(item, key, "range ends before it starts", text, "FIRST..LAST with FIRST <= LAST");
      return;
    }
    if (range->last - range->first >= kMaxValuesPerLabel) {
      walker.Fail(item, key, "range is too large", text,
                  "at most " + std::to_string(kMaxValuesPerLabel) + " values per label");
      return;
    }
    values.AddRange(*range);
    return;
  }
  values.AddText(text);
}

void ReadLabels(Walker& walker, const YAML::Node& node, const std::string& path, const GlobalConfig& global,
                std::vector<LabelDimension>& dimensions) {
  if (!walker.ExpectMap(node, path)) return;
  std::set<std::string> seen;
  for (const auto& entry : node) {
    const std::string name = entry.first.Scalar();
    const std::string key = path + "." + name;
    if (!IsValidLabelName(name)) {
      walker.Fail(entry.first, key, "not a valid label name", name,
                  "letters, digits and '_', not starting with a digit or '__'");
      continue;
    }
    if (!seen.insert(name).second) {
      walker.Fail(entry.first, key, "label given twice", name, "each label once");
      continue;
    }
    const bool is_constant = std::any_of(global.labels.begin(), global.labels.end(),
                                         [&](const auto& label) { return label.first == name; });
    if (is_constant) {
      walker.Fail(entry.first, key, "label is already a constant label in global.labels", name,
                  "a label name not used in global.labels");
      continue;
    }
    LabelDimension dimension{name, {}, walker.Where(entry.first)};
    const size_t errors_before = walker.errors().size();
    if (entry.second.IsSequence()) {
      for (const auto& item : entry.second) AppendLabelValue(walker, item, key, dimension.values);
    } else {
      AppendLabelValue(walker, entry.second, key, dimension.values);
    }
    if (walker.errors().size() != errors_before) continue;
    if (dimension.values.empty()) {
      walker.Fail(entry.second, key, "label has no values", Walker::Describe(entry.second),
                  "at least one value");
      continue;
    }
    if (auto duplicate = dimension.values.FindDuplicate()) {
      walker.Fail(entry.second, key, "duplicate label value would make duplicate series", *duplicate,
                  "each value once per label");
      continue;
    }
    dimensions.push_back(std::move(dimension));
  }
}

// `advance: tick | scrape | interval` and, for interval, `advance_interval` (default 60s).
void ReadAdvance(Walker& walker, const YAML::Node& node, const std::string& path, MetricConfig& metric) {
  const YAML::Node advance = node["advance"];
  const std::string text = advance ? Walker::Describe(advance) : "tick";
  if (text == "tick") {
    metric.advance = AdvanceMode::kTick;
  } else if (text == "scrape") {
    metric.advance = AdvanceMode::kScrape;
  } else if (text == "interval") {
    metric.advance = AdvanceMode::kInterval;
  } else {
    walker.Fail(advance, path + ".advance", "unknown advance mode", text,
                "tick (every tick), scrape (once per scrape), interval (on a scrape, at most once per "
                "advance_interval)");
  }
  if (const YAML::Node interval = node["advance_interval"]) {
    if (metric.advance != AdvanceMode::kInterval) {
      walker.Fail(interval, path + ".advance_interval",
                  "only an `advance: interval` metric takes an interval", Walker::Describe(interval),
                  "advance: interval, or no advance_interval");
    } else if (auto value = ReadPositiveDuration(walker, interval, path + ".advance_interval")) {
      metric.advance_interval = *value;
    }
  }
}

void AddExemplarLabel(Walker& walker, const YAML::Node& node, const std::string& key, MetricConfig& metric) {
  const std::string name = Walker::Describe(node);
  if (!node.IsScalar() || !IsValidLabelName(name) || name.starts_with("__")) {
    walker.Fail(node, key, "not a valid exemplar label name", name,
                "letters, digits and '_', not starting with a digit or __, e.g. trace_id");
    return;
  }
  for (const ExemplarLabel& label : metric.exemplars) {
    if (label.name == name) {
      walker.Fail(node, key, "exemplar label named twice", name, "each label once");
      return;
    }
  }
  metric.exemplars.push_back({name, name == "trace_id" ? size_t{32} : size_t{16}});
}

// `exemplars: true` (one `trace_id`), `false`, or a list of label names, each given a generated hex id.
void ReadExemplars(Walker& walker, const YAML::Node& node, const std::string& path, MetricConfig& metric) {
  const std::string key = path + ".exemplars";
  const std::string allowed =
      "true (a trace_id), false, or a list of label names such as [trace_id, span_id]";
  if (metric.type != MetricType::kCounter && metric.type != MetricType::kHistogram) {
    walker.Fail(node, key,
                "only a counter or a histogram carries exemplars (OpenMetrics puts them on _total and "
                "_bucket lines)",
                std::string(MetricTypeName(metric.type)), "remove exemplars, or type: counter or histogram");
    return;
  }
  if (node.IsScalar()) {
    const std::string text = node.Scalar();
    if (text == "true") {
      metric.exemplars.push_back({"trace_id", 32});
    } else if (text != "false") {
      walker.Fail(node, key, "not an exemplars setting", text, allowed);
    }
    return;
  }
  if (!node.IsSequence() || node.size() == 0) {
    walker.Fail(node, key, "not an exemplars setting", Walker::Describe(node), allowed);
    return;
  }
  for (size_t i = 0; i < node.size(); ++i) {
    AddExemplarLabel(walker, node[i], key + "[" + std::to_string(i) + "]", metric);
  }
  size_t chars = 0;
  for (const ExemplarLabel& label : metric.exemplars) chars += label.name.size() + label.hex_digits;
  if (chars > kMaxExemplarLabelChars) {
    walker.Fail(node, key,
                "the exemplar labels are too long for OpenMetrics (names plus their 32- or 16-digit "
                "ids)",
                std::to_string(chars) + " characters",
                "at most " + std::to_string(kMaxExemplarLabelChars) + " characters: fewer or shorter names");
  }
}

void ReadMetric(Walker& walker, const YAML::Node& node, size_t index, const GlobalConfig& global,
                std::vector<MetricConfig>& metrics) {
  const std::string path = "metrics[" + std::to_string(index) + "]";
  if (!walker.ExpectMap(node, path)) return;
  walker.CheckKeys(node, path,
                   {"name",
                    "help",
                    "unit",
                    "type",
                    "labels",
                    "tick",
                    "generator",
                    "mode",
                    "resets",
                    "gaps",
                    "buckets",
                    "quantiles",
                    "window",
                    "max_age",
                    "observations",
                    "observations_per_tick",
                    "max_observations_per_tick",
                    "alerts",
                    "advance",
                    "advance_interval",
                    "exemplars"});
  const size_t errors_before = walker.errors().size();
  MetricConfig metric;
  metric.location = walker.Where(node);
  metric.tick = global.tick;

  const YAML::Node type = node["type"];
  if (type) {
    const std::string text = Walker::Describe(type);
    if (text == "gauge") {
      metric.type = MetricType::kGauge;
    } else if (text == "counter") {
      metric.type = MetricType::kCounter;
    } else if (text == "histogram") {
      metric.type = MetricType::kHistogram;
    } else if (text == "summary") {
      metric.type = MetricType::kSummary;
    } else {
      walker.Fail(type, path + ".type", "unknown metric type", text, "gauge, counter, histogram, summary");
    }
  }

  const YAML::Node name = node["name"];
  if (!name) {
    walker.Fail(node, path + ".name", "metric has no name", "", "a metric name such as http_requests_total");
  } else {
    std::string text = Walker::Describe(name);
    if (!name.IsScalar() || !IsValidMetricName(text)) {
      walker.Fail(name, path + ".name", "not a valid metric name", text,
                  "letters, digits, '_' and ':', not starting with a digit");
    } else {
      if (!global.name_space.empty()) text = global.name_space + "_" + text;
      // Text format 0.0.4 names a counter's sample and its family alike: the `_total` suffix is part of the
      // name.
      if (metric.type == MetricType::kCounter && !text.ends_with("_total")) text += "_total";
      if (text.starts_with(kReservedPrefix)) {
        walker.Fail(name, path + ".name",
                    "names starting with promsynth_ are reserved for the daemon's own metrics", text,
                    "any other prefix");
      }
      for (std::string_view suffix : {"_bucket", "_sum", "_count"}) {
        const bool has_samples = metric.type == MetricType::kHistogram || metric.type == MetricType::kSummary;
        if (has_samples && text.ends_with(suffix)) {
          walker.Fail(name, path + ".name",
                      "a " + std::string(MetricTypeName(metric.type)) + "'s name must not end with " +
                          std::string(suffix) + " (its samples are named <name>_bucket, _sum, _count)",
                      text, "the family name, e.g. request_duration_seconds");
        }
      }
      metric.name = std::move(text);
    }
  }

  if (const YAML::Node help = node["help"]) {
    metric.help = Walker::Describe(help);
  }
  if (const YAML::Node unit = node["unit"]) {
    metric.unit = Walker::Describe(unit);
    std::string base = metric.name;
    if (metric.type == MetricType::kCounter && base.ends_with("_total")) base.resize(base.size() - 6);
    if (!IsValidLabelName(metric.unit) || !base.ends_with("_" + metric.unit)) {
      walker.Fail(unit, path + ".unit", "the metric name must end with _<unit> (OpenMetrics)", metric.unit,
                  "a unit that the name ends with, e.g. seconds for request_duration_seconds");
    }
  }
  if (const YAML::Node tick = node["tick"]) {
    if (auto value = ReadPositiveDuration(walker, tick, path + ".tick")) metric.tick = *value;
  }
  if (node["advance"] || node["advance_interval"]) ReadAdvance(walker, node, path, metric);
  if (const YAML::Node labels = node["labels"]) {
    ReadLabels(walker, labels, path + ".labels", global, metric.labels);
  }
  const bool has_observations = metric.type == MetricType::kHistogram || metric.type == MetricType::kSummary;
  const YAML::Node generator = node["generator"];
  if (has_observations) {
    // Observations instead of a generator: read with the other type-specific keys.
  } else if (!generator) {
    walker.Fail(node, path + ".generator", "metric has no generator", "",
                "e.g. {kind: uniform, low: 0, high: 1}");
  } else {
    ReadGenerator(walker, generator, path + ".generator", metric.generator);
  }
  ReadMetricTypeOptions(walker, node, path, metric);
  const std::string_view reserved_label = metric.type == MetricType::kHistogram ? "le"
                                          : metric.type == MetricType::kSummary ? "quantile"
                                                                                : "";
  if (!reserved_label.empty()) {
    for (const LabelDimension& dimension : metric.labels) {
      if (dimension.name == reserved_label) {
        walker.errors().push_back({dimension.location, path + ".labels." + dimension.name,
                                   "label " + dimension.name + " is reserved for the " +
                                       std::string(MetricTypeName(metric.type)) + "'s own samples",
                                   dimension.name, "another label name"});
      }
    }
    for (const auto& [label, value] : global.labels) {
      if (label == reserved_label) {
        walker.Fail(node, path + ".type",
                    "global.labels has the label " + label + ", which a " +
                        std::string(MetricTypeName(metric.type)) + " reserves for its own samples",
                    label, "rename the constant label");
      }
    }
  }
  if (const YAML::Node alerts = node["alerts"]) ReadAlerts(walker, alerts, path + ".alerts", metric);
  if (const YAML::Node exemplars = node["exemplars"]) ReadExemplars(walker, exemplars, path, metric);
  if (metric.help.empty()) {
    const GeneratorConfig& source = has_observations ? metric.observations.value : metric.generator;
    metric.help = "Synthetic " + std::string(MetricTypeName(metric.type)) + " from the " +
                  (source.kind.empty() ? "configured" : source.kind) + " generator.";
  }
  if (walker.errors().size() == errors_before) metrics.push_back(std::move(metric));
}

}  // namespace

Config ParseYamlConfig(std::string_view text, const std::string& file_name) {
  Walker walker(file_name);
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& error) {
    throw ConfigErrors({{{file_name, error.mark.line + 1, error.mark.column + 1},
                         "",
                         "not valid YAML: " + error.msg,
                         "",
                         ""}});
  }
  Config config;
  config.source_file = file_name;
  if (!root.IsMap()) {
    walker.Fail(root, "", "the config must be a mapping with the keys global and metrics",
                Walker::Describe(root));
    throw ConfigErrors(std::move(walker.errors()));
  }
  walker.CheckKeys(
      root, "",
      {"global", "metrics", "slos", "plugins", "alertmanager", "scenario_groups", "remote_write", "faults"});
  if (const YAML::Node plugins = root["plugins"]) {
    if (!plugins.IsSequence()) {
      walker.Fail(plugins, "plugins", "expected a list of plugin files", Walker::Describe(plugins),
                  "paths of .so files, relative to this file");
    } else {
      for (const auto& item : plugins) {
        if (!item.IsScalar() || item.Scalar().empty()) {
          walker.Fail(item, "plugins", "not a plugin path", Walker::Describe(item), "a path of a .so file");
        } else {
          config.plugins.push_back({item.Scalar(), walker.Where(item)});
        }
      }
    }
  }
  if (const YAML::Node global = root["global"]) ReadGlobal(walker, global, config.global);
  const YAML::Node metrics = root["metrics"];
  if (!metrics || !metrics.IsSequence()) {
    walker.Fail(metrics ? metrics : root, "metrics", "expected a list of metrics",
                metrics ? Walker::Describe(metrics) : "");
  } else {
    for (size_t i = 0; i < metrics.size(); ++i)
      ReadMetric(walker, metrics[i], i, config.global, config.metrics);
  }
  if (const YAML::Node slos = root["slos"]) ReadSlos(walker, slos, config.slos);
  if (const YAML::Node alertmanager = root["alertmanager"])
    ReadAlertmanager(walker, alertmanager, config.alertmanager);
  CheckAlertNamesUnique(walker, config);
  if (const YAML::Node groups = root["scenario_groups"])
    ReadScenarioGroups(walker, groups, config.scenario_groups);
  if (const YAML::Node targets = root["remote_write"]) ReadRemoteWrite(walker, targets, config.remote_write);
  if (const YAML::Node faults = root["faults"]) ReadFaults(walker, faults, config.faults);
  std::set<std::string_view> names;
  for (size_t i = 0; i < config.metrics.size(); ++i) {
    const MetricConfig& metric = config.metrics[i];
    if (!names.insert(metric.name).second) {
      walker.errors().push_back({metric.location, "metrics[" + std::to_string(i) + "].name",
                                 "metric name used twice (its series would be duplicates)", metric.name,
                                 "a name no other metric has"});
    }
  }
  CheckScenarioGroups(walker, config);
  if (!walker.errors().empty()) throw ConfigErrors(std::move(walker.errors()));
  return config;
}

Config LoadYamlConfigFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw ConfigErrors({{{path, 0, 0}, "", "cannot read the config file", "", "a readable YAML file"}});
  }
  std::ostringstream text;
  text << in.rdbuf();
  return ParseYamlConfig(text.str(), path);
}

}  // namespace promsynth
