#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/yaml_config_loader.h"
#include "unit/config/config_errors_of.h"

namespace promsynth {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> ErrorsOf(const std::string& yaml) { return testing::ConfigErrorsOf(yaml, "t.yml"); }

TEST(ExemplarConfigTest, TrueIsOneTraceIdOf32HexDigits) {
  const Config config = ParseYamlConfig(
      "metrics:\n  - {name: hits, type: counter, exemplars: true, generator: {kind: constant, value: 1}}\n",
      "t.yml");
  EXPECT_EQ(config.metrics[0].exemplars, (std::vector<ExemplarLabel>{{"trace_id", 32}}));
}

TEST(ExemplarConfigTest, FalseAndAbsentMeanNone) {
  const Config config = ParseYamlConfig(
      "metrics:\n  - {name: a, type: counter, exemplars: false, generator: {kind: constant}}\n"
      "  - {name: b, type: counter, generator: {kind: constant}}\n",
      "t.yml");
  EXPECT_TRUE(config.metrics[0].exemplars.empty());
  EXPECT_TRUE(config.metrics[1].exemplars.empty());
}

TEST(ExemplarConfigTest, ListOfLabelNamesOnAHistogram) {
  const Config config = ParseYamlConfig(R"(
metrics:
  - name: latency_seconds
    type: histogram
    buckets: [0.1, 1]
    observations: {kind: uniform, low: 0, high: 2}
    exemplars: [trace_id, span_id]
)",
                                        "t.yml");
  EXPECT_EQ(config.metrics[0].exemplars, (std::vector<ExemplarLabel>{{"trace_id", 32}, {"span_id", 16}}));
}

TEST(ExemplarConfigTest, GaugeAndSummaryHaveNoExemplars) {
  EXPECT_THAT(ErrorsOf("metrics:\n  - {name: g, exemplars: true, generator: {kind: constant}}\n"),
              ElementsAre("t.yml:2:26: metrics[0].exemplars: only a counter or a histogram carries exemplars "
                          "(OpenMetrics puts them on _total and _bucket lines) \"gauge\" (allowed: remove "
                          "exemplars, or type: counter or histogram)"));
  EXPECT_THAT(
      ErrorsOf("metrics:\n  - {name: s, type: summary, quantiles: [0.5], observations: {kind: constant}, "
               "exemplars: true}\n"),
      ElementsAre(::testing::HasSubstr("metrics[0].exemplars: only a counter or a histogram")));
}

TEST(ExemplarConfigTest, BadSettingsNameTheValueAndWhatIsAllowed) {
  EXPECT_THAT(
      ErrorsOf(
          "metrics:\n  - {name: c, type: counter, exemplars: yes please, generator: {kind: constant}}\n"),
      ElementsAre("t.yml:2:41: metrics[0].exemplars: not an exemplars setting \"yes please\" (allowed: "
                  "true (a trace_id), false, or a list of label names such as [trace_id, span_id])"));
  EXPECT_THAT(
      ErrorsOf("metrics:\n  - {name: c, type: counter, exemplars: [trace_id, 2x, trace_id, __x], "
               "generator: {kind: constant}}\n"),
      ElementsAre(::testing::HasSubstr("metrics[0].exemplars[1]: not a valid exemplar label name \"2x\""),
                  ::testing::HasSubstr("metrics[0].exemplars[2]: exemplar label named twice \"trace_id\""),
                  ::testing::HasSubstr("metrics[0].exemplars[3]: not a valid exemplar label name \"__x\"")));
  EXPECT_THAT(
      ErrorsOf("metrics:\n  - {name: c, type: counter, exemplars: [], generator: {kind: constant}}\n"),
      ElementsAre(::testing::HasSubstr("not an exemplars setting \"<list>\"")));
}

TEST(ExemplarConfigTest, LabelSetLongerThanOpenMetricsAllowsIsRefused) {
  // trace_id (8 + 32) + five 16-digit ids named span_id_N (9 + 16 each) = 40 + 125 = 165 > 128.
  EXPECT_THAT(
      ErrorsOf("metrics:\n  - {name: c, type: counter, exemplars: [trace_id, span_id_1, span_id_2, "
               "span_id_3, span_id_4, span_id_5], generator: {kind: constant}}\n"),
      ElementsAre("t.yml:2:41: metrics[0].exemplars: the exemplar labels are too long for OpenMetrics "
                  "(names plus their 32- or 16-digit ids) \"165 characters\" (allowed: at most 128 "
                  "characters: fewer or shorter names)"));
}

}  // namespace
}  // namespace promsynth
