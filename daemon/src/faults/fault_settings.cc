#include "faults/fault_settings.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <charconv>
#include <cmath>

namespace promsynth {
namespace {

/// A duration member: a Prometheus duration string. Sets `error` when it is something else.
std::optional<Millis> DurationMember(const rapidjson::Value& value, const char* key, std::string& error) {
  if (value.IsString()) {
    if (std::optional<Millis> duration = ParseDuration(value.GetString())) return duration;
    error = std::string(key) + ": invalid duration \"" + value.GetString() +
            "\" (allowed: Prometheus notation such as 500ms, 30s, 5m, 1h; 0s turns it off)";
    return std::nullopt;
  }
  error = std::string(key) + ": must be a duration string such as \"30s\"";
  return std::nullopt;
}

std::optional<double> RateMember(const rapidjson::Value& value, const char* key, std::string& error) {
  if (value.IsNumber() && value.GetDouble() >= 0 && value.GetDouble() <= 1) return value.GetDouble();
  error = std::string(key) + ": must be a number from 0 to 1 (the share of scrapes)";
  return std::nullopt;
}

/// A rate as JSON, shortest round-trip digits.
std::string FormatRate(double rate) {
  char text[32];
  const auto [end, error] = std::to_chars(text, text + sizeof text, rate);
  return error == std::errc() ? std::string(text, end) : "0";
}

}  // namespace

std::optional<FaultRequest> ParseFaultRequest(std::string_view json, std::string& error) {
  rapidjson::Document document;
  document.Parse(json.data(), json.size());
  if (document.HasParseError()) {
    error = std::string("invalid JSON at offset ") + std::to_string(document.GetErrorOffset()) + ": " +
            rapidjson::GetParseError_En(document.GetParseError());
    return std::nullopt;
  }
  if (!document.IsObject()) {
    error = "the body must be a JSON object such as {\"error_rate\": 0.5, \"for\": \"5m\"}";
    return std::nullopt;
  }
  FaultRequest request;
  bool any = false;
  for (const auto& member : document.GetObject()) {
    const std::string key = member.name.GetString();
    const rapidjson::Value& value = member.value;
    if (key == "scrape_delay") {
      request.scrape_delay = DurationMember(value, "scrape_delay", error);
    } else if (key == "churn") {
      request.churn = DurationMember(value, "churn", error);
    } else if (key == "down") {
      request.down = DurationMember(value, "down", error);
    } else if (key == "pause") {
      request.pause = DurationMember(value, "pause", error);
    } else if (key == "for") {
      request.duration = DurationMember(value, "for", error);
    } else if (key == "error_rate") {
      request.error_rate = RateMember(value, "error_rate", error);
    } else if (key == "truncate_rate") {
      request.truncate_rate = RateMember(value, "truncate_rate", error);
    } else {
      error = "unknown key \"" + key +
              "\" (allowed: scrape_delay, error_rate, truncate_rate, churn, down, pause, for)";
      return std::nullopt;
    }
    if (!error.empty()) return std::nullopt;
    any = any || key != "for";
  }
  if (!any) {
    error =
        "nothing to inject: give at least one of scrape_delay, error_rate, truncate_rate, churn, down, pause";
    return std::nullopt;
  }
  if (request.down && request.down->count() <= 0) {
    error = "down: must be longer than 0s (the listener comes back by itself after it)";
    return std::nullopt;
  }
  return request;
}

std::string FormatFaultRequest(const FaultRequest& request) {
  std::string out;
  auto add = [&out](const char* key, const std::string& value) {
    out += (out.empty() ? "{\"" : ", \"") + std::string(key) + "\": " + value;
  };
  auto add_duration = [&add](const char* key, const std::optional<Millis>& value) {
    if (value) add(key, "\"" + FormatDuration(*value) + "\"");
  };
  auto add_rate = [&add](const char* key, const std::optional<double>& value) {
    if (value) add(key, FormatRate(*value));
  };
  add_duration("scrape_delay", request.scrape_delay);
  add_rate("error_rate", request.error_rate);
  add_rate("truncate_rate", request.truncate_rate);
  add_duration("churn", request.churn);
  add_duration("down", request.down);
  add_duration("pause", request.pause);
  add_duration("for", request.duration);
  return out.empty() ? "{}" : out + "}";
}

FaultSettings Overlay(FaultSettings settings, const FaultRequest& request) {
  if (request.scrape_delay) settings.scrape_delay = *request.scrape_delay;
  if (request.error_rate) settings.error_rate = *request.error_rate;
  if (request.truncate_rate) settings.truncate_rate = *request.truncate_rate;
  if (request.churn) settings.churn = *request.churn;
  return settings;
}

}  // namespace promsynth
