#include "expo/text_to_openmetrics.h"

#include <gtest/gtest.h>

namespace promsynth {
namespace {

std::string Translate(std::string_view text) {
  std::string out;
  AppendTextAsOpenMetrics(out, text);
  return out;
}

TEST(TextToOpenMetricsTest, CountersLoseTotalInTheirFamilyName) {
  EXPECT_EQ(Translate("# HELP promsynth_scrapes_total Scrapes served.\n"
                      "# TYPE promsynth_scrapes_total counter\n"
                      "promsynth_scrapes_total 3\n"
                      "# HELP plain A counter named without _total.\n"
                      "# TYPE plain counter\n"
                      "plain{a=\"b\"} 1\n"),
            "# HELP promsynth_scrapes Scrapes served.\n"
            "# TYPE promsynth_scrapes counter\n"
            "promsynth_scrapes_total 3\n"
            "# HELP plain A counter named without _total.\n"
            "# TYPE plain counter\n"
            "plain_total{a=\"b\"} 1\n");
}

TEST(TextToOpenMetricsTest, HistogramsGaugesUntypedAndValues) {
  EXPECT_EQ(Translate("# HELP tick_seconds Tick \"duration\", a\\\\b.\n"
                      "# TYPE tick_seconds histogram\n"
                      "tick_seconds_count 2\n"
                      "tick_seconds_sum 0.5\n"
                      "tick_seconds_bucket{le=\"0.1\"} 1\n"
                      "tick_seconds_bucket{le=\"+Inf\"} 2\n"
                      "\n"
                      "# a comment\n"
                      "# TYPE u untyped\n"
                      "u{x=\"} Nan\\\" \"} Nan\n"
                      "# TYPE g gauge\n"
                      "g -Inf\n"),
            "# HELP tick_seconds Tick \\\"duration\\\", a\\\\b.\n"
            "# TYPE tick_seconds histogram\n"
            "tick_seconds_count 2\n"
            "tick_seconds_sum 0.5\n"
            "tick_seconds_bucket{le=\"0.1\"} 1\n"
            "tick_seconds_bucket{le=\"+Inf\"} 2\n"
            "# TYPE u unknown\n"
            "u{x=\"} Nan\\\" \"} NaN\n"
            "# TYPE g gauge\n"
            "g -Inf\n");
}

TEST(TextToOpenMetricsTest, EmptyTextAddsNothing) { EXPECT_EQ(Translate(""), ""); }

}  // namespace
}  // namespace promsynth
