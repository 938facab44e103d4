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

std::string RenderLandingPage(const Config& config, const std::string& telemetry_path) {
  const std::string metrics = EscapeHtml(telemetry_path);
  std::string page =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<title>promsynth</title>\n<style>\n"
      "body{font-family:system-ui,sans-serif;margin:2rem;color:#222}"
      "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}"
      "th{background:#f3f3f3}code{background:#f6f6f6;padding:0 .2rem}\n"
      "</style>\n</head>\n<body>\n<h1>promsynth</h1>\n"
      "<p>Synthetic Prometheus metrics: deterministic series for testing alerts, dashboards and SLOs. "
      "Version " +
      EscapeHtml(GetBuildInfo().version) + ", revision " + EscapeHtml(GetBuildInfo().revision) +
      ".</p>\n<h2>Routes</h2>\n<ul>\n"
      "<li><a href=\"" +
      metrics + "\">" + metrics +
      "</a>: metrics in the Prometheus text format</li>\n"
      "<li><a href=\"/-/healthy\">/-/healthy</a>: liveness</li>\n"
      "<li><a href=\"/-/ready\">/-/ready</a>: readiness</li>\n"
      "<li><code>POST /-/reload</code>: reload the configuration file</li>\n"
      "</ul>\n<h2>Configured metrics</h2>\n<table>\n"
      "<tr><th>name</th><th>type</th><th>series</th><th>generator</th><th>tick</th><th>help</th></tr>\n";
  for (const MetricConfig& metric : config.metrics) {
    page +=
        "<tr><td><code>" + EscapeHtml(metric.name) + "</code></td><td>" +
        std::string(MetricTypeName(metric.type)) + "</td><td>" + std::to_string(metric.SeriesCount()) +
        "</td><td>" +
        EscapeHtml(metric.generator.kind.empty() ? metric.observations.value.kind : metric.generator.kind) +
        "</td><td>" + FormatDuration(metric.tick) + "</td><td>" + EscapeHtml(metric.help) + "</td></tr>\n";
  }
  page += "</table>\n<p>" + std::to_string(config.SeriesCount()) + " series from <code>" +
          EscapeHtml(config.source_file) + "</code>.</p>\n</body>\n</html>\n";
  return page;
}

}  // namespace promsynth
