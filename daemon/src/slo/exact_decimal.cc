#include "slo/exact_decimal.h"

#include <array>
#include <bit>
#include <cstring>
#include <limits>

#include "slo/unicode_text.h"

namespace promsynth::slo {
namespace {

constexpr int kMaxSignificant = 19;  // 10^19 - 1 still fits an uint64
constexpr std::uint64_t kTwoTo53 = std::uint64_t{1} << 53;
constexpr int kMaxExactPowerOfTen = 22;  // 10^22 is the largest power of ten a double holds exactly

/// Reads the digit run at `p` into `mantissa`, eight at a time where it can. Zeros before the
/// first significant digit are skipped, not counted. False when the run has more significant
/// digits than an uint64 holds.
[[gnu::always_inline]] inline bool ReadDigitRun(const char*& p, const char* end, std::uint64_t& mantissa,
                                                int& significant) {
  if (mantissa == 0) {
    while (p < end && *p == '0') ++p;
  }
  if constexpr (std::endian::native == std::endian::little) {
    while (end - p >= 8 && significant + 8 <= kMaxSignificant) {
      std::uint64_t chunk = 0;
      std::memcpy(&chunk, p, sizeof chunk);
      const std::optional<std::uint32_t> eight = EightDigitsValue(chunk);
      if (!eight) break;
      mantissa = mantissa * 100'000'000 + *eight;
      significant += 8;
      p += 8;
    }
  }
  for (; p < end && IsAsciiDigit(*p); ++p) {
    if (++significant > kMaxSignificant) return false;
    mantissa = mantissa * 10 + static_cast<std::uint64_t>(*p - '0');
  }
  return true;
}

}  // namespace

std::optional<std::uint32_t> EightDigitsValue(std::uint64_t chunk) {
  constexpr std::uint64_t kHighBits = 0x8080808080808080;
  // A byte below '0' sets its high bit when '0' is subtracted, a byte above '9' when 0x46 is added
  // ('9' + 0x46 = 0x7f). Borrows and carries cross into higher bytes only from a byte that already
  // failed, so the lowest failing byte is always seen.
  const std::uint64_t digits = chunk - 0x3030303030303030;
  if (((digits | (chunk + 0x4646464646464646)) & kHighBits) != 0) return std::nullopt;
  // Pairs, quads, then the whole: each step multiplies the lower-addressed (more significant) half
  // by the weight of the upper one and adds.
  const std::uint64_t pairs = (digits * 10 + (digits >> 8)) & 0x00ff00ff00ff00ff;
  const std::uint64_t quads = (pairs * 100 + (pairs >> 16)) & 0x0000ffff0000ffff;
  return static_cast<std::uint32_t>((quads & 0xffff) * 10'000 + (quads >> 32));
}

double ExactDecimal(std::string_view literal) {
  constexpr double kNotExact = std::numeric_limits<double>::quiet_NaN();
  static constexpr std::array<double, kMaxExactPowerOfTen + 1> kPowersOfTen = {
      1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
      1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  const char* p = literal.data();
  const char* const end = p + literal.size();
  std::uint64_t mantissa = 0;
  int significant = 0;
  const char* const integer_start = p;
  if (!ReadDigitRun(p, end, mantissa, significant)) return kNotExact;
  bool any_digit = p != integer_start;
  std::int64_t exponent = 0;
  if (p < end && *p == '.') {
    const char* const fraction_start = ++p;
    if (!ReadDigitRun(p, end, mantissa, significant)) return kNotExact;
    exponent = -(p - fraction_start);
    any_digit = any_digit || p != fraction_start;
  }
  if (!any_digit) return kNotExact;
  if (p < end) {
    if (*p != 'e' && *p != 'E') return kNotExact;
    ++p;
    bool negative = false;
    if (p < end && (*p == '+' || *p == '-')) negative = *p++ == '-';
    if (p == end || end - p > 4) return kNotExact;  // no digits, or more than this path needs
    std::int64_t written = 0;
    for (; p < end; ++p) {
      if (!IsAsciiDigit(*p)) return kNotExact;
      written = written * 10 + (*p - '0');
    }
    exponent += negative ? -written : written;
  }
  if (mantissa == 0) return 0.0;
  while (mantissa > kTwoTo53 && mantissa % 10 == 0) {
    mantissa /= 10;
    ++exponent;
  }
  if (mantissa > kTwoTo53 || exponent < -kMaxExactPowerOfTen || exponent > kMaxExactPowerOfTen) {
    return kNotExact;
  }
  const auto m = static_cast<double>(mantissa);
  return exponent >= 0 ? m * kPowersOfTen[static_cast<std::size_t>(exponent)]
                       : m / kPowersOfTen[static_cast<std::size_t>(-exponent)];
}

}  // namespace promsynth::slo
