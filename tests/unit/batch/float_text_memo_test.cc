#include "batch/float_text_memo.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>

#include "compat/python_float_format.h"

namespace promsynth {
namespace {

std::string Direct(double value) { return compat::FormatPythonFloat(value); }

std::string ThroughMemo(FloatTextMemo& memo, size_t column, double value) {
  std::array<char, compat::kMaxPythonFloatLength> out{};
  const size_t length = memo.Write(out.data(), column, value);
  return std::string(out.data(), length);
}

// A repeating column (hits), a random one (misses, then skipped), long texts (not cached),
// specials and colliding values: every text is the formatter's, whichever way it went.
TEST(FloatTextMemoTest, EveryTextIsTheFormattersOwn) {
  FloatTextMemo memo(3);
  std::mt19937_64 random(42);
  std::uniform_real_distribution<double> uniform(0, 100);
  const std::array<double, 8> specials = {0.0,
                                          -0.0,
                                          std::numeric_limits<double>::quiet_NaN(),
                                          std::numeric_limits<double>::infinity(),
                                          1e-05,
                                          1e16,
                                          -2.2250738585072014e-308,
                                          -0.00012345678901234567};
  for (int i = 0; i < 300'000; ++i) {
    const double repeating = 50 + 10 * std::sin(static_cast<double>(i % 3600) / 3600 * 6.283185307179586);
    ASSERT_EQ(ThroughMemo(memo, 0, repeating), Direct(repeating)) << i;
    const double drawn = uniform(random);
    ASSERT_EQ(ThroughMemo(memo, 1, drawn), Direct(drawn)) << i;
    const double special = specials[static_cast<size_t>(i) % specials.size()];
    ASSERT_EQ(ThroughMemo(memo, 2, special), Direct(special)) << i;
  }
}

// 12,000 values cycled through 8192 sets of two entries: sets with three or more of them evict
// entries all the time (while the column still hits often enough to keep using the memo), and
// no value ever gets another's text.
TEST(FloatTextMemoTest, EvictionsNeverMixUpValues) {
  FloatTextMemo memo(1);
  for (int round = 0; round < 20; ++round) {
    for (int i = 0; i < 12'000; ++i) {
      const double value = static_cast<double>(i) * 0.1;
      ASSERT_EQ(ThroughMemo(memo, 0, value), Direct(value)) << round << " " << i;
    }
  }
}

}  // namespace
}  // namespace promsynth
