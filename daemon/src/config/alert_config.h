#pragma once

#include <string>
#include <utility>
#include <vector>

#include "config/source_location.h"
#include "util/duration.h"

namespace promsynth {

/// Which side of the threshold is bad. The comparison includes the threshold itself, as the
/// netops generator's alerts do (seed 000): `above` fires on `value >= threshold`, `below` on
/// `value <= threshold`.
enum class AlertDirection { kAbove, kBelow };

/// One threshold alert of a metric (`metrics[].alerts[]`). It becomes a Prometheus alerting rule
/// (`promsynth rules`) and, with `alertmanager:`, an alert promsynth evaluates itself on every tick.
///
/// A gauge's alert compares the value; a counter's compares its increment per tick (what its
/// generator draws), which Prometheus sees as `idelta(<name>[5m])`.
struct AlertRuleConfig {
  std::string name;  ///< the `alertname`
  double threshold = 0;
  AlertDirection direction = AlertDirection::kAbove;
  std::string for_text;  ///< `for:` as written (a Prometheus duration), empty when absent
  Millis for_duration{0};
  std::string severity = "warning";
  /// Annotation templates. `{{ $value }}` and `{{ $labels.NAME }}` are the only actions; a
  /// netops-style `StatReplace` is already turned into `{{ $value }}`.
  std::string summary;
  std::string description;
  std::vector<std::pair<std::string, std::string>> labels;  ///< extra alert labels, sorted by name
  SourceLocation location;
};

/// The `alertmanager:` section: promsynth posts its own alerts to an Alertmanager (API v2).
struct AlertmanagerConfig {
  std::string url;                ///< base URL, e.g. http://127.0.0.1:9093 (the client adds /api/v2/alerts)
  Millis timeout{5000};           ///< per request
  Millis resend_interval{60000};  ///< firing alerts are re-sent this often
  std::string generator_url;      ///< `generatorURL` of every alert; empty: the daemon's own landing page
  SourceLocation location;
};

/// The text that marks the value in a netops alert text (seed 000).
inline constexpr std::string_view kStatReplace = "StatReplace";

/// The annotation action promsynth writes for the value.
inline constexpr std::string_view kValueAction = "{{ $value }}";

}  // namespace promsynth
