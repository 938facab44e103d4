#pragma once

#include <string_view>

namespace promsynth {

/// The formats the telemetry path serves.
enum class ExpositionFormat {
  kText,         ///< the Prometheus text format 0.0.4 (the default)
  kOpenMetrics,  ///< OpenMetrics 1.0.0
};

/// Chooses the format of a scrape from its `Accept` header, as Prometheus sends it, e.g.
/// `application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,
/// text/plain;version=0.0.4;q=0.5,*/*;q=0.1`, or newer forms with `escaping=` parameters.
///
/// Each format's quality is the `q` of the most specific range that matches it (RFC 9110):
/// `application/openmetrics-text` with no version or `version=1.0.0` for OpenMetrics (another
/// version, such as 0.0.1, is not served); `text/plain` with no version, `0.0.4` or `1.0.0` for
/// text; `application/*`, `text/*` and `*/*` match the one of their kind or both. Other
/// parameters (`escaping`, `charset`) do not matter: every name we write is valid under any
/// escaping. OpenMetrics is chosen when its quality is above text's, or equal and given by a more
/// specific range; otherwise text, which is also the answer to a missing, empty or unusable
/// header. Malformed entries (no `/`, a bad `q`) are skipped. Thread-safe (pure).
ExpositionFormat NegotiateExpositionFormat(std::string_view accept);

/// The `Content-Type` of a response in `format`, e.g.
/// `application/openmetrics-text; version=1.0.0; charset=utf-8`.
std::string_view ExpositionContentType(ExpositionFormat format);

}  // namespace promsynth
