#include "slo/python_float.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <system_error>

#include "slo/exact_decimal.h"
#include "slo/unicode_text.h"

namespace promsynth::slo {
namespace {

bool EqualsIgnoreCase(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i] >= 'A' && text[i] <= 'Z' ? static_cast<char>(text[i] - 'A' + 'a') : text[i];
    if (c != lower[i]) return false;
  }
  return true;
}

// CPython's _Py_string_to_number_with_underscores: an underscore must sit between two digits.
std::optional<std::string> RemoveUnderscores(std::string text) {
  if (text.find('_') == std::string::npos) return text;
  std::string out;
  out.reserve(text.size());
  char prev = '\0';
  for (const char c : text) {
    if (c == '_') {
      if (!IsAsciiDigit(prev)) return std::nullopt;
    } else {
      if (prev == '_' && !IsAsciiDigit(c)) return std::nullopt;
      out.push_back(c);
    }
    prev = c;
  }
  if (prev == '_') return std::nullopt;
  return out;
}

// Length of the longest prefix of `s` that is a decimal literal as _Py_dg_strtod reads it (no sign).
std::size_t DecimalLiteralLength(std::string_view s) {
  std::size_t i = 0;
  std::size_t digits = 0;
  while (i < s.size() && IsAsciiDigit(s[i])) ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && IsAsciiDigit(s[i])) ++i, ++digits;
  }
  if (digits == 0) return 0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    std::size_t j = i + 1;
    if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
    if (j < s.size() && IsAsciiDigit(s[j])) {
      while (j < s.size() && IsAsciiDigit(s[j])) ++j;
      i = j;
    }
  }
  return i;
}

}  // namespace

double ParseUnsignedDecimal(std::string_view literal) {
  if (const double exact = ExactDecimal(literal); !std::isnan(exact)) return exact;
  double value = 0.0;
  const auto [ptr, ec] = std::from_chars(literal.data(), literal.data() + literal.size(), value);
  if (ec != std::errc::result_out_of_range) return value;
  // from_chars leaves the value alone when out of range: decide overflow versus underflow from the
  // decimal position of the first significant digit.
  std::int64_t position = 0;  // power of ten of the first significant digit, plus one
  bool seen_point = false;
  bool seen_significant = false;
  std::size_t i = 0;
  for (; i < literal.size() && literal[i] != 'e' && literal[i] != 'E'; ++i) {
    if (literal[i] == '.') {
      seen_point = true;
    } else if (!seen_significant) {
      if (literal[i] != '0') {
        seen_significant = true;
        if (!seen_point) ++position;
      } else if (seen_point) {
        --position;
      }
    } else if (!seen_point) {
      ++position;
    }
  }
  std::int64_t exponent = 0;
  if (i < literal.size()) {
    bool negative = false;
    ++i;
    if (i < literal.size() && (literal[i] == '+' || literal[i] == '-')) negative = literal[i++] == '-';
    for (; i < literal.size(); ++i) {
      if (exponent < 100'000'000) exponent = exponent * 10 + (literal[i] - '0');
    }
    if (negative) exponent = -exponent;
  }
  return position + exponent > 0 ? std::numeric_limits<double>::infinity() : 0.0;
}

std::optional<double> PythonFloatFromString(std::string_view text) {
  // The common case, a plain unsigned decimal, in one pass.
  if (const double exact = ExactDecimal(text); !std::isnan(exact)) return exact;
  // Plain ASCII without underscores (every Prometheus sample) needs no transformed copy.
  const bool plain =
      std::all_of(text.begin(), text.end(), [](char c) { return c > 0 && c < 127 && c != '_'; });
  std::optional<std::string> cleaned;
  if (!plain) {
    cleaned = RemoveUnderscores(TransformDecimalAndSpaceToAscii(text));
    if (!cleaned) return std::nullopt;
  }
  std::string_view s = plain ? text : std::string_view(*cleaned);
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  bool negative = false;
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  double magnitude = 0.0;
  if (const std::size_t length = DecimalLiteralLength(s); length > 0) {
    if (length != s.size()) return std::nullopt;
    magnitude = ParseUnsignedDecimal(s);
  } else if (EqualsIgnoreCase(s, "inf") || EqualsIgnoreCase(s, "infinity")) {
    magnitude = std::numeric_limits<double>::infinity();
  } else if (EqualsIgnoreCase(s, "nan")) {
    magnitude = std::numeric_limits<double>::quiet_NaN();
  } else {
    return std::nullopt;
  }
  return negative ? -magnitude : magnitude;
}

}  // namespace promsynth::slo
