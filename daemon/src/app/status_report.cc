#include "app/status_report.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>

#include "ops/build_info.h"

namespace promsynth {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void String(JsonWriter& writer, std::string_view text) {
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

void Number(JsonWriter& writer, double value) {
  if (std::isfinite(value)) {
    writer.Double(value);
  } else {
    writer.Null();  // JSON has no NaN or Inf; the page draws a gap
  }
}

/// A nested JSON document produced elsewhere, or null when there is none.
void Embedded(JsonWriter& writer, const std::string& json) {
  if (json.empty()) {
    writer.Null();
  } else {
    writer.RawValue(json.data(), json.size(), rapidjson::kObjectType);
  }
}

void Families(JsonWriter& writer, const StatusReport& report) {
  writer.StartArray();
  for (size_t i = 0; i < report.config->metrics.size(); ++i) {
    const MetricConfig& metric = report.config->metrics[i];
    writer.StartObject();
    writer.Key("name");
    String(writer, metric.name);
    writer.Key("type");
    String(writer, MetricTypeName(metric.type));
    writer.Key("unit");
    String(writer, metric.unit);
    writer.Key("help");
    String(writer, metric.help);
    writer.Key("series");
    writer.Uint64(metric.SeriesCount());
    writer.Key("generator");
    String(writer, metric.generator.kind.empty() ? metric.observations.value.kind : metric.generator.kind);
    writer.Key("tick_ms");
    writer.Int64(metric.tick.count());
    // Trends follow the layout, which follows the config's order.
    const FamilyTrends::Trend* trend = i < report.trends.size() ? &report.trends[i] : nullptr;
    writer.Key("sample_series");
    String(writer, trend != nullptr ? metric.name + trend->series : metric.name);
    writer.Key("trend");
    writer.StartArray();
    if (trend != nullptr) {
      for (double value : trend->values) Number(writer, value);
    }
    writer.EndArray();
    writer.EndObject();
  }
  writer.EndArray();
}

void Alerts(JsonWriter& writer, const StatusReport& report) {
  writer.StartArray();
  for (const NetopsRuntime::AlertState& alert : report.alerts) {
    writer.StartObject();
    writer.Key("metric");
    String(writer, alert.metric);
    writer.Key("state");
    String(writer, alert.firing ? "firing" : "inactive");
    writer.Key("value");
    Number(writer, alert.value);
    writer.Key("text");
    String(writer, alert.text);
    writer.EndObject();
  }
  writer.EndArray();
}

}  // namespace

std::string RenderStatusJson(const StatusReport& report) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  const BuildInfo& info = GetBuildInfo();
  writer.StartObject();
  writer.Key("version");
  String(writer, info.version);
  writer.Key("revision");
  String(writer, info.revision);
  writer.Key("config_file");
  String(writer, report.config->source_file);
  writer.Key("series");
  writer.Uint64(report.series);
  writer.Key("ticks");
  writer.Uint64(report.ticks);
  writer.Key("time_ms");
  writer.Int64(report.time_ms);
  writer.Key("families");
  Families(writer, report);
  writer.Key("scenarios");
  Embedded(writer, report.scenarios_json);
  writer.Key("alerts");
  Alerts(writer, report);
  writer.Key("slos");
  Embedded(writer, report.slos_json);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace promsynth
