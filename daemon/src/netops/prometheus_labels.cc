#include "netops/prometheus_labels.h"

#include <set>

#include "compat/python_float_format.h"

namespace promsynth::netops {
namespace {

bool IsNameChar(char c, bool first) {
  const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  return letter || (!first && c >= '0' && c <= '9');
}

std::string SanitizeName(const std::string& name) {
  std::string out;
  if (!name.empty() && name[0] >= '0' && name[0] <= '9') out += '_';
  for (char c : name) out += IsNameChar(c, out.empty()) ? c : '_';
  return out;
}

std::string PythonStr(const JsonValue& value) {
  switch (value.kind) {
    case JsonValue::Kind::kNull:
      return "None";
    case JsonValue::Kind::kBool:
      return value.boolean ? "True" : "False";
    case JsonValue::Kind::kInt:
      return std::to_string(value.integer);
    case JsonValue::Kind::kDouble:
      return compat::FormatPythonFloat(value.number);
    case JsonValue::Kind::kString:
      return value.text;
    case JsonValue::Kind::kArray:
    case JsonValue::Kind::kObject:
      break;
  }
  std::string out;
  AppendPythonJson(out, value);
  return out;
}

}  // namespace

std::vector<LabelPair> PrometheusLabels(const JsonValue& labels) {
  std::vector<LabelPair> out;
  if (labels.kind != JsonValue::Kind::kObject) return out;
  std::set<std::string, std::less<>> seen;
  for (const auto& [name, value] : labels.members) {
    std::string label = SanitizeName(name);
    if (label.empty() || label.rfind("__", 0) == 0 || !seen.insert(label).second) continue;
    out.emplace_back(std::move(label), PythonStr(value));
  }
  return out;
}

std::string PrometheusMetricName(std::string_view name) {
  std::string out;
  for (char c : name) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == ':';
    out += ok ? c : '_';
  }
  if (out.empty() || (out[0] >= '0' && out[0] <= '9')) out = "_" + out;
  return out;
}

}  // namespace promsynth::netops
