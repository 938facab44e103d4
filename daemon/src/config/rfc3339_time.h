#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace promsynth {

/// Parses an RFC 3339 time such as `2026-01-01T00:00:00Z`, `2026-01-01T02:00:00.250+02:00`
/// (a `T` or `t` between date and time, `Z`/`z` or a numeric offset, up to nine fraction digits,
/// rounded to the nearest millisecond) into milliseconds since the Unix epoch.
/// Returns nullopt for anything else, including out-of-range fields (month 13, 25:00, Feb 30).
std::optional<int64_t> ParseRfc3339Millis(std::string_view text);

}  // namespace promsynth
