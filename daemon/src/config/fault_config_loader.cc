#include "config/fault_config_loader.h"

#include <cmath>

namespace promsynth {
namespace {

constexpr std::string_view kSettingKeys = "scrape_delay, error_rate, truncate_rate, churn";

std::optional<double> ReadRate(Walker& walker, const YAML::Node& node, const std::string& key) {
  const std::optional<double> rate = node.IsScalar() ? ParseNumber(node.Scalar()) : std::nullopt;
  if (!rate || !(*rate >= 0 && *rate <= 1)) {
    walker.Fail(node, key, "not a share of scrapes", Walker::Describe(node), "a number from 0 to 1");
    return std::nullopt;
  }
  return rate;
}

/// The four settings, wherever they appear (the baseline or a scheduled request).
void ReadSettings(Walker& walker, const YAML::Node& node, const std::string& path, FaultRequest& request) {
  if (const YAML::Node delay = node["scrape_delay"]) {
    request.scrape_delay = ReadScheduleDuration(walker, delay, Walker::Join(path, "scrape_delay"), true);
  }
  if (const YAML::Node rate = node["error_rate"])
    request.error_rate = ReadRate(walker, rate, Walker::Join(path, "error_rate"));
  if (const YAML::Node rate = node["truncate_rate"]) {
    request.truncate_rate = ReadRate(walker, rate, Walker::Join(path, "truncate_rate"));
  }
  if (const YAML::Node churn = node["churn"]) {
    request.churn = ReadScheduleDuration(walker, churn, Walker::Join(path, "churn"), true);
  }
}

void ReadScheduled(Walker& walker, const YAML::Node& node, const std::string& path, FaultsConfig& faults) {
  if (!walker.ExpectMap(node, path)) return;
  walker.CheckKeys(
      node, path,
      {"at", "every", "for", "scrape_delay", "error_rate", "truncate_rate", "churn", "down", "pause"});
  ScheduledFault fault;
  fault.location = walker.Where(node);
  if (const YAML::Node at = node["at"]) fault.at = ReadScheduleDuration(walker, at, path + ".at", true);
  if (const YAML::Node every = node["every"])
    fault.every = ReadScheduleDuration(walker, every, path + ".every", false);
  if (!node["at"] && !node["every"]) {
    walker.Fail(node, path, "a scheduled fault needs a time", "",
                "at: 5m (once, that long after the load) and/or every: 1h (repeated)");
  }
  ReadSettings(walker, node, path, fault.request);
  if (const YAML::Node down = node["down"])
    fault.request.down = ReadScheduleDuration(walker, down, path + ".down", false);
  if (const YAML::Node pause = node["pause"]) {
    fault.request.pause = ReadScheduleDuration(walker, pause, path + ".pause", false);
  }
  const bool changes_settings =
      node["scrape_delay"] || node["error_rate"] || node["truncate_rate"] || node["churn"];
  if (!changes_settings && !node["down"] && !node["pause"]) {
    walker.Fail(node, path, "a scheduled fault must inject something", "",
                std::string(kSettingKeys) + ", down or pause");
  }
  if (const YAML::Node duration = node["for"]) {
    fault.request.duration = ReadScheduleDuration(walker, duration, path + ".for", false);
    if (!changes_settings) {
      walker.Fail(duration, path + ".for", "for applies to changed settings only", Walker::Describe(duration),
                  std::string(kSettingKeys) + " (down and pause carry their own duration)");
    }
  } else if (changes_settings && node["every"]) {
    // Without it, the first run's change would simply stay: repeating it would do nothing.
    walker.Fail(node, path + ".for", "a repeated fault that changes settings needs a duration", "",
                "for: 1m (how long each occurrence lasts)");
  }
  faults.scheduled.push_back(std::move(fault));
}

}  // namespace

void ReadFaults(Walker& walker, const YAML::Node& node, FaultsConfig& faults) {
  if (!walker.ExpectMap(node, "faults")) return;
  walker.CheckKeys(node, "faults", {"scrape_delay", "error_rate", "truncate_rate", "churn", "scheduled"});
  FaultRequest baseline;
  ReadSettings(walker, node, "faults", baseline);
  faults.baseline.scrape_delay = baseline.scrape_delay.value_or(Millis{0});
  faults.baseline.error_rate = baseline.error_rate.value_or(0);
  faults.baseline.truncate_rate = baseline.truncate_rate.value_or(0);
  faults.baseline.churn = baseline.churn.value_or(Millis{0});
  if (const YAML::Node scheduled = node["scheduled"]) {
    if (!scheduled.IsSequence()) {
      walker.Fail(scheduled, "faults.scheduled", "expected a list", Walker::Describe(scheduled),
                  "- {every: 1h, for: 1m, error_rate: 1}");
      return;
    }
    for (size_t i = 0; i < scheduled.size(); ++i) {
      ReadScheduled(walker, scheduled[i], "faults.scheduled[" + std::to_string(i) + "]", faults);
    }
  }
}

}  // namespace promsynth
