#include "faults/value_overrides.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>
#include <limits>

#include "util/duration.h"

namespace promsynth {
namespace {

std::optional<double> SpecialValue(std::string_view text) {
  if (text == "NaN") return std::numeric_limits<double>::quiet_NaN();
  if (text == "+Inf" || text == "Inf") return std::numeric_limits<double>::infinity();
  if (text == "-Inf") return -std::numeric_limits<double>::infinity();
  return std::nullopt;
}

/// The index of `value` among a column's values, if it is one of them.
std::optional<size_t> IndexOf(const LabelColumn& column, std::string_view value) {
  for (size_t i = 0; i < column.values.size(); ++i) {
    if (column.values.ValueAt(i) == value) return i;
  }
  return std::nullopt;
}

}  // namespace

std::optional<ValueOverride> ParseValueOverride(std::string_view json, int64_t now_ms, std::string& error) {
  rapidjson::Document document;
  document.Parse(json.data(), json.size());
  if (document.HasParseError() || !document.IsObject()) {
    error = "the body must be a JSON object such as {\"metric\": \"name\", \"value\": 42, \"for\": \"5m\"}";
    return std::nullopt;
  }
  ValueOverride result;
  bool has_value = false;
  for (const auto& member : document.GetObject()) {
    const std::string key = member.name.GetString();
    const rapidjson::Value& value = member.value;
    if (key == "metric" && value.IsString() && value.GetStringLength() > 0) {
      result.metric = value.GetString();
    } else if (key == "labels" && value.IsObject()) {
      for (const auto& label : value.GetObject()) {
        if (!label.value.IsString()) {
          error = "labels." + std::string(label.name.GetString()) + ": must be a string";
          return std::nullopt;
        }
        result.labels.emplace_back(label.name.GetString(), label.value.GetString());
      }
    } else if (key == "value" && value.IsNumber()) {
      result.value = value.GetDouble();
      has_value = true;
    } else if (key == "value" && value.IsString() && SpecialValue(value.GetString())) {
      result.value = *SpecialValue(value.GetString());
      has_value = true;
    } else if (key == "for" && value.IsString() && ParseDuration(value.GetString())) {
      result.until_ms = now_ms + ParseDuration(value.GetString())->count();
    } else if (key == "metric" || key == "labels" || key == "value" || key == "for") {
      error = key + (key == "metric"   ? ": must be a metric name"
                     : key == "labels" ? ": must be an object of label values"
                     : key == "value"  ? ": must be a number or \"NaN\", \"+Inf\", \"-Inf\""
                                       : ": must be a duration such as \"5m\"");
      return std::nullopt;
    } else {
      error = "unknown key \"" + key + "\" (allowed: metric, labels, value, for)";
      return std::nullopt;
    }
  }
  if (result.metric.empty() || !has_value) {
    error = "metric and value are required";
    return std::nullopt;
  }
  return result;
}

std::vector<size_t> MatchingSeries(const ValueOverride& override, const SeriesLayout& layout) {
  std::vector<size_t> indices;
  for (const FamilyLayout& family : layout.families) {
    // Only gauges and counters have one value per series to force.
    if (family.name != override.metric || family.values_per_series != 1) continue;
    // The wanted index in each column that a label constrains; nullopt for free columns.
    std::vector<std::optional<size_t>> wanted(family.columns.size());
    bool possible = true;
    for (const auto& [name, value] : override.labels) {
      bool found = false;
      for (size_t c = 0; c < family.columns.size() && possible; ++c) {
        if (family.columns[c].name != name) continue;
        found = true;
        wanted[c] = IndexOf(family.columns[c], value);
        possible = wanted[c].has_value();
      }
      possible = possible && found;
    }
    if (!possible) continue;
    std::vector<size_t> digits(family.columns.size(), 0);
    for (size_t i = 0; i < family.series_count; ++i) {
      if (i > 0) family.Advance(digits);
      bool match = true;
      for (size_t c = 0; c < digits.size() && match; ++c) match = !wanted[c] || *wanted[c] == digits[c];
      if (match) indices.push_back(family.ValueIndex(i));
    }
  }
  return indices;
}

size_t ValueOverrides::Add(ValueOverride override, std::shared_ptr<const SeriesLayout> layout) {
  std::vector<size_t> indices = MatchingSeries(override, *layout);
  if (indices.empty()) return 0;
  const size_t count = indices.size();
  std::lock_guard lock(mutex_);
  active_.push_back({std::move(override), std::move(layout), std::move(indices)});
  return count;
}

void ValueOverrides::Clear() {
  std::lock_guard lock(mutex_);
  active_.clear();
}

std::shared_ptr<const Snapshot> ValueOverrides::Apply(std::shared_ptr<const Snapshot> snapshot,
                                                      int64_t now_ms) {
  std::lock_guard lock(mutex_);
  std::erase_if(active_,
                [&](const Active& a) { return a.override.until_ms != 0 && now_ms >= a.override.until_ms; });
  if (active_.empty()) return snapshot;
  auto changed = std::make_shared<Snapshot>(*snapshot);
  for (Active& active : active_) {
    if (active.layout != snapshot->layout) {  // a reload changed the layout: find the series again
      active.indices = MatchingSeries(active.override, *snapshot->layout);
      active.layout = snapshot->layout;
    }
    for (size_t index : active.indices) changed->values[index] = active.override.value;
  }
  return changed;
}

std::string ValueOverrides::ToJson(int64_t now_ms) const {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  std::lock_guard lock(mutex_);
  writer.StartArray();
  for (const Active& active : active_) {
    if (active.override.until_ms != 0 && now_ms >= active.override.until_ms) continue;
    writer.StartObject();
    writer.Key("metric");
    writer.String(active.override.metric.c_str());
    writer.Key("labels");
    writer.StartObject();
    for (const auto& [name, value] : active.override.labels) {
      writer.Key(name.c_str());
      writer.String(value.c_str());
    }
    writer.EndObject();
    writer.Key("value");
    if (std::isfinite(active.override.value)) {
      writer.Double(active.override.value);
    } else {
      writer.String(std::isnan(active.override.value) ? "NaN" : active.override.value > 0 ? "+Inf" : "-Inf");
    }
    writer.Key("series");
    writer.Uint64(active.indices.size());
    writer.Key("until_ms");
    if (active.override.until_ms != 0) {
      writer.Int64(active.override.until_ms);
    } else {
      writer.Null();
    }
    writer.EndObject();
  }
  writer.EndArray();
  return buffer.GetString();
}

}  // namespace promsynth
