#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace promsynth {

/// Parses a `--start`/`--end` time of `promsynth generate` into milliseconds since the epoch:
/// an RFC 3339 time (`2026-01-01T00:00:00Z`), unix seconds (`1767225600`, `1767225600.5`), or
/// `now` optionally followed by `-` or `+` and a Prometheus duration (`now-6h`, `now+1h30m`)
/// relative to `now_ms`. Nullopt for anything else.
std::optional<int64_t> ParseTimeArgument(std::string_view text, int64_t now_ms);

}  // namespace promsynth
