#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "config/fault_config.h"

namespace promsynth {

/// Parses the JSON body of `POST /api/v1/faults`, e.g.
/// `{"error_rate": 0.5, "scrape_delay": "2s", "for": "5m"}`. Durations are Prometheus notation
/// strings; rates are numbers in [0, 1]. On failure returns nothing and sets `error` to a
/// message naming the key, the bad value and what is allowed.
std::optional<FaultRequest> ParseFaultRequest(std::string_view json, std::string& error);

/// `request` as the JSON body that `ParseFaultRequest` reads back, keys in a fixed order; for logs.
std::string FormatFaultRequest(const FaultRequest& request);

/// `settings` with what `request` changes.
FaultSettings Overlay(FaultSettings settings, const FaultRequest& request);

}  // namespace promsynth
