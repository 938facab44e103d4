#include "alerting/go_float_format.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace promsynth {
namespace {

// Expected texts are what Go's fmt.Sprint(float64) prints (strconv 'g', shortest, %e outside [-4, 6)).
TEST(GoFloatFormatTest, MatchesGoPrint) {
  EXPECT_EQ(FormatGoFloat(90), "90");
  EXPECT_EQ(FormatGoFloat(0.5), "0.5");
  EXPECT_EQ(FormatGoFloat(-2), "-2");
  EXPECT_EQ(FormatGoFloat(0), "0");
  EXPECT_EQ(FormatGoFloat(123456), "123456");
  EXPECT_EQ(FormatGoFloat(1e6), "1e+06");
  EXPECT_EQ(FormatGoFloat(1234567), "1.234567e+06");
  EXPECT_EQ(FormatGoFloat(0.0001), "0.0001");
  EXPECT_EQ(FormatGoFloat(0.00001), "1e-05");
  EXPECT_EQ(FormatGoFloat(1.5e-7), "1.5e-07");
  EXPECT_EQ(FormatGoFloat(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(FormatGoFloat(81.27318302794465), "81.27318302794465");
  EXPECT_EQ(FormatGoFloat(1e21), "1e+21");
  EXPECT_EQ(FormatGoFloat(1e100), "1e+100");
  EXPECT_EQ(FormatGoFloat(std::nan("")), "NaN");
  EXPECT_EQ(FormatGoFloat(INFINITY), "+Inf");
  EXPECT_EQ(FormatGoFloat(-INFINITY), "-Inf");
}

}  // namespace
}  // namespace promsynth
