#include "http/accept_encoding.h"

#include <cstdlib>
#include <string>

#include "http/header_tokens.h"

namespace promsynth {

bool AcceptsGzip(std::string_view accept_encoding) {
  while (!accept_encoding.empty()) {
    const size_t comma = accept_encoding.find(',');
    std::string_view item = accept_encoding.substr(0, comma);
    accept_encoding =
        comma == std::string_view::npos ? std::string_view() : accept_encoding.substr(comma + 1);
    const size_t semicolon = item.find(';');
    const std::string_view coding = TrimHeaderSpace(item.substr(0, semicolon));
    if (!EqualsIgnoreCase(coding, "gzip") && coding != "*") continue;
    if (semicolon == std::string_view::npos) return true;
    std::string_view parameter = TrimHeaderSpace(item.substr(semicolon + 1));
    if (!parameter.starts_with("q=") && !parameter.starts_with("Q=")) return true;
    const std::string quality(parameter.substr(2));
    if (std::strtod(quality.c_str(), nullptr) > 0) return true;
  }
  return false;
}

}  // namespace promsynth
