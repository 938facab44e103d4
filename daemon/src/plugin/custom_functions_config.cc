#include "plugin/custom_functions_config.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>
#include <vector>

#include "config/config_error.h"
#include "config/names.h"

namespace promsynth {
namespace {

constexpr std::array<std::string_view, 5> kKeys = {"name", "metric_type", "custom_function", "reset_interval",
                                                   "labels"};
constexpr std::string_view kAllowedKeys = "name, metric_type, custom_function, reset_interval, labels";

// Strings of an in-situ parse point into the parsed buffer, which gives them a source position
// that rapidjson's DOM does not record otherwise.
class Positions {
 public:
  Positions(std::string_view text, const char* buffer, std::string file)
      : text_(text), buffer_(buffer), file_(std::move(file)) {}

  SourceLocation AtOffset(size_t offset) const {
    SourceLocation location{file_, 1, 1};
    for (size_t i = 0; i < offset && i < text_.size(); ++i) {
      if (text_[i] == '\n') {
        ++location.line;
        location.column = 1;
      } else {
        ++location.column;
      }
    }
    return location;
  }
  /// The opening quote of a string that came from the buffer.
  SourceLocation Of(const rapidjson::Value& string) const {
    return AtOffset(static_cast<size_t>(string.GetString() - buffer_) - 1);
  }
  SourceLocation FirstToken() const { return AtOffset(text_.find_first_not_of(" \t\r\n")); }
  const std::string& file() const { return file_; }

 private:
  std::string_view text_;
  const char* buffer_;
  std::string file_;
};

std::string Describe(const rapidjson::Value& value) {
  if (value.IsString()) return value.GetString();
  if (value.IsBool()) return value.GetBool() ? "true" : "false";
  if (value.IsNull()) return "null";
  if (value.IsInt64()) return std::to_string(value.GetInt64());
  if (value.IsNumber()) return std::to_string(value.GetDouble());
  return value.IsArray() ? "<array>" : "<object>";
}

// A label value as the original prints it: Python's str() of the JSON value.
std::optional<std::string> LabelText(const rapidjson::Value& value) {
  if (value.IsString()) return std::string(value.GetString(), value.GetStringLength());
  if (value.IsBool()) return value.GetBool() ? "True" : "False";
  if (value.IsInt64()) return std::to_string(value.GetInt64());
  return std::nullopt;
}

struct EntryReader {
  const Positions& positions;
  const CustomFunctionsOptions& options;
  std::vector<ConfigError>& errors;

  // Returns the metric when the entry is valid.
  std::optional<MetricConfig> Read(const rapidjson::Value& entry, const std::string& path,
                                   const SourceLocation& fallback) {
    if (!entry.IsObject()) {
      errors.push_back({fallback, path, "expected an object", Describe(entry), "{\"name\": ..., ...}"});
      return std::nullopt;
    }
    const SourceLocation where = entry.MemberCount() > 0 ? positions.Of(entry.MemberBegin()->name) : fallback;
    const size_t errors_before = errors.size();
    std::map<std::string, const rapidjson::Value::Member*, std::less<>> members;
    for (const auto& member : entry.GetObject()) {
      const std::string key(member.name.GetString(), member.name.GetStringLength());
      if (std::find(kKeys.begin(), kKeys.end(), key) == kKeys.end()) {
        errors.push_back({positions.Of(member.name), path + "." + key,
                          "unknown key (the original refuses it with a TypeError)", key,
                          std::string(kAllowedKeys)});
        continue;
      }
      members[key] = &member;  // like Python's json module, a repeated key keeps its last value
    }
    auto text_of = [&](std::string_view key, bool non_empty) -> std::optional<std::string> {
      auto it = members.find(key);
      if (it == members.end()) {
        errors.push_back({where, path + "." + std::string(key), "missing required key", "", "a string"});
        return std::nullopt;
      }
      const rapidjson::Value& value = it->second->value;
      if (!value.IsString() || (non_empty && value.GetStringLength() == 0)) {
        errors.push_back({value.IsString() ? positions.Of(value) : positions.Of(it->second->name),
                          path + "." + std::string(key),
                          non_empty ? "expected a non-empty string" : "expected a string", Describe(value),
                          non_empty ? "a non-empty string" : "a string"});
        return std::nullopt;
      }
      return std::string(value.GetString(), value.GetStringLength());
    };

    MetricConfig metric;
    metric.location = where;
    metric.tick = options.tick;
    metric.advance = options.advance;
    metric.advance_interval = options.advance_interval;
    const auto name = text_of("name", true);
    if (name) {
      metric.name = options.prefix + *name;
      if (!IsValidMetricName(metric.name)) {
        errors.push_back({positions.Of(members.at("name")->value), path + ".name", "not a valid metric name",
                          metric.name, "[a-zA-Z_:][a-zA-Z0-9_:]* after the prefix " + options.prefix});
      }
    }
    if (const auto type = text_of("metric_type", false)) {
      if (*type == "gauge") {
        metric.type = MetricType::kGauge;
      } else if (*type == "counter") {
        if (options.counters_as_counters) {
          metric.type = MetricType::kCounter;
          if (!metric.name.ends_with("_total")) metric.name += "_total";
        }
      } else {
        errors.push_back({positions.Of(members.at("metric_type")->value), path + ".metric_type",
                          "unknown metric type", *type, "gauge, counter"});
      }
    }
    if (const auto function = text_of("custom_function", true)) {
      const auto mapped = options.function_kinds.find(*function);
      metric.generator.kind = mapped == options.function_kinds.end() ? *function : mapped->second;
      metric.generator.location = positions.Of(members.at("custom_function")->value);
      metric.generator.kind_location = metric.generator.location;
      metric.help = "Custom function " + *function + " (custom metrics generator config).";
    }
    GeneratorParam reset{.kind = GeneratorParam::Kind::kNumber, .number = 0, .location = where};
    if (auto it = members.find("reset_interval"); it != members.end()) {
      const rapidjson::Value& value = it->second->value;
      reset.location = positions.Of(it->second->name);
      if (!value.IsNumber() || !std::isfinite(value.GetDouble()) ||
          value.GetDouble() != std::trunc(value.GetDouble())) {
        errors.push_back({reset.location, path + ".reset_interval", "expected a whole number",
                          Describe(value), "a whole number of steps; 0 or negative = never reset"});
      } else {
        reset.number = value.GetDouble();
      }
    }
    metric.generator.params["reset_interval"] = reset;
    if (auto it = members.find("labels"); it != members.end()) {
      const rapidjson::Value& labels = it->second->value;
      if (!labels.IsObject()) {
        errors.push_back({positions.Of(it->second->name), path + ".labels", "expected an object",
                          Describe(labels), "{\"label\": \"value\", ...}"});
      } else {
        for (const auto& label : labels.GetObject()) {
          const std::string label_name(label.name.GetString(), label.name.GetStringLength());
          const std::string key = path + ".labels." + label_name;
          if (!IsValidLabelName(label_name)) {
            errors.push_back({positions.Of(label.name), key, "not a valid label name", label_name,
                              "[a-zA-Z_][a-zA-Z0-9_]*, not starting with __"});
            continue;
          }
          const auto value = LabelText(label.value);
          if (!value) {
            errors.push_back({positions.Of(label.name), key, "expected a label value", Describe(label.value),
                              "a string, an integer or a boolean"});
            continue;
          }
          LabelDimension dimension{.name = label_name, .values = {}, .location = positions.Of(label.name)};
          dimension.values.AddText(*value);
          metric.labels.push_back(std::move(dimension));
        }
      }
    }
    if (errors.size() != errors_before) return std::nullopt;
    return metric;
  }
};

}  // namespace

Config ParseCustomFunctionsConfig(std::string_view text, const std::string& source_file,
                                  const CustomFunctionsOptions& options) {
  std::string buffer(text);
  rapidjson::Document document;
  document.ParseInsitu(buffer.data());
  const Positions positions(text, buffer.data(), source_file);
  if (document.HasParseError()) {
    throw ConfigErrors({{positions.AtOffset(document.GetErrorOffset()), "", "invalid JSON",
                         rapidjson::GetParseError_En(document.GetParseError()),
                         "a JSON array of {\"name\", \"metric_type\", \"custom_function\"} objects"}});
  }
  if (!document.IsArray()) {
    throw ConfigErrors(
        {{positions.FirstToken(), "", "a custom-functions config must be a JSON array", Describe(document),
          "[{\"name\": ..., \"metric_type\": ..., \"custom_function\": ...}]"}});
  }
  Config config;
  config.source_file = source_file;
  config.global.tick = options.tick;
  std::vector<ConfigError> errors;
  EntryReader reader{positions, options, errors};
  std::map<std::string, SourceLocation> seen;
  const SourceLocation array_start = positions.FirstToken();
  for (rapidjson::SizeType i = 0; i < document.Size(); ++i) {
    const std::string path = "[" + std::to_string(i) + "]";
    auto metric = reader.Read(document[i], path, array_start);
    if (!metric) continue;
    auto [it, inserted] = seen.emplace(metric->name, metric->location);
    if (!inserted) {
      errors.push_back({metric->location, path + ".name", "duplicate metric name", metric->name,
                        "a name not used before (first used at " + it->second.ToString() + ")"});
      continue;
    }
    config.metrics.push_back(std::move(*metric));
  }
  if (!errors.empty()) throw ConfigErrors(std::move(errors));
  return config;
}

bool LooksLikeCustomFunctionsJson(std::string_view text) {
  rapidjson::Document document;
  document.Parse(text.data(), text.size());
  if (document.HasParseError() || !document.IsArray() || document.Empty()) return false;
  const rapidjson::Value& first = document[0];
  return first.IsObject() && first.HasMember("custom_function");
}

}  // namespace promsynth
