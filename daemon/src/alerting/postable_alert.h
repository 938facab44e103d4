#pragma once

#include <cstdint>
#include <string>

#include "alerting/series_labels.h"

namespace promsynth {

/// One alert as Alertmanager's API v2 takes it (`POST /api/v2/alerts`).
struct PostableAlert {
  LabelSet labels;       ///< alertname, severity, the series' labels, the alert's own labels
  LabelSet annotations;  ///< summary / description, expanded
  int64_t starts_at_ms = 0;
  int64_t ends_at_ms = 0;     ///< 0 while firing: the client sends now + 4 × resend_interval
  std::string generator_url;  ///< omitted when empty
};

/// The JSON array Alertmanager's API v2 takes: `labels`, `annotations`, `startsAt`, `endsAt`
/// (RFC 3339, UTC, milliseconds) and `generatorURL`. `firing_ends_at_ms` is the `endsAt` of the
/// alerts that have none (still firing): Alertmanager resolves them by itself then, if promsynth
/// stops re-sending.
std::string AlertsJson(const std::vector<PostableAlert>& alerts, int64_t firing_ends_at_ms);

/// `2026-01-02T03:04:05.678Z`.
std::string Rfc3339Millis(int64_t time_ms);

}  // namespace promsynth
