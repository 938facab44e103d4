#include "http/exposition_format.h"

#include <cctype>
#include <charconv>
#include <optional>

#include "http/header_tokens.h"

namespace promsynth {
namespace {

std::string_view Unquote(std::string_view value) {
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
    return value.substr(1, value.size() - 2);
  return value;
}

// An RFC 9110 qvalue: 0 to 1 with at most three decimals.
std::optional<double> ParseQuality(std::string_view text) {
  if (text.empty() || text.size() > 5 || (text[0] != '0' && text[0] != '1')) return std::nullopt;
  double q = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), q);
  if (error != std::errc() || end != text.data() + text.size() || q < 0 || q > 1) return std::nullopt;
  return q;
}

// The quality a range gives one of our formats, and how specific that range is.
struct Match {
  double quality = 0;
  int specificity = -1;  ///< -1: no range matched; 0 `*/*`, 1 `type/*`, 2 exact, 3 exact with version

  void Offer(double q, int specific) {
    if (specific > specificity) {
      quality = q;
      specificity = specific;
    }
  }
};

}  // namespace

ExpositionFormat NegotiateExpositionFormat(std::string_view accept) {
  Match text;
  Match open_metrics;
  while (!accept.empty()) {
    const size_t comma = accept.find(',');
    std::string_view range = accept.substr(0, comma);
    accept = comma == std::string_view::npos ? std::string_view() : accept.substr(comma + 1);

    size_t semicolon = range.find(';');
    const std::string_view media = TrimHeaderSpace(range.substr(0, semicolon));
    const size_t slash = media.find('/');
    if (slash == std::string_view::npos) continue;
    const std::string_view type = TrimHeaderSpace(media.substr(0, slash));
    const std::string_view subtype = TrimHeaderSpace(media.substr(slash + 1));
    if (type.empty() || subtype.empty()) continue;

    double quality = 1;
    std::optional<std::string_view> version;
    bool valid = true;
    while (semicolon != std::string_view::npos) {
      range.remove_prefix(semicolon + 1);
      semicolon = range.find(';');
      const std::string_view parameter = TrimHeaderSpace(range.substr(0, semicolon));
      const size_t equals = parameter.find('=');
      if (equals == std::string_view::npos) continue;
      const std::string_view key = TrimHeaderSpace(parameter.substr(0, equals));
      const std::string_view value = Unquote(TrimHeaderSpace(parameter.substr(equals + 1)));
      if (EqualsIgnoreCase(key, "q")) {
        const std::optional<double> q = ParseQuality(value);
        valid = q.has_value();
        if (q) quality = *q;
      } else if (EqualsIgnoreCase(key, "version")) {
        version = value;
      }
    }
    if (!valid) continue;

    if (type == "*" && subtype == "*") {
      text.Offer(quality, 0);
      open_metrics.Offer(quality, 0);
    } else if (EqualsIgnoreCase(type, "text")) {
      if (subtype == "*") {
        text.Offer(quality, 1);
      } else if (EqualsIgnoreCase(subtype, "plain") &&
                 (!version || *version == "0.0.4" || *version == "1.0.0")) {
        text.Offer(quality, version ? 3 : 2);
      }
    } else if (EqualsIgnoreCase(type, "application")) {
      if (subtype == "*") {
        open_metrics.Offer(quality, 1);
      } else if (EqualsIgnoreCase(subtype, "openmetrics-text") && (!version || *version == "1.0.0")) {
        open_metrics.Offer(quality, version ? 3 : 2);
      }
    }
  }
  if (open_metrics.specificity < 0 || open_metrics.quality <= 0) return ExpositionFormat::kText;
  if (open_metrics.quality > text.quality) return ExpositionFormat::kOpenMetrics;
  if (open_metrics.quality == text.quality && open_metrics.specificity > text.specificity)
    return ExpositionFormat::kOpenMetrics;
  return ExpositionFormat::kText;
}

std::string_view ExpositionContentType(ExpositionFormat format) {
  return format == ExpositionFormat::kOpenMetrics
             ? "application/openmetrics-text; version=1.0.0; charset=utf-8"
             : "text/plain; version=0.0.4; charset=utf-8";
}

}  // namespace promsynth
