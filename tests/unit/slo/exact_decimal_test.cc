#include "slo/exact_decimal.h"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <optional>
#include <random>
#include <string>

namespace promsynth::slo {
namespace {

std::uint64_t Chunk(const char (&text)[9]) {
  std::uint64_t chunk = 0;
  std::memcpy(&chunk, text, sizeof chunk);
  return chunk;
}

double FromChars(const std::string& literal) {
  double value = 0.0;
  const auto result = std::from_chars(literal.data(), literal.data() + literal.size(), value);
  EXPECT_EQ(result.ptr, literal.data() + literal.size()) << literal;
  return value;
}

TEST(ExactDecimalTest, EightDigitsValueReadsTheFirstCharacterAsTheMostSignificant) {
  EXPECT_EQ(EightDigitsValue(Chunk("12345678")), 12345678U);
  EXPECT_EQ(EightDigitsValue(Chunk("00000000")), 0U);
  EXPECT_EQ(EightDigitsValue(Chunk("99999999")), 99999999U);
  EXPECT_EQ(EightDigitsValue(Chunk("00000001")), 1U);
  EXPECT_EQ(EightDigitsValue(Chunk("10000000")), 10000000U);
  std::mt19937_64 random(7);
  for (int i = 0; i < 100'000; ++i) {
    const auto value = static_cast<std::uint32_t>(random() % 100'000'000);
    char text[9];
    std::snprintf(text, sizeof text, "%08u", value);
    ASSERT_EQ(EightDigitsValue(Chunk(text)), value) << text;
  }
}

TEST(ExactDecimalTest, EightDigitsValueRefusesEveryNonDigitAtEveryPosition) {
  for (int position = 0; position < 8; ++position) {
    for (int byte = 0; byte < 256; ++byte) {
      if (byte >= '0' && byte <= '9') continue;
      char text[9] = "73915046";
      text[position] = static_cast<char>(byte);
      ASSERT_EQ(EightDigitsValue(Chunk(text)), std::nullopt) << "byte " << byte << " at " << position;
    }
  }
}

TEST(ExactDecimalTest, TheShapesOfPrometheusAndTheodoliteBodies) {
  EXPECT_EQ(ExactDecimal("1634.624674695000E9"), 1634624674695.0);
  EXPECT_EQ(ExactDecimal("1634624674.695"), 1634624674.695);
  EXPECT_EQ(ExactDecimal("758464"), 758464.0);
  EXPECT_EQ(ExactDecimal("0.25"), 0.25);
  EXPECT_EQ(ExactDecimal("0"), 0.0);
  EXPECT_EQ(ExactDecimal("0.000"), 0.0);
  EXPECT_EQ(ExactDecimal("1."), 1.0);
  EXPECT_EQ(ExactDecimal(".5"), 0.5);
  EXPECT_EQ(ExactDecimal("5e-1"), 0.5);
  EXPECT_EQ(ExactDecimal("2.5E+3"), 2500.0);
  EXPECT_EQ(ExactDecimal("0.000000000000000000000000000000001e33"), 1.0);  // leading zeros are free
  EXPECT_EQ(ExactDecimal("90071992547409920"), 90071992547409920.0);       // trailing zeros folded
}

TEST(ExactDecimalTest, AnythingElseIsNanLeftToTheFullConversion) {
  for (const char* literal :
       {"",
        ".",
        "e5",
        "1e",
        "1e+",
        "1e-",
        "1.2.3",
        "1x",
        "12345678x",
        "x12345678",
        "-1",
        "+1",
        " 1",
        "1 ",
        "1_0",
        "inf",
        "nan",
        "1e12345",
        "1.5e-",
        "١",
        "0x10",
        "12345678901234567890",  // 20 significant digits
        "9007199254740993",      // above 2^53
        "3970.0000000000005",    // 17 digits, above 2^53
        "1e23",
        "1e-23",                      // beyond the exact powers of ten
        "123456789.123456789e10"}) {  // 18 digits but the exponent is past 22 for this mantissa
    EXPECT_TRUE(std::isnan(ExactDecimal(literal))) << literal;
  }
}

TEST(ExactDecimalTest, AgreesBitForBitWithACorrectlyRoundedConversion) {
  std::mt19937_64 random(11);
  const auto digits = [&](int count) {
    std::string out;
    for (int i = 0; i < count; ++i) out.push_back(static_cast<char>('0' + random() % 10));
    return out;
  };
  int exact = 0;
  constexpr int kLiterals = 200'000;
  for (int i = 0; i < kLiterals; ++i) {
    std::string literal = digits(static_cast<int>(random() % 21));
    if (random() % 2 == 0) literal += "." + digits(static_cast<int>(random() % 21));
    if (literal.find_first_of("0123456789") == std::string::npos) literal += "7";
    if (random() % 3 == 0) {
      literal += random() % 2 == 0 ? "e" : "E";
      const auto sign = random() % 3;
      if (sign != 0) literal += sign == 1 ? "-" : "+";
      literal += std::to_string(random() % 40);
    }
    const double value = ExactDecimal(literal);
    if (std::isnan(value)) continue;
    ++exact;
    const double expected = FromChars(literal);
    ASSERT_EQ(std::memcmp(&value, &expected, sizeof(double)), 0) << literal;
  }
  // Most literals of up to 19 significant digits take this path; a test that never took it would
  // prove nothing.
  EXPECT_GT(exact, kLiterals / 4);
}

// Digit runs of every length, ending at a character that ends a literal in a body, with text
// after them: the eight-at-a-time read must stop at the run's end however it falls in the word.
TEST(ExactDecimalTest, ScanDecimalStopsWhereEveryDigitRunEnds) {
  std::mt19937_64 random(5);
  for (int length = 1; length <= 19; ++length) {
    for (const char stop : {'"', ',', ']', ' ', '.', 'e'}) {
      for (int trial = 0; trial < 50; ++trial) {
        std::string text;
        std::uint64_t expected = 0;
        for (int i = 0; i < length; ++i) {
          const auto digit = static_cast<int>(i == 0 ? 1 + random() % 9 : random() % 10);
          text.push_back(static_cast<char>('0' + digit));
          expected = expected * 10 + static_cast<std::uint64_t>(digit);
        }
        text += stop;
        text += "x, [12345678901, \"42\"]]";
        const char* p = text.data();
        DecimalDigits digits;
        // `.` and `e` continue a literal; followed by `x`, they end it in neither grammar.
        const bool continues = stop == '.' || stop == 'e';
        ASSERT_EQ(ScanDecimal<DecimalGrammar::kJsonNumber>(p, text.data() + text.size(), digits), !continues)
            << text;
        if (continues) continue;
        EXPECT_EQ(p, text.data() + length) << text;
        EXPECT_EQ(digits.mantissa, expected) << text;
        EXPECT_EQ(digits.exponent, 0) << text;
        EXPECT_FALSE(digits.fraction_or_exponent) << text;
      }
    }
  }
}

TEST(ExactDecimalTest, ScanDecimalReadsJsonNumbersAsNumberReDoes) {
  const auto scan = [](std::string_view text, DecimalDigits& digits) -> std::optional<std::size_t> {
    const char* p = text.data();
    if (!ScanDecimal<DecimalGrammar::kJsonNumber>(p, text.data() + text.size(), digits)) return std::nullopt;
    return static_cast<std::size_t>(p - text.data());
  };
  DecimalDigits digits;
  EXPECT_EQ(scan("1634624674.695,", digits), 14U);
  EXPECT_EQ(digits.mantissa, 1634624674695U);
  EXPECT_EQ(digits.exponent, -3);
  EXPECT_TRUE(digits.fraction_or_exponent);
  digits = {};
  EXPECT_EQ(scan("1.634624674695E9, \"5\"", digits), 16U);
  EXPECT_EQ(digits.mantissa, 1634624674695U);
  EXPECT_EQ(digits.exponent, -3);
  digits = {};
  EXPECT_EQ(scan("0]", digits), 1U);
  EXPECT_EQ(digits.mantissa, 0U);
  EXPECT_FALSE(digits.fraction_or_exponent);
  digits = {};
  EXPECT_EQ(scan("0.25e-1 ", digits), 7U);
  EXPECT_EQ(digits.mantissa, 25U);
  EXPECT_EQ(digits.exponent, -3);
  // What NUMBER_RE does not match, or matches only in part so that Python fails at the next
  // token, is left to the caller's full reading.
  for (const char* text : {"", "-1", "+1", ".5", "5.", "5.,", "01", "00.5", "1e", "1e+,", "1E-]", "1e12345",
                           "12345678901234567890", "x"}) {
    digits = {};
    EXPECT_EQ(scan(text, digits), std::nullopt) << text;
  }
}

}  // namespace
}  // namespace promsynth::slo
