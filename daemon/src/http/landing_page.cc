#include "http/landing_page.h"

#include "ops/build_info.h"

namespace promsynth {

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

/// A route of the daemon as the page lists it.
struct RouteEntry {
  const char* method;
  const char* path;  ///< "" stands for the telemetry path
  const char* what;
};

constexpr RouteEntry kRoutes[] = {
    {"GET", "", "metrics in the Prometheus text format (gzip when asked)"},
    {"GET", "/api/v1/status", "what this page shows, as JSON"},
    {"GET", "/api/v1/slos", "configured SLOs and their last evaluation"},
    {"GET", "/api/v1/scenarios", "netops error scenarios"},
    {"GET", "/health", "custom-metrics-generator health (seed 002)"},
    {"GET", "/-/healthy", "liveness"},
    {"GET", "/-/ready", "readiness"},
    {"POST", "/-/reload", "reload the configuration file"},
    {"POST", "/", "SLO check (Theodolite generic checker)"},
    {"POST", "/evaluate-slope", "SLO check (lag trend)"},
    {"POST", "/api/v1/scenarios/<name>/start", "start a netops scenario now"},
    {"POST", "/api/v1/scenarios/<name>/stop", "end a netops scenario"},
    {"POST", "/start", "start the netops generator with a JSON config (seed 000)"},
    {"POST", "/stop", "stop the netops generator"},
    {"POST", "/generate", "a batch of netops samples"},
};

// Polls /api/v1/status and draws: a sparkline per family (its first series), the scenarios,
// the alerts and the SLOs. No framework and nothing fetched from elsewhere, so the page works
// offline and inside clusters without egress.
constexpr const char* kScript = R"JS(
"use strict";
const SVG = "http://www.w3.org/2000/svg";
function fmt(v) {
  if (v === null || v === undefined) return "\u2013";
  const a = Math.abs(v);
  return (a !== 0 && (a >= 1e6 || a < 1e-3)) ? v.toExponential(3) : String(+v.toFixed(3));
}
function sparkline(svg, points) {
  while (svg.firstChild) svg.removeChild(svg.firstChild);
  const w = 160, h = 32, finite = points.filter(v => v !== null);
  if (finite.length === 0) return;
  let lo = Math.min(...finite), hi = Math.max(...finite);
  if (hi === lo) { lo -= 1; hi += 1; }
  const step = points.length > 1 ? w / (points.length - 1) : 0;
  let d = "", pen = false;
  points.forEach((v, i) => {
    if (v === null) { pen = false; return; }  // a gap: NaN or a stale sample
    const x = (i * step).toFixed(1), y = (h - 2 - (v - lo) / (hi - lo) * (h - 4)).toFixed(1);
    d += (pen ? "L" : "M") + x + " " + y;
    pen = true;
  });
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", d);
  svg.appendChild(path);
}
function item(list, cls, text) {
  const li = document.createElement("li");
  li.className = cls;
  li.textContent = text;
  list.appendChild(li);
}
function draw(status) {
  for (const family of status.families) {
    const row = document.querySelector('tr[data-family="' + CSS.escape(family.name) + '"]');
    if (!row) continue;
    sparkline(row.querySelector("svg.sparkline"), family.trend);
    const last = family.trend.length ? family.trend[family.trend.length - 1] : null;
    row.querySelector(".last").textContent = fmt(last);
    row.querySelector(".sample").textContent = family.sample_series;
  }
  const scenarios = document.getElementById("scenarios");
  scenarios.replaceChildren();
  const list = status.scenarios && status.scenarios.scenarios ? status.scenarios.scenarios : [];
  for (const s of list) {
    item(scenarios, s.active ? "active" : "idle",
         s.name + (s.active ? ": active" : ": idle") + (s.pending ? " (pending " + s.pending + ")" : ""));
  }
  if (list.length === 0) item(scenarios, "none", "no scenarios configured");
  const alerts = document.getElementById("alerts");
  alerts.replaceChildren();
  for (const a of status.alerts) {
    item(alerts, a.state, a.metric + ": " + a.state + " (value " + fmt(a.value) + ")" + (a.text ? " \u2013 " + a.text : ""));
  }
  if (status.alerts.length === 0) item(alerts, "none", "no alerts configured");
  const slos = document.getElementById("slos");
  slos.replaceChildren();
  for (const o of (status.slos && status.slos.slos) || []) {
    item(slos, !o.evaluated ? "pending" : o.ok ? "ok" : "failing",
         o.name + ": " + (!o.evaluated ? "not evaluated yet" : (o.ok ? "ok" : "failing") + " (" + fmt(o.value) +
         " " + o.operator + " " + fmt(o.threshold) + ")"));
  }
  if (slos.childElementCount === 0) item(slos, "none", "no SLOs configured");
  document.getElementById("updated").textContent =
      "tick " + status.ticks + ", " + new Date(status.time_ms).toISOString();
}
async function refresh() {
  try {
    const response = await fetch("/api/v1/status", {cache: "no-store"});
    if (response.ok) draw(await response.json());
  } catch (e) {
    document.getElementById("updated").textContent = "cannot reach the exporter: " + e;
  }
}
refresh();
setInterval(refresh, 1000);
)JS";

}  // namespace

std::string RenderLandingPage(const Config& config, const std::string& telemetry_path) {
  const BuildInfo& info = GetBuildInfo();
  std::string page =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>promsynth</title>\n<style>\n"
      "body{font-family:system-ui,sans-serif;margin:2rem;color:#222}"
      "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;"
      "vertical-align:middle}th{background:#f3f3f3}code{background:#f6f6f6;padding:0 .2rem}"
      "svg.sparkline{width:160px;height:32px;display:block}"
      "svg.sparkline path{fill:none;stroke:#1f6feb;stroke-width:1.5}"
      ".last{font-variant-numeric:tabular-nums;text-align:right}.sample{color:#666;font-size:.85em}"
      "li.active,li.firing,li.failing{color:#b42318;font-weight:600}li.ok{color:#067647}"
      "#updated{color:#666}\n"
      "</style>\n</head>\n<body>\n<h1>promsynth</h1>\n"
      "<p>Synthetic Prometheus metrics: deterministic series for testing alerts, dashboards and SLOs. "
      "Version " +
      EscapeHtml(info.version) + ", revision " + EscapeHtml(info.revision) + ". " +
      std::to_string(config.SeriesCount()) + " time series exposed (" +
      std::to_string(config.LabelSetCount()) +
      " label sets: a histogram or summary exposes several series per label set) from <code>" +
      EscapeHtml(config.source_file) +
      "</code>. <span id=\"updated\"></span></p>\n"
      "<h2>Metric families</h2>\n<table id=\"families\">\n"
      "<tr><th>name</th><th>type</th><th>series</th><th>generator</th><th>tick</th><th>recent values</th>"
      "<th>last</th><th>help</th></tr>\n";
  for (const MetricConfig& metric : config.metrics) {
    const std::string name = EscapeHtml(metric.name);
    const std::string& kind =
        metric.generator.kind.empty() ? metric.observations.value.kind : metric.generator.kind;
    page += "<tr data-family=\"" + name + "\"><td><code>" + name +
            "</code><div class=\"sample\"></div></td><td>" + std::string(MetricTypeName(metric.type)) +
            "</td><td>" + std::to_string(metric.SeriesCount()) + "</td><td>" + EscapeHtml(kind) +
            "</td><td>" + FormatDuration(metric.tick) +
            "</td><td><svg class=\"sparkline\" viewBox=\"0 0 160 32\" role=\"img\" aria-label=\"recent "
            "values of " +
            name + "\"></svg></td><td class=\"last\"></td><td>" + EscapeHtml(metric.help) + "</td></tr>\n";
  }
  page +=
      "</table>\n<h2>Scenarios</h2>\n<ul id=\"scenarios\"></ul>\n<h2>Alerts</h2>\n<ul id=\"alerts\"></ul>\n"
      "<h2>SLOs</h2>\n<ul id=\"slos\"></ul>\n<h2>Routes</h2>\n<table id=\"routes\">\n"
      "<tr><th>method</th><th>path</th><th>what</th></tr>\n";
  for (const RouteEntry& route : kRoutes) {
    const std::string path = EscapeHtml(*route.path == '\0' ? telemetry_path : std::string(route.path));
    const bool link = std::string_view(route.method) == "GET";
    page += "<tr><td>" + std::string(route.method) + "</td><td>" +
            (link ? "<a href=\"" + path + "\">" + path + "</a>" : "<code>" + path + "</code>") + "</td><td>" +
            route.what + "</td></tr>\n";
  }
  page += "</table>\n<script>" + std::string(kScript) + "</script>\n</body>\n</html>\n";
  return page;
}

}  // namespace promsynth
