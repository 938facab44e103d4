#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "util/duration.h"

namespace promsynth {

/// What the exporter does wrong on purpose, so users can test how their monitoring copes.
///
/// Set by the config's `faults:` section (the baseline) and by `POST /api/v1/faults` (an
/// overlay, optionally for a limited time). Which scrapes fail is decided from the scrape's
/// sequence number, so a run misbehaves the same way every time.
struct FaultSettings {
  Millis scrape_delay{0};  ///< every scrape of the telemetry path waits this long before answering
  double error_rate = 0;   ///< share of scrapes answered with HTTP 500, in [0, 1]
  double truncate_rate =
      0;            ///< share of scrapes whose body stops half-way (the connection closes), in [0, 1]
  Millis churn{0};  ///< not 0: every generated series carries `churn="<n>"`, n changing each period

  bool operator==(const FaultSettings&) const = default;
};

/// One control request: the settings it changes, and for how long.
struct FaultRequest {
  std::optional<Millis> scrape_delay;
  std::optional<double> error_rate;
  std::optional<double> truncate_rate;
  std::optional<Millis> churn;
  std::optional<Millis> down;      ///< the listener refuses connections for this long ("target down")
  std::optional<Millis> pause;     ///< the engine stops ticking for this long (values freeze)
  std::optional<Millis> duration;  ///< `for`: the changed settings revert after this long
};

/// Parses the JSON body of `POST /api/v1/faults`, e.g.
/// `{"error_rate": 0.5, "scrape_delay": "2s", "for": "5m"}`. Durations are Prometheus notation
/// strings; rates are numbers in [0, 1]. On failure returns nothing and sets `error` to a
/// message naming the key, the bad value and what is allowed.
std::optional<FaultRequest> ParseFaultRequest(std::string_view json, std::string& error);

/// `settings` with what `request` changes.
FaultSettings Overlay(FaultSettings settings, const FaultRequest& request);

}  // namespace promsynth
