#pragma once

#include <string>
#include <vector>

#include "alerting/alert_rule.h"
#include "config/config.h"
#include "netops/netops_config.h"

namespace promsynth {

/// One metric family as a dashboard shows it.
struct DashboardMetric {
  std::string name;  ///< exposition name
  std::string help;
  std::string unit;
  bool counter = false;
  std::vector<AlertRuleConfig> alerts;
};

/// What the dashboard covers.
struct DashboardSpec {
  std::string title;
  std::vector<DashboardMetric> metrics;
  std::vector<std::string> state_series;  ///< 0/1 series drawn as a state timeline (netops scenarios…)
  bool alerts_panel = false;              ///< a panel of Prometheus' ALERTS series
};

/// The dashboard of a promsynth YAML config: every family, and the firing alerts when it has alerts.
DashboardSpec DashboardOf(const Config& config);
/// The dashboard of a netops generator config: its metrics and the scenario and error flags.
DashboardSpec DashboardOf(const netops::NetopsConfig& config, const std::string& title);

/// A Grafana dashboard (JSON model, schemaVersion 38) for a Prometheus data source chosen with
/// the `datasource` variable: one time-series panel per family (a gauge's value; a counter's
/// `rate(…[1m])`, or `idelta(…[5m])` when it has alerts, which compare the per-tick increment),
/// the alert thresholds drawn as lines coloured by severity, then the state panels. Deterministic:
/// the same config gives the same bytes.
std::string RenderDashboard(const DashboardSpec& spec);

}  // namespace promsynth
