#include "compat/python_float_format.h"

#include <gtest/gtest.h>

#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <random>
#include <string>
#include <system_error>
#include <vector>

#include "unit/compat/python_reprs.h"

namespace promsynth::compat {
namespace {

TEST(PythonFloatFormatTest, MatchesCPythonRepr) {
  for (const FormatCase& c : kPythonReprs) {
    SCOPED_TRACE(c.python_repr);
    EXPECT_EQ(FormatPythonFloat(c.value), c.python_repr);
  }
}

TEST(PythonFloatFormatTest, SpecExamples) {
  // chaos.md B.6 and custom-functions.md C.5.
  EXPECT_EQ(FormatPythonFloat(60.1), "60.1");
  EXPECT_EQ(FormatPythonFloat(2000.0), "2000.0");
  EXPECT_EQ(FormatPythonFloat(0.00601), "0.00601");
  EXPECT_EQ(FormatPythonFloat(1e-05), "1e-05");
  EXPECT_EQ(FormatPythonFloat(1.0), "1.0");
  EXPECT_EQ(FormatPythonFloat(4.0), "4.0");
  EXPECT_EQ(FormatPythonFloat(27.0), "27.0");
  EXPECT_EQ(FormatPythonFloat(18446744073709551616.0), "1.8446744073709552e+19");  // float(2**64)
  // netops.md A.5 shows "81.27318302794466"; that literal is not a shortest repr (Python prints the
  // same double as 81.27318302794465), so the neighbouring double stands in for it.
  EXPECT_EQ(FormatPythonFloat(81.27318302794466), "81.27318302794465");
  EXPECT_EQ(FormatPythonFloat(81.27318302794467), "81.27318302794467");
}

TEST(PythonFloatFormatTest, LayoutSwitchPoints) {
  EXPECT_EQ(FormatPythonFloat(0.0001), "0.0001");
  EXPECT_EQ(FormatPythonFloat(0.00012), "0.00012");
  EXPECT_EQ(FormatPythonFloat(9.999999999999999e-05), "9.999999999999999e-05");
  EXPECT_EQ(FormatPythonFloat(1e-05), "1e-05");
  EXPECT_EQ(FormatPythonFloat(1.5e-07), "1.5e-07");
  EXPECT_EQ(FormatPythonFloat(1e15), "1000000000000000.0");
  EXPECT_EQ(FormatPythonFloat(9999999999999998.0), "9999999999999998.0");
  EXPECT_EQ(FormatPythonFloat(1e16), "1e+16");
  EXPECT_EQ(FormatPythonFloat(1.5e16), "1.5e+16");
  EXPECT_EQ(FormatPythonFloat(12345678901234567.0), "1.2345678901234568e+16");
  EXPECT_EQ(FormatPythonFloat(1e100), "1e+100");
  EXPECT_EQ(FormatPythonFloat(1.5e-100), "1.5e-100");
  EXPECT_EQ(FormatPythonFloat(123.456), "123.456");
  EXPECT_EQ(FormatPythonFloat(0.1 + 0.2), "0.30000000000000004");
}

TEST(PythonFloatFormatTest, SpecialValues) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(FormatPythonFloat(kNaN), "nan");
  EXPECT_EQ(FormatPythonFloat(-kNaN), "nan");  // Python never prints a sign on NaN
  EXPECT_EQ(FormatPythonFloat(kInf), "inf");
  EXPECT_EQ(FormatPythonFloat(-kInf), "-inf");
  EXPECT_EQ(FormatPythonFloat(0.0), "0.0");
  EXPECT_EQ(FormatPythonFloat(-0.0), "-0.0");
  EXPECT_EQ(FormatPythonFloat(std::numeric_limits<double>::max()), "1.7976931348623157e+308");
  EXPECT_EQ(FormatPythonFloat(-std::numeric_limits<double>::max()), "-1.7976931348623157e+308");
  EXPECT_EQ(FormatPythonFloat(std::numeric_limits<double>::min()), "2.2250738585072014e-308");
  EXPECT_EQ(FormatPythonFloat(std::numeric_limits<double>::denorm_min()), "5e-324");
  EXPECT_EQ(FormatPythonFloat(-std::numeric_limits<double>::denorm_min()), "-5e-324");
}

// Independent of CPython: every output must read back to the same double and follow the grammar
// of Python's repr (digits, one optional point, an exponent only in the scientific layout).
TEST(PythonFloatFormatTest, RoundTripsAndKeepsPythonLayoutForRandomBitPatterns) {
  std::mt19937_64 bits_source(12345);
  for (int i = 0; i < 200000; ++i) {
    const double value = std::bit_cast<double>(bits_source());
    if (!std::isfinite(value)) continue;
    const std::string text = FormatPythonFloat(value);
    double parsed = 0.0;
    const std::from_chars_result result = std::from_chars(text.data(), text.data() + text.size(), parsed);
    ASSERT_EQ(result.ec, std::errc()) << text;
    ASSERT_EQ(result.ptr, text.data() + text.size()) << text;
    ASSERT_EQ(std::bit_cast<uint64_t>(parsed), std::bit_cast<uint64_t>(value)) << text;

    const size_t e = text.find('e');
    const int exponent10 = static_cast<int>(std::floor(std::log10(std::fabs(value))));
    if (e == std::string::npos) {
      ASSERT_NE(text.find('.'), std::string::npos) << text;  // positional always has a point
      ASSERT_GE(exponent10, -5) << text;                     // log10 may be off by one near powers of ten
      ASSERT_LE(exponent10, 16) << text;
    } else {
      ASSERT_TRUE(text[e + 1] == '+' || text[e + 1] == '-') << text;
      ASSERT_GE(text.size() - e - 2, 2U) << text;  // at least two exponent digits
      ASSERT_NE(text[e - 1], '.') << text;         // never "1.e+20"
      ASSERT_TRUE(exponent10 <= -4 || exponent10 >= 15) << text;
    }
  }
}

TEST(PythonFloatFormatTest, AppendAddsToExistingContent) {
  std::string out = "value=";
  AppendPythonFloat(out, 60.1);
  out += ',';
  AppendPythonFloat(out, 1e-05);
  out += ',';
  AppendPythonFloat(out, -0.0);
  EXPECT_EQ(out, "value=60.1,1e-05,-0.0");
}

TEST(PythonFloatFormatTest, AppendAgreesWithFormat) {
  for (const FormatCase& c : kPythonReprs) {
    std::string out;
    AppendPythonFloat(out, c.value);
    EXPECT_EQ(out, c.python_repr);
  }
}

// The exact 128-bit path must print what the std::to_chars path prints, for every kind of double.
void ExpectFastAgreesWithReference(double value) {
  std::array<char, kMaxPythonFloatLength> fast{};
  std::array<char, kMaxPythonFloatLength> reference{};
  const size_t fast_length = WritePythonFloat(fast.data(), value);
  const size_t reference_length = WritePythonFloatReference(reference.data(), value);
  ASSERT_EQ(std::string(fast.data(), fast_length), std::string(reference.data(), reference_length))
      << std::hexfloat << value;
}

TEST(PythonFloatFormatTest, FastPathAgreesWithToCharsOnMillionsOfDoubles) {
  std::mt19937_64 source(20261123);
  // Random bit patterns: every magnitude, subnormals, NaN payloads, infinities.
  for (int i = 0; i < 300000; ++i) ExpectFastAgreesWithReference(std::bit_cast<double>(source()));
  // Random mantissas over the whole fast range of binary exponents and a little beyond.
  for (int exponent = -20; exponent <= 60; ++exponent) {
    for (int i = 0; i < 20000; ++i) {
      const uint64_t bits = (static_cast<uint64_t>(exponent + 1023) << 52) | (source() >> 12) |
                            (source() & (uint64_t{1} << 63));
      ExpectFastAgreesWithReference(std::bit_cast<double>(bits));
    }
    // Powers of two (the closer lower neighbour) and their neighbours.
    const double power = std::ldexp(1.0, exponent);
    ExpectFastAgreesWithReference(power);
    ExpectFastAgreesWithReference(std::nextafter(power, 0.0));
    ExpectFastAgreesWithReference(std::nextafter(power, 1e300));
  }
  // Short decimals (what rounding and step stages produce), their neighbours, and integers.
  for (int i = 0; i < 300000; ++i) {
    const auto digits = static_cast<int64_t>(source() % 10'000'000'000ULL);
    const int decimals = static_cast<int>(source() % 12);
    const double value = static_cast<double>(digits) / std::pow(10.0, decimals);
    ExpectFastAgreesWithReference(value);
    ExpectFastAgreesWithReference(-value);
    ExpectFastAgreesWithReference(std::nextafter(value, 0.0));
    ExpectFastAgreesWithReference(std::nextafter(value, 1e300));
  }
  // Around every power of ten the fast range touches, and integers at and beyond 2**53 and 1e16.
  for (int exponent = -6; exponent <= 18; ++exponent) {
    double value = std::pow(10.0, exponent);
    for (int i = 0; i < 50; ++i) {
      ExpectFastAgreesWithReference(value);
      ExpectFastAgreesWithReference(-value);
      value = std::nextafter(value, 0.0);
    }
    value = std::pow(10.0, exponent);
    for (int i = 0; i < 50; ++i) value = std::nextafter(value, 1e300), ExpectFastAgreesWithReference(value);
  }
  for (uint64_t n = (uint64_t{1} << 53) - 1000; n < (uint64_t{1} << 53) + 1000; ++n) {
    ExpectFastAgreesWithReference(static_cast<double>(n));
  }
  for (int i = 0; i < 100000; ++i) {
    ExpectFastAgreesWithReference(static_cast<double>(source() % 100'000'000'000'000'000ULL));
  }
  constexpr double kInf = std::numeric_limits<double>::infinity();
  for (double special : {0.0, -0.0, kInf, -kInf, std::numeric_limits<double>::quiet_NaN(),
                         -std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::denorm_min(),
                         std::numeric_limits<double>::min(), std::numeric_limits<double>::max(), 1e-4, 1e16,
                         9999999999999998.0, 0.30000000000000004, 5e-324}) {
    ExpectFastAgreesWithReference(special);
  }
}

TEST(PythonFloatFormatTest, ReferenceMatchesCPythonRepr) {
  for (const FormatCase& c : kPythonReprs) {
    std::array<char, kMaxPythonFloatLength> text{};
    const size_t length = WritePythonFloatReference(text.data(), c.value);
    EXPECT_EQ(std::string(text.data(), length), c.python_repr);
  }
}

}  // namespace
}  // namespace promsynth::compat
