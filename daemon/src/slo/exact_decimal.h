#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <string_view>

#include "slo/unicode_text.h"

namespace promsynth::slo {

/// The value of `literal` when it is exactly `digits[.digits][(e|E)[sign]digits]` (one digit run
/// may be empty, not both) and one IEEE operation gives it correctly rounded: at most 19
/// significant digits, a significand of at most 2^53 once trailing zeros are folded into the
/// exponent, and a decimal exponent within ±22 (Clinger's fast path). NaN otherwise (no decimal
/// literal has that value), which leaves the literal to a full correctly rounded conversion.
/// Covers nearly every sample value and timestamp a Prometheus or Theodolite body carries. A plain
/// double, not an optional: GCC returns `std::optional<double>` through the stack, and the reload
/// stalled the hot loops that call this.
double ExactDecimal(std::string_view literal);

/// The value of the eight ASCII digits of `chunk` (its first character in the lowest byte, as
/// loaded from memory on a little-endian machine), or nothing when any of them is not a digit.
std::optional<std::uint32_t> EightDigitsValue(std::uint64_t chunk);

/// The digits of an unsigned decimal literal, read in one pass and not yet made a double.
struct DecimalDigits {
  std::uint64_t mantissa = 0;         ///< the significant digits as an integer
  std::int64_t exponent = 0;          ///< the power of ten that scales `mantissa`
  bool fraction_or_exponent = false;  ///< a `.` or an exponent was read: not a plain integer
};

/// The literals ScanDecimal reads.
enum class DecimalGrammar {
  /// The part of Python's `float(str)` that ExactDecimal reads: leading zeros, `1.` and `.5` too.
  kPythonFloat,
  /// An unsigned JSON number (Python's NUMBER_RE without the sign): no zero before another digit,
  /// digits on both sides of a `.`, digits in an exponent.
  kJsonNumber,
};

/// Reads the literal at `p` in `grammar` into `out` (zero-initialised) and moves `p` past it; what
/// follows is the caller's to check. False, with `p` anywhere, when no literal of the grammar
/// starts at `p` or it is beyond the one-pass reading: more than 19 significant digits or more
/// than four exponent digits; the caller then takes its full conversion from the literal's start.
/// Inline, because the SLO fast path reads two literals per row with it.
template <DecimalGrammar kGrammar>
bool ScanDecimal(const char*& p, const char* end, DecimalDigits& out);

/// Clinger's fast path on scanned digits: their value, correctly rounded, when one IEEE operation
/// gives it (see ExactDecimal), NaN otherwise.
double ExactDecimalValue(DecimalDigits digits);

// ---- Implementation of the inline functions ----

namespace exact_decimal_detail {

inline constexpr int kMaxSignificant = 19;  // 10^19 - 1 still fits an uint64
inline constexpr int kMaxExponentDigits = 4;
inline constexpr std::uint64_t kTwoTo53 = std::uint64_t{1} << 53;
inline constexpr int kMaxExactPowerOfTen = 22;  // 10^22 is the largest power of ten a double holds exactly
inline constexpr std::array<double, kMaxExactPowerOfTen + 1> kPowersOfTen = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
inline constexpr std::array<std::uint64_t, 9> kIntegerPowersOfTen = {
    1, 10, 100, 1'000, 10'000, 100'000, 1'000'000, 10'000'000, 100'000'000};

/// The high bit of each byte of `chunk` that is not an ASCII digit. Exact up to and including the
/// lowest such byte (borrows and carries cross only from a byte that already failed), which is all
/// the callers look at.
[[gnu::always_inline]] inline std::uint64_t NonDigitBytes(std::uint64_t chunk) {
  // A byte below '0' sets its high bit when '0' is subtracted, a byte above '9' when 0x46 is added
  // ('9' + 0x46 = 0x7f).
  return ((chunk - 0x3030303030303030) | (chunk + 0x4646464646464646)) & 0x8080808080808080;
}

/// The number whose decimal digits are the bytes of `digits` (values 0-9), the lowest byte the
/// most significant. Pairs, quads, then the whole: each step multiplies the more significant half
/// by the weight of the other and adds.
[[gnu::always_inline]] inline std::uint32_t CombineEightDigits(std::uint64_t digits) {
  const std::uint64_t pairs = (digits * 10 + (digits >> 8)) & 0x00ff00ff00ff00ff;
  const std::uint64_t quads = (pairs * 100 + (pairs >> 16)) & 0x0000ffff0000ffff;
  return static_cast<std::uint32_t>((quads & 0xffff) * 10'000 + (quads >> 32));
}

/// Reads the digit run at `p` into `mantissa`. Zeros before the first significant digit are
/// skipped, not counted. False when the run has more significant digits than an uint64 holds.
[[gnu::always_inline]] inline bool ReadDigitRun(const char*& p, const char* end, std::uint64_t& mantissa,
                                                int& significant) {
  if (mantissa == 0) {
    while (p < end && *p == '0') ++p;
  }
  if constexpr (std::endian::native == std::endian::little) {
    // Up to eight digits per step, however long the run: the digits are shifted to the top of the
    // word, so the bytes above them read as leading zeros. No branch per digit.
    while (end - p >= 8) {
      std::uint64_t chunk = 0;
      std::memcpy(&chunk, p, sizeof chunk);
      const std::uint64_t non_digits = NonDigitBytes(chunk);
      const int count = non_digits == 0 ? 8 : std::countr_zero(non_digits) / 8;
      if (count == 0) return true;
      significant += count;
      if (significant > kMaxSignificant) return false;
      const std::uint64_t aligned = (chunk - 0x3030303030303030) << (8 * (8 - count));
      mantissa =
          mantissa * kIntegerPowersOfTen[static_cast<std::size_t>(count)] + CombineEightDigits(aligned);
      p += count;
      if (count < 8) return true;
    }
  }
  for (; p < end && IsAsciiDigit(*p); ++p) {
    if (++significant > kMaxSignificant) return false;
    mantissa = mantissa * 10 + static_cast<std::uint64_t>(*p - '0');
  }
  return true;
}

}  // namespace exact_decimal_detail

template <DecimalGrammar kGrammar>
[[gnu::always_inline]] inline bool ScanDecimal(const char*& p, const char* end, DecimalDigits& out) {
  using namespace exact_decimal_detail;
  if constexpr (kGrammar == DecimalGrammar::kJsonNumber) {
    if (p == end || !IsAsciiDigit(*p)) return false;
    if (*p == '0' && end - p > 1 && IsAsciiDigit(p[1])) return false;
  }
  int significant = 0;
  const char* const integer_start = p;
  if (!ReadDigitRun(p, end, out.mantissa, significant)) return false;
  bool any_digit = p != integer_start;
  if (p < end && *p == '.') {
    if constexpr (kGrammar == DecimalGrammar::kJsonNumber) {
      if (end - p < 2 || !IsAsciiDigit(p[1])) return false;
    }
    const char* const fraction_start = ++p;
    if (!ReadDigitRun(p, end, out.mantissa, significant)) return false;
    out.exponent = -(p - fraction_start);
    out.fraction_or_exponent = true;
    any_digit = any_digit || p != fraction_start;
  }
  if (!any_digit) return false;
  if (p < end && (*p == 'e' || *p == 'E')) {
    ++p;
    bool negative = false;
    if (p < end && (*p == '+' || *p == '-')) negative = *p++ == '-';
    const char* const digits = p;
    std::int64_t written = 0;
    for (; p < end && IsAsciiDigit(*p); ++p) {
      if (p - digits == kMaxExponentDigits) return false;
      written = written * 10 + (*p - '0');
    }
    if (p == digits) return false;
    out.exponent += negative ? -written : written;
    out.fraction_or_exponent = true;
  }
  return true;
}

[[gnu::always_inline]] inline double ExactDecimalValue(DecimalDigits digits) {
  using namespace exact_decimal_detail;
  if (digits.mantissa == 0) return 0.0;
  while (digits.mantissa > kTwoTo53 && digits.mantissa % 10 == 0) {
    digits.mantissa /= 10;
    ++digits.exponent;
  }
  if (digits.mantissa > kTwoTo53 || digits.exponent < -kMaxExactPowerOfTen ||
      digits.exponent > kMaxExactPowerOfTen) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  const auto m = static_cast<double>(digits.mantissa);
  return digits.exponent >= 0 ? m * kPowersOfTen[static_cast<std::size_t>(digits.exponent)]
                              : m / kPowersOfTen[static_cast<std::size_t>(-digits.exponent)];
}

}  // namespace promsynth::slo
