#include "alerting/dashboard_writer.h"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <filesystem>

#include "alerting/netops_alert_rules.h"
#include "netops/counter_total.h"

namespace promsynth {
namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

constexpr int kWidth = 12;
constexpr int kHeight = 8;

void Key(Writer& w, const char* key) { w.Key(key); }
void String(Writer& w, const std::string& text) {
  w.String(text.c_str(), static_cast<rapidjson::SizeType>(text.size()));
}
void Member(Writer& w, const char* key, const std::string& text) {
  w.Key(key);
  String(w, text);
}

const char* SeverityColor(const std::string& severity) {
  if (severity == "critical") return "red";
  if (severity == "warning") return "orange";
  return "yellow";
}

int SeverityRank(const std::string& severity) {
  if (severity == "critical") return 3;
  if (severity == "warning") return 2;
  return 1;
}

/// Grafana's threshold steps: each step colours the values from its own up to the next one. Each
/// region between two thresholds takes the colour of the worst alert that fires inside it.
void WriteThresholds(Writer& w, const std::vector<AlertRuleConfig>& alerts) {
  std::vector<double> cuts;
  for (const AlertRuleConfig& alert : alerts) cuts.push_back(alert.threshold);
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  auto color_at = [&](double value) -> std::string {
    int rank = 0;
    std::string color = "green";
    for (const AlertRuleConfig& alert : alerts) {
      if (AlertCondition(alert, value) && SeverityRank(alert.severity) > rank) {
        rank = SeverityRank(alert.severity);
        color = SeverityColor(alert.severity);
      }
    }
    return color;
  };
  Key(w, "thresholds");
  w.StartObject();
  Member(w, "mode", "absolute");
  Key(w, "steps");
  w.StartArray();
  w.StartObject();
  Member(w, "color", color_at(cuts.empty() ? 0 : cuts.front() - 1));
  Key(w, "value");
  w.Null();
  w.EndObject();
  for (size_t i = 0; i < cuts.size(); ++i) {
    const double inside = i + 1 < cuts.size() ? (cuts[i] + cuts[i + 1]) / 2 : cuts[i] + 1;
    // A value exactly on a `below` threshold alerts too; the step starts there, so look inside.
    w.StartObject();
    Member(w, "color", color_at(inside));
    Key(w, "value");
    w.Double(cuts[i]);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void WriteDatasource(Writer& w) {
  Key(w, "datasource");
  w.StartObject();
  Member(w, "type", "prometheus");
  Member(w, "uid", "${datasource}");
  w.EndObject();
}

void WriteTarget(Writer& w, const std::string& expr, const std::string& legend) {
  Key(w, "targets");
  w.StartArray();
  w.StartObject();
  WriteDatasource(w);
  Member(w, "refId", "A");
  Member(w, "expr", expr);
  Member(w, "legendFormat", legend);
  w.EndObject();
  w.EndArray();
}

void WriteGrid(Writer& w, int index) {
  Key(w, "gridPos");
  w.StartObject();
  Key(w, "h");
  w.Int(kHeight);
  Key(w, "w");
  w.Int(kWidth);
  Key(w, "x");
  w.Int((index % 2) * kWidth);
  Key(w, "y");
  w.Int((index / 2) * kHeight);
  w.EndObject();
}

std::string GrafanaUnit(const std::string& unit, bool counter) {
  if (unit == "seconds") return "s";
  if (unit == "bytes") return counter ? "Bps" : "bytes";
  if (unit == "ratio") return "percentunit";
  if (unit == "percent") return "percent";
  if (unit == "celsius") return "celsius";
  return counter ? "ops" : "short";
}

void WriteMetricPanel(Writer& w, const DashboardMetric& metric, int index) {
  w.StartObject();
  Key(w, "id");
  w.Int(index + 1);
  Member(w, "type", "timeseries");
  Member(w, "title", metric.name);
  Member(w, "description", metric.help);
  WriteDatasource(w);
  WriteGrid(w, index);
  std::string expr = metric.name;
  if (metric.counter) {
    expr = metric.alerts.empty() ? "rate(" + metric.name + "[1m])"
                                 : "idelta(" + metric.name + "[" + std::string(kCounterWindow) + "])";
  }
  WriteTarget(w, expr, "");
  Key(w, "fieldConfig");
  w.StartObject();
  Key(w, "defaults");
  w.StartObject();
  Member(w, "unit",
         metric.alerts.empty() || !metric.counter ? GrafanaUnit(metric.unit, metric.counter) : "short");
  Key(w, "custom");
  w.StartObject();
  Key(w, "thresholdsStyle");
  w.StartObject();
  Member(w, "mode", metric.alerts.empty() ? "off" : "line+area");
  w.EndObject();
  w.EndObject();
  WriteThresholds(w, metric.alerts);
  w.EndObject();
  Key(w, "overrides");
  w.StartArray();
  w.EndArray();
  w.EndObject();
  w.EndObject();
}

void WriteStatePanel(Writer& w, const std::string& title, const std::string& expr, const std::string& legend,
                     int id, int index) {
  w.StartObject();
  Key(w, "id");
  w.Int(id);
  Member(w, "type", "state-timeline");
  Member(w, "title", title);
  WriteDatasource(w);
  WriteGrid(w, index);
  WriteTarget(w, expr, legend);
  w.EndObject();
}

}  // namespace

DashboardSpec DashboardOf(const Config& config) {
  DashboardSpec spec;
  spec.title = "promsynth: " + std::filesystem::path(config.source_file).stem().string();
  for (const MetricConfig& metric : config.metrics) {
    spec.metrics.push_back(
        {metric.name, metric.help, metric.unit, metric.type == MetricType::kCounter, metric.alerts});
    if (!metric.alerts.empty()) spec.alerts_panel = true;
  }
  return spec;
}

DashboardSpec DashboardOf(const netops::NetopsConfig& config, const std::string& title) {
  DashboardSpec spec;
  spec.title = "promsynth netops: " + title;
  const std::vector<AlertRule> rules = NetopsAlertRules(config);
  for (size_t m = 0; m < config.metrics.size(); ++m) {
    DashboardMetric metric;
    metric.counter = netops::IsCounter(config.metrics[m]);
    metric.name = NetopsExportedName(config.metrics[m].name, metric.counter);
    for (const AlertRule& rule : rules) {
      if (rule.family == m) metric.alerts.push_back(rule.alert);
    }
    metric.help = "netops metric " + config.metrics[m].name + ".";
    spec.metrics.push_back(std::move(metric));
  }
  spec.state_series = {"netops_scenario_active", "netops_is_error"};
  spec.alerts_panel = !rules.empty();
  return spec;
}

std::string RenderDashboard(const DashboardSpec& spec) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  Member(w, "title", spec.title);
  Member(w, "uid", "");
  Key(w, "tags");
  w.StartArray();
  w.String("promsynth");
  w.EndArray();
  Member(w, "timezone", "browser");
  Key(w, "schemaVersion");
  w.Int(38);
  Key(w, "version");
  w.Int(1);
  Member(w, "refresh", "5s");
  Key(w, "editable");
  w.Bool(true);
  Key(w, "time");
  w.StartObject();
  Member(w, "from", "now-15m");
  Member(w, "to", "now");
  w.EndObject();
  Key(w, "templating");
  w.StartObject();
  Key(w, "list");
  w.StartArray();
  w.StartObject();
  Member(w, "name", "datasource");
  Member(w, "label", "Data source");
  Member(w, "type", "datasource");
  Member(w, "query", "prometheus");
  w.EndObject();
  w.EndArray();
  w.EndObject();
  Key(w, "panels");
  w.StartArray();
  int index = 0;
  for (const DashboardMetric& metric : spec.metrics) WriteMetricPanel(w, metric, index++);
  for (const std::string& series : spec.state_series) {
    const std::string title = series == "netops_scenario_active" ? "Active scenarios" : series;
    const std::string legend = series == "netops_scenario_active" ? "{{scenario}}" : "{{metric}}";
    WriteStatePanel(w, title, series, legend, index + 1, index);
    ++index;
  }
  if (spec.alerts_panel) {
    WriteStatePanel(w, "Firing alerts", "ALERTS{alertstate=\"firing\"}", "{{alertname}}", index + 1, index);
    ++index;
  }
  w.EndArray();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace promsynth
