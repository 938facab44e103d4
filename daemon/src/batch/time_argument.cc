#include "batch/time_argument.h"

#include <charconv>
#include <cmath>

#include "signal/timestamp.h"
#include "util/duration.h"

namespace promsynth {

std::optional<int64_t> ParseTimeArgument(std::string_view text, int64_t now_ms) {
  if (text.starts_with("now")) {
    const std::string_view rest = text.substr(3);
    if (rest.empty()) return now_ms;
    if (rest[0] != '-' && rest[0] != '+') return std::nullopt;
    const std::optional<Millis> offset = ParseDuration(rest.substr(1));
    if (!offset) return std::nullopt;
    return rest[0] == '-' ? now_ms - offset->count() : now_ms + offset->count();
  }
  if (const std::optional<int64_t> rfc3339 = ParseRfc3339Millis(text)) return rfc3339;
  double seconds = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || !std::isfinite(seconds) ||
      std::fabs(seconds) > 9e12) {
    return std::nullopt;
  }
  return static_cast<int64_t>(std::llround(seconds * 1000.0));
}

}  // namespace promsynth
