#include "config/yaml_walker.h"

#include <charconv>
#include <cmath>
#include <utility>

namespace promsynth {

std::optional<double> ParseNumber(const std::string& text) {
  if (text.empty()) return std::nullopt;
  static const std::vector<std::pair<std::string_view, double>> kSpecial = {
      {".inf", INFINITY}, {"+.inf", INFINITY}, {"-.inf", -INFINITY}, {".nan", NAN},
      {"Inf", INFINITY},  {"+Inf", INFINITY},  {"-Inf", -INFINITY},  {"NaN", NAN}};
  for (const auto& [spelling, value] : kSpecial) {
    if (text == spelling) return value;
  }
  const char* begin = text.data();
  if (*begin == '+') ++begin;
  double value = 0;
  auto [end, error] = std::from_chars(begin, text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<Millis> ReadPositiveDuration(Walker& walker, const YAML::Node& node, const std::string& key,
                                           std::string_view noun) {
  const std::string text = node.IsScalar() ? node.Scalar() : Walker::Describe(node);
  auto tick = node.IsScalar() ? ParseDuration(text) : std::nullopt;
  if (!tick) {
    walker.Fail(node, key, "not a duration", text, "Prometheus notation such as 100ms, 1s, 5m, 1h30m");
    return std::nullopt;
  }
  if (tick->count() <= 0) {
    walker.Fail(node, key, std::string(noun) + " must be positive", text, "a duration of at least 1ms");
    return std::nullopt;
  }
  return tick;
}

std::optional<Millis> ReadScheduleDuration(Walker& walker, const YAML::Node& node, const std::string& key,
                                           bool allow_zero) {
  const std::optional<Millis> value = node.IsScalar() ? ParseDuration(node.Scalar()) : std::nullopt;
  if (!value || value->count() < 0 || (!allow_zero && value->count() == 0)) {
    walker.Fail(node, key, "not a duration", Walker::Describe(node),
                allow_zero ? "a duration such as 0s, 90s, 5m" : "a positive duration such as 1h");
    return std::nullopt;
  }
  return value;
}

}  // namespace promsynth
