#pragma once

#include <optional>
#include <vector>

#include "config/source_location.h"
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

/// A fault request the config schedules: applied `at` after the load, then every `every`.
struct ScheduledFault {
  std::optional<Millis> at;     ///< first time after the load (default: one `every`)
  std::optional<Millis> every;  ///< period of repeats; none = once
  FaultRequest request;         ///< what it changes, as `POST /api/v1/faults` would (`for` included)
  SourceLocation location;
};

/// `faults:` of a YAML config: settings in force from the load (the baseline the control API's
/// overlays return to) and requests applied on a schedule.
struct FaultsConfig {
  FaultSettings baseline;
  std::vector<ScheduledFault> scheduled;
};

}  // namespace promsynth
