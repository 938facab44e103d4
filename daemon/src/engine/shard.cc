#include "engine/shard.h"

#include <charconv>

namespace promsynth {
namespace {

std::optional<uint64_t> ParseNumber(std::string_view text) {
  uint64_t value = 0;
  const auto [end, status] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || status != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::optional<Shard> ParseShard(std::string_view text, std::string_view hostname, std::string& error) {
  constexpr uint64_t kMaxShards = 1'000'000;
  const size_t slash = text.find('/');
  if (slash == std::string_view::npos) {
    error = "invalid --shard \"" + std::string(text) + "\": want i/n (0 <= i < n) or auto/n";
    return std::nullopt;
  }
  const std::string_view index_text = text.substr(0, slash);
  const auto count = ParseNumber(text.substr(slash + 1));
  if (!count || *count < 1 || *count > kMaxShards) {
    error = "invalid --shard \"" + std::string(text) + "\": n must be an integer from 1 to 1000000";
    return std::nullopt;
  }
  std::optional<uint64_t> index;
  if (index_text == "auto") {
    const size_t dash = hostname.rfind('-');
    index = ParseNumber(dash == std::string_view::npos ? std::string_view() : hostname.substr(dash + 1));
    if (!index) {
      error = "invalid --shard \"" + std::string(text) + "\": auto needs a host name ending in -<ordinal>" +
              " (a StatefulSet pod), got \"" + std::string(hostname) + "\"";
      return std::nullopt;
    }
  } else {
    index = ParseNumber(index_text);
  }
  if (!index || *index >= *count) {
    error = "invalid --shard \"" + std::string(text) + "\": i must be an integer with 0 <= i < n" +
            (index ? " (got " + std::to_string(*index) + ")" : std::string());
    return std::nullopt;
  }
  return Shard{*index, *count};
}

}  // namespace promsynth
