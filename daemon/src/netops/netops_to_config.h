#pragma once

#include <string>

#include "config/config.h"
#include "netops/netops_config.h"

namespace promsynth::netops {

/// A netops generator config (seed 000) as a promsynth Config (`promsynth import netops`): each
/// metric becomes a `gaussian` family (`clamp(N(mu, sigma) + N(0, noise), min, max)`, the same
/// model) under its Prometheus name with its labels, a `target_type: counter` one a counter
/// `<name>_total` of its per-sample amounts; the device becomes one scenario group "device"
/// (`error_rate`, seed 42, every metric pinned to its peak: `max`, or `min` for `type: false`),
/// with the same scenarios and offsets, so the timeline is the original's tick for tick. What a
/// YAML config has no place for (alert thresholds and texts, `is_error`, `/generate` options) is
/// left out; `comments` receives one line per metric describing its alert.
Config NetopsToConfig(const NetopsConfig& netops, const std::string& source_file,
                      std::string* comments = nullptr);

}  // namespace promsynth::netops
