#include "alerting/go_float_format.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace promsynth {

std::string FormatGoFloat(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  char buffer[64];
  // The shortest round-trip digits in scientific form tell the decimal exponent.
  const auto scientific = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
  const std::string text(buffer, scientific.ptr);
  const int exponent = std::atoi(text.c_str() + text.find('e') + 1);
  // strconv's 'g' with the shortest precision switches to %e outside [-4, 6) ("use precision 6").
  if (exponent < -4 || exponent >= 6) return text;
  const auto fixed = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
  return std::string(buffer, fixed.ptr);
}

}  // namespace promsynth
