#include "config/alert_config_loader.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "config/annotation_template.h"
#include "config/names.h"

namespace promsynth {
namespace {

void ReadTemplate(Walker& walker, const YAML::Node& node, const std::string& key, std::string& out) {
  if (!node.IsScalar()) {
    walker.Fail(node, key, "expected a text", Walker::Describe(node),
                "a string with {{ $value }} or StatReplace");
    return;
  }
  std::string text = StatReplaceToValueAction(node.Scalar());
  std::string bad_action;
  if (!AnnotationTemplate::Parse(text, bad_action)) {
    walker.Fail(node, key, "unsupported template action", bad_action,
                "{{ $value }}, {{ $labels.NAME }} or StatReplace (promsynth evaluates the text itself)");
    return;
  }
  out = std::move(text);
}

void ReadAlertLabels(Walker& walker, const YAML::Node& node, const std::string& key, AlertRuleConfig& alert) {
  if (!walker.ExpectMap(node, key)) return;
  for (const auto& entry : node) {
    const std::string name = entry.first.Scalar();
    const std::string label_key = key + "." + name;
    if (!IsValidLabelName(name)) {
      walker.Fail(entry.first, label_key, "not a valid label name", name,
                  "letters, digits and '_', not starting with a digit or '__'");
    } else if (name == "alertname" || name == "severity") {
      walker.Fail(entry.first, label_key, "label is set by the alert itself", name,
                  "the alert's name: and severity: keys");
    } else if (!entry.second.IsScalar()) {
      walker.Fail(entry.second, label_key, "a label takes one value", Walker::Describe(entry.second),
                  "a single string");
    } else {
      alert.labels.emplace_back(name, entry.second.Scalar());
    }
  }
  std::sort(alert.labels.begin(), alert.labels.end());
}

void ReadAlert(Walker& walker, const YAML::Node& node, const std::string& path, MetricConfig& metric) {
  if (!walker.ExpectMap(node, path)) return;
  walker.CheckKeys(node, path,
                   {"name", "threshold", "direction", "for", "severity", "summary", "description", "labels"});
  const size_t errors_before = walker.errors().size();
  AlertRuleConfig alert;
  alert.location = walker.Where(node);
  const YAML::Node name = node["name"];
  if (!name) {
    walker.Fail(node, path + ".name", "alert has no name", "", "an alert name such as HighLatency");
  } else if (!name.IsScalar() || !IsValidMetricName(name.Scalar())) {
    walker.Fail(name, path + ".name", "not a valid alert name", Walker::Describe(name),
                "letters, digits, '_' and ':', not starting with a digit");
  } else {
    alert.name = name.Scalar();
  }
  const YAML::Node threshold = node["threshold"];
  if (!threshold) {
    walker.Fail(node, path + ".threshold", "alert has no threshold", "", "a number");
  } else {
    const double value = threshold.IsScalar() ? ParseNumber(threshold.Scalar()).value_or(NAN) : NAN;
    if (std::isfinite(value)) {
      alert.threshold = value;
    } else {
      walker.Fail(threshold, path + ".threshold", "not a finite number", Walker::Describe(threshold),
                  "a number");
    }
  }
  if (const YAML::Node direction = node["direction"]) {
    const std::string text = Walker::Describe(direction);
    if (text == "above") {
      alert.direction = AlertDirection::kAbove;
    } else if (text == "below") {
      alert.direction = AlertDirection::kBelow;
    } else {
      walker.Fail(direction, path + ".direction", "unknown direction", text,
                  "above (fires on value >= threshold), below (value <= threshold)");
    }
  }
  if (const YAML::Node for_node = node["for"]) {
    const std::optional<Millis> duration =
        for_node.IsScalar() ? ParseDuration(for_node.Scalar()) : std::optional<Millis>();
    if (!duration) {
      walker.Fail(for_node, path + ".for", "not a duration", Walker::Describe(for_node),
                  "Prometheus notation such as 0s, 30s, 5m");
    } else {
      alert.for_text = for_node.Scalar();
      alert.for_duration = *duration;
    }
  }
  if (const YAML::Node severity = node["severity"]) {
    if (!severity.IsScalar() || severity.Scalar().empty()) {
      walker.Fail(severity, path + ".severity", "expected a severity", Walker::Describe(severity),
                  "e.g. critical, warning, info");
    } else {
      alert.severity = severity.Scalar();
    }
  }
  if (const YAML::Node summary = node["summary"])
    ReadTemplate(walker, summary, path + ".summary", alert.summary);
  if (const YAML::Node description = node["description"]) {
    ReadTemplate(walker, description, path + ".description", alert.description);
  }
  if (const YAML::Node labels = node["labels"]) ReadAlertLabels(walker, labels, path + ".labels", alert);
  if (walker.errors().size() == errors_before) metric.alerts.push_back(std::move(alert));
}

}  // namespace

std::string StatReplaceToValueAction(std::string_view text) {
  std::string out;
  size_t from = 0;
  while (true) {
    const size_t at = text.find(kStatReplace, from);
    if (at == std::string_view::npos) break;
    out.append(text.substr(from, at - from));
    out.append(kValueAction);
    from = at + kStatReplace.size();
  }
  out.append(text.substr(from));
  return out;
}

void ReadAlerts(Walker& walker, const YAML::Node& node, const std::string& path, MetricConfig& metric) {
  if (!node.IsSequence()) {
    walker.Fail(node, path, "expected a list of alerts", Walker::Describe(node),
                "e.g. [{name: HighLatency, threshold: 0.5, for: 30s}]");
    return;
  }
  if (metric.type != MetricType::kGauge && metric.type != MetricType::kCounter) {
    walker.Fail(node, path, "alerts are supported on gauges and counters", "", "a gauge or a counter");
    return;
  }
  for (size_t i = 0; i < node.size(); ++i)
    ReadAlert(walker, node[i], path + "[" + std::to_string(i) + "]", metric);
}

void ReadAlertmanager(Walker& walker, const YAML::Node& node, std::optional<AlertmanagerConfig>& out) {
  if (!walker.ExpectMap(node, "alertmanager")) return;
  walker.CheckKeys(node, "alertmanager", {"url", "timeout", "resend_interval", "generator_url"});
  AlertmanagerConfig config;
  config.location = walker.Where(node);
  const YAML::Node url = node["url"];
  if (!url) {
    walker.Fail(node, "alertmanager.url", "Alertmanager has no url", "", "e.g. http://127.0.0.1:9093");
    return;
  }
  const std::string text = Walker::Describe(url);
  if (!url.IsScalar() || !(text.starts_with("http://") || text.starts_with("https://"))) {
    walker.Fail(url, "alertmanager.url", "not an http(s) URL", text, "e.g. http://127.0.0.1:9093");
    return;
  }
  config.url = text;
  while (config.url.ends_with('/')) config.url.pop_back();
  if (const YAML::Node timeout = node["timeout"]) {
    if (auto value = ReadPositiveDuration(walker, timeout, "alertmanager.timeout", "timeout"))
      config.timeout = *value;
  }
  if (const YAML::Node resend = node["resend_interval"]) {
    if (auto value =
            ReadPositiveDuration(walker, resend, "alertmanager.resend_interval", "resend_interval")) {
      config.resend_interval = *value;
    }
  }
  if (const YAML::Node generator_url = node["generator_url"])
    config.generator_url = Walker::Describe(generator_url);
  out = std::move(config);
}

void CheckAlertNamesUnique(Walker& walker, const Config& config) {
  std::set<std::string> seen;
  for (size_t m = 0; m < config.metrics.size(); ++m) {
    for (size_t a = 0; a < config.metrics[m].alerts.size(); ++a) {
      const AlertRuleConfig& alert = config.metrics[m].alerts[a];
      if (!seen.insert(alert.name).second) {
        walker.errors().push_back(
            {alert.location, "metrics[" + std::to_string(m) + "].alerts[" + std::to_string(a) + "].name",
             "alert name used twice", alert.name, "a name no other alert has"});
      }
    }
  }
}

}  // namespace promsynth
