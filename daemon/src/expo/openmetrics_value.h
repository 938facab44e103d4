#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace promsynth {

/// Appends a sample value for OpenMetrics: shortest round-trip digits (Python's repr, so a whole
/// number keeps its `.0`), `NaN`, `+Inf`, `-Inf`.
void AppendOpenMetricsValue(std::string& out, double value);

/// Appends a timestamp in seconds: `1700000000`, `1700000000.25`, `-1.5`.
void AppendSecondsTimestamp(std::string& out, int64_t time_ms);

/// Escapes text for OpenMetrics' `# HELP` and label values: backslash, double quote and newline.
void AppendOpenMetricsEscaped(std::string& out, std::string_view text);

}  // namespace promsynth
