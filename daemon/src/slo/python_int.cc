#include "slo/python_int.h"

#include <cmath>
#include <limits>
#include <string>

#include "slo/python_float.h"
#include "slo/unicode_text.h"

namespace promsynth::slo {
namespace {

// 2^63 as a double: the first value beyond int64 on the positive side; -2^63 still fits.
constexpr double kTwoTo63 = 9223372036854775808.0;

}  // namespace

PyInt PyIntFromDigits(bool negative, std::string_view digits) {
  PyInt out;
  const double magnitude = ParseUnsignedDecimal(digits);
  out.float_overflow = std::isinf(magnitude);
  out.approx = negative && magnitude != 0.0 ? -magnitude : magnitude;  // an int has no -0
  std::uint64_t value = 0;
  bool overflow = false;
  for (const char c : digits) {
    const auto digit = static_cast<std::uint64_t>(c - '0');
    if (value > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) {
      overflow = true;
      break;
    }
    value = value * 10 + digit;
  }
  constexpr auto kMaxPositive = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  if (!overflow && value <= kMaxPositive) {
    out.exact = negative ? -static_cast<std::int64_t>(value) : static_cast<std::int64_t>(value);
  } else if (!overflow && negative && value == kMaxPositive + 1) {
    out.exact = std::numeric_limits<std::int64_t>::min();
  }
  return out;
}

std::optional<PyInt> PyIntFromString(std::string_view text) {
  const std::string ascii = TransformDecimalAndSpaceToAscii(text);
  std::string_view s = ascii;
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  bool negative = false;
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  if (s.empty() || !IsAsciiDigit(s.front())) return std::nullopt;
  std::string digits;
  digits.reserve(s.size());
  char prev = '\0';
  for (const char c : s) {
    if (c == '_') {
      if (prev == '_') return std::nullopt;
    } else if (IsAsciiDigit(c)) {
      digits.push_back(c);
    } else {
      return std::nullopt;
    }
    prev = c;
  }
  if (prev == '_' || digits.size() > kMaxIntDigits) return std::nullopt;
  return PyIntFromDigits(negative, digits);
}

std::optional<PyInt> PyIntFromDouble(double value) {
  if (!std::isfinite(value)) return std::nullopt;
  PyInt out;
  out.approx = std::trunc(value);
  if (out.approx == 0.0) out.approx = 0.0;  // int(-0.5) is 0, whose float is +0.0
  if (out.approx >= -kTwoTo63 && out.approx < kTwoTo63) out.exact = static_cast<std::int64_t>(out.approx);
  return out;
}

PyInt PyIntFromInt64(std::int64_t value) {
  PyInt out;
  out.exact = value;
  out.approx = static_cast<double>(value);
  return out;
}

}  // namespace promsynth::slo
