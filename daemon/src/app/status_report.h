#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/netops_runtime.h"
#include "config/config.h"
#include "engine/family_trends.h"

namespace promsynth {

/// What `GET /api/v1/status` reports: the state the status page at `/` draws.
struct StatusReport {
  const Config* config = nullptr;           ///< the running configuration
  std::vector<FamilyTrends::Trend> trends;  ///< recent values per family, in config order
  uint64_t series = 0;                      ///< generated series
  uint64_t ticks = 0;                       ///< ticks since start
  int64_t time_ms = 0;                      ///< when the report was made
  std::string scenarios_json;               ///< the netops scenario list (JSON), "" when none
  std::vector<NetopsRuntime::AlertState> alerts;
  std::string slos_json;  ///< the SLO board (JSON)
};

/// The report as JSON: `{"version", "revision", "config_file", "series", "ticks", "time_ms",
/// "families": [{"name", "type", "unit", "help", "series", "generator", "tick_ms",
/// "sample_series", "trend": [..]}], "scenarios": {...}|null, "alerts": [...], "slos": {...}}`.
/// Non-finite trend points are `null`.
std::string RenderStatusJson(const StatusReport& report);

}  // namespace promsynth
