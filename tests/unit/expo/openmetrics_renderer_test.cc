#include "expo/openmetrics_renderer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "config/yaml_config_loader.h"
#include "engine/engine.h"
#include "expo/exemplar.h"
#include "expo/text_renderer.h"

namespace promsynth {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr int64_t kT0 = 1'700'000'000'000;  // a multiple of every reset period used here

std::shared_ptr<const Snapshot> SnapshotOf(const std::string& yaml, int ticks = 3) {
  static const GeneratorRegistry registry = GeneratorRegistry::WithBuiltins();
  static std::vector<std::unique_ptr<Engine>> keep_alive;
  keep_alive.push_back(std::make_unique<Engine>(ParseYamlConfig(yaml, "t.yml"), registry));
  for (int t = 0; t < ticks; ++t) keep_alive.back()->Step(kT0 + t * 1000);
  return keep_alive.back()->Publish();
}

std::string Render(const Snapshot& snapshot, size_t chunk_bytes = 256 * 1024) {
  StringSink sink;
  OpenMetricsRenderer renderer(chunk_bytes);
  EXPECT_TRUE(renderer.RenderSnapshot(snapshot, sink));
  EXPECT_TRUE(renderer.Finish(sink));
  return sink.text();
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

constexpr const char* kEveryType = R"(
global: {seed: 7, labels: {env: x}}
metrics:
  - {name: temp_celsius, unit: celsius, help: 'Room "A" temp.', labels: {room: "0..1"},
     generator: {kind: constant, value: 21.5}}
  - {name: hits, type: counter, help: Hits., generator: {kind: constant, value: 2}}
  - name: latency_seconds
    type: histogram
    unit: seconds
    help: Latency.
    buckets: [0.1, 1]
    observations: {kind: constant, value: 0.5}
    observations_per_tick: 2
  - name: size_bytes
    type: summary
    help: Sizes.
    quantiles: [0.5, 0.9]
    window: 10s
    observations: {kind: constant, value: 100}
    observations_per_tick: 1
)";

TEST(OpenMetricsRendererTest, EveryTypeExactly) {
  // Three ticks from kT0: the counter's first increment covers the second before kT0, so
  // `_created` is kT0 − 1 s.
  EXPECT_EQ(Render(*SnapshotOf(kEveryType)),
            "# TYPE temp_celsius gauge\n"
            "# UNIT temp_celsius celsius\n"
            "# HELP temp_celsius Room \\\"A\\\" temp.\n"
            "temp_celsius{env=\"x\",room=\"0\"} 21.5\n"
            "temp_celsius{env=\"x\",room=\"1\"} 21.5\n"
            "# TYPE hits counter\n"
            "# HELP hits Hits.\n"
            "hits_total{env=\"x\"} 6.0\n"
            "hits_created{env=\"x\"} 1699999999\n"
            "# TYPE latency_seconds histogram\n"
            "# UNIT latency_seconds seconds\n"
            "# HELP latency_seconds Latency.\n"
            "latency_seconds_bucket{env=\"x\",le=\"0.1\"} 0.0\n"
            "latency_seconds_bucket{env=\"x\",le=\"1.0\"} 6.0\n"
            "latency_seconds_bucket{env=\"x\",le=\"+Inf\"} 6.0\n"
            "latency_seconds_count{env=\"x\"} 6.0\n"
            "latency_seconds_sum{env=\"x\"} 3.0\n"
            "latency_seconds_created{env=\"x\"} 1699999999\n"
            "# TYPE size_bytes summary\n"
            "# HELP size_bytes Sizes.\n"
            "size_bytes{env=\"x\",quantile=\"0.5\"} 100.0\n"
            "size_bytes{env=\"x\",quantile=\"0.9\"} 100.0\n"
            "size_bytes_count{env=\"x\"} 3.0\n"
            "size_bytes_sum{env=\"x\"} 300.0\n"
            "size_bytes_created{env=\"x\"} 1699999999\n"
            "# EOF\n");
}

TEST(OpenMetricsRendererTest, WithoutLabelsAndWithSpecialValues) {
  EXPECT_EQ(Render(*SnapshotOf(R"(
metrics:
  - {name: nan_gauge, help: N., generator: {kind: constant, value: .nan}}
  - {name: low, help: L., generator: {kind: constant, value: -.inf}}
  - {name: high, help: H., generator: {kind: constant, value: .inf}}
  - {name: tiny, help: T., generator: {kind: constant, value: 1e-7}}
  - {name: ops_total, type: counter, help: O., generator: {kind: constant, value: 0.25}}
  - {name: wait_seconds, type: histogram, help: W., buckets: [5], observations: {kind: constant, value: 3},
     observations_per_tick: 1}
)",
                               1)),
            "# TYPE nan_gauge gauge\n# HELP nan_gauge N.\nnan_gauge NaN\n"
            "# TYPE low gauge\n# HELP low L.\nlow -Inf\n"
            "# TYPE high gauge\n# HELP high H.\nhigh +Inf\n"
            "# TYPE tiny gauge\n# HELP tiny T.\ntiny 1e-07\n"
            "# TYPE ops counter\n# HELP ops O.\nops_total 0.25\nops_created 1699999999\n"
            "# TYPE wait_seconds histogram\n# HELP wait_seconds W.\n"
            "wait_seconds_bucket{le=\"5.0\"} 1.0\nwait_seconds_bucket{le=\"+Inf\"} 1.0\nwait_seconds_count "
            "1.0\nwait_seconds_sum 3.0\n"
            "wait_seconds_created 1699999999\n"
            "# EOF\n");
}

TEST(OpenMetricsRendererTest, CreatedIsTheLastReset) {
  // Resets every 2 s: at kT0 and kT0 + 2 s; the third tick is a reset, so the count is 0 again.
  const std::string body = Render(*SnapshotOf(R"(
metrics:
  - {name: jobs, type: counter, help: J., resets: {every: 2s}, generator: {kind: constant, value: 1}}
)"));
  EXPECT_THAT(body, HasSubstr("jobs_total 0.0\njobs_created 1700000002\n"));
  EXPECT_THAT(Render(*SnapshotOf(R"(
metrics:
  - {name: jobs, type: counter, help: J., resets: {every: 2s}, generator: {kind: constant, value: 1}}
)",
                                 2)),
              HasSubstr("jobs_total 1.0\njobs_created 1700000000\n"));
}

TEST(OpenMetricsRendererTest, StaleAndAbsentSeriesAreLeftOutAsInText) {
  const auto snapshot = SnapshotOf(R"(
metrics:
  - {name: gone, help: G., generator: {kind: constant, value: 1}, gaps: {absent: [{from: 0, to: 2000000000}]}}
  - {name: kept, help: K., generator: {kind: constant, value: 1}}
)");
  EXPECT_EQ(Render(*snapshot),
            "# TYPE gone gauge\n# HELP gone G.\n# TYPE kept gauge\n# HELP kept K.\nkept 1.0\n# EOF\n");
}

TEST(OpenMetricsRendererTest, CounterTotalsThatAreNaNOrNegativeAreLeftOutButTextKeepsThem) {
  const auto snapshot = SnapshotOf(R"(
metrics:
  - {name: a_total, type: counter, help: A., generator: {kind: constant, value: 1}, gaps: {nan_probability: 1}}
  - {name: b_total, type: counter, help: B., generator: {kind: constant, value: 1}, gaps: {neg_inf_probability: 1}}
  - {name: c_total, type: counter, help: C., generator: {kind: constant, value: 1}, gaps: {inf_probability: 1}}
  - {name: d, help: D., generator: {kind: constant, value: 1}, gaps: {nan_probability: 1}}
)",
                                   1);
  EXPECT_EQ(Render(*snapshot),
            "# TYPE a counter\n# HELP a A.\n"
            "# TYPE b counter\n# HELP b B.\n"
            "# TYPE c counter\n# HELP c C.\nc_total +Inf\nc_created 1699999999\n"
            "# TYPE d gauge\n# HELP d D.\nd NaN\n# EOF\n");
  StringSink text;
  TextRenderer renderer;
  ASSERT_TRUE(renderer.RenderSnapshot(*snapshot, text) && renderer.Flush(text));
  EXPECT_THAT(text.text(), HasSubstr("a_total Nan\n"));  // prometheus-cpp spells it so
  EXPECT_THAT(text.text(), HasSubstr("b_total -Inf\n"));
}

TEST(OpenMetricsRendererTest, ChunkingDoesNotChangeTheBytes) {
  const auto snapshot = SnapshotOf(kEveryType);
  const std::string whole = Render(*snapshot);
  EXPECT_EQ(Render(*snapshot, 1), whole);
  EXPECT_EQ(Render(*snapshot, 64), whole);
}

constexpr const char* kExemplars = R"(
global: {seed: 11}
metrics:
  - {name: hits, type: counter, help: H., labels: {code: ["200", "500"]}, exemplars: true,
     generator: {kind: constant, value: 2}}
  - {name: idle, type: counter, help: I., exemplars: true, generator: {kind: constant, value: 0}}
  - name: latency_seconds
    type: histogram
    help: L.
    buckets: [0.1, 1, 2]
    observations: {kind: constant, value: 0.5}
    observations_per_tick: 1
    exemplars: [trace_id, span_id]
)";

TEST(OpenMetricsRendererTest, ExemplarsOnCounterTotalsAndBucketsThatGrew) {
  const std::vector<std::string> lines = Lines(Render(*SnapshotOf(kExemplars)));
  const std::regex counter(
      R"re(hits_total\{code="(200|500)"\} 6\.0 # \{trace_id="[0-9a-f]{32}"\} 1\.0 1700000002)re");
  EXPECT_TRUE(std::regex_match(lines.at(2), counter)) << lines.at(2);
  EXPECT_EQ(lines.at(3), "hits_created{code=\"200\"} 1699999999");
  EXPECT_TRUE(std::regex_match(lines.at(4), counter)) << lines.at(4);
  EXPECT_NE(lines.at(2).substr(lines.at(2).find('#')), lines.at(4).substr(lines.at(4).find('#')));
  EXPECT_EQ(lines.at(8), "idle_total 0.0");  // nothing counted: no event to point at
  // Only the bucket that holds the observations (0.1, 1] shows one, with a value inside it.
  EXPECT_EQ(lines.at(12), "latency_seconds_bucket{le=\"0.1\"} 0.0");
  const std::regex bucket(
      R"re(latency_seconds_bucket\{le="1\.0"\} 3\.0 # \{trace_id="[0-9a-f]{32}",span_id="[0-9a-f]{16}"\} ([0-9.e-]+) 1700000002)re");
  std::smatch match;
  ASSERT_TRUE(std::regex_match(lines.at(13), match, bucket)) << lines.at(13);
  const double value = std::stod(match[1]);
  EXPECT_GT(value, 0.1);
  EXPECT_LE(value, 1.0);
  EXPECT_EQ(lines.at(14), "latency_seconds_bucket{le=\"2.0\"} 3.0");
  EXPECT_EQ(lines.at(15), "latency_seconds_bucket{le=\"+Inf\"} 3.0");
}

TEST(OpenMetricsRendererTest, ExemplarIdsAreDeterministicAndChangeWithTickSeedAndLine) {
  EXPECT_EQ(Render(*SnapshotOf(kExemplars)), Render(*SnapshotOf(kExemplars)));
  EXPECT_NE(Render(*SnapshotOf(kExemplars)), Render(*SnapshotOf(kExemplars, 4)));
  const std::string other_seed =
      std::regex_replace(std::string(kExemplars), std::regex("seed: 11"), "seed: 12");
  EXPECT_NE(Lines(Render(*SnapshotOf(kExemplars))).at(2), Lines(Render(*SnapshotOf(other_seed))).at(2));

  const auto snapshot = SnapshotOf(kExemplars);
  const FamilyLayout& histogram = snapshot->layout->families[2];
  std::string a, b, c, d;
  AppendExemplar(a, histogram, {0, 5, 1}, 0.5, 1'000);
  AppendExemplar(b, histogram, {0, 5, 2}, 0.5, 1'000);
  AppendExemplar(c, histogram, {0, 6, 1}, 0.5, 1'000);
  AppendExemplar(d, histogram, {0, 5, 1}, 0.5, 1'000);
  EXPECT_NE(a, b);
  EXPECT_NE(a, c);
  EXPECT_EQ(a, d);
  EXPECT_TRUE(
      std::regex_match(a, std::regex(R"re( # \{trace_id="[0-9a-f]{32}",span_id="[0-9a-f]{16}"\} 0\.5 1)re")))
      << a;
  for (size_t line = 1; line <= 4; ++line) {
    const double value = ExemplarBucketValue(histogram, {0, 9, line});
    const double lower = line == 1 ? 0 : histogram.buckets[line - 2];
    const double upper = line <= 3 ? histogram.buckets[line - 1] : 4;  // +Inf: 2 + max(|2|, 1)
    EXPECT_GT(value, lower) << line;
    EXPECT_LE(value, upper) << line;
  }
}

TEST(OpenMetricsRendererTest, TextFormatNeverShowsExemplars) {
  const auto snapshot = SnapshotOf(kExemplars);
  StringSink sink;
  TextRenderer renderer;
  ASSERT_TRUE(renderer.RenderSnapshot(*snapshot, sink) && renderer.Flush(sink));
  EXPECT_THAT(sink.text(), Not(HasSubstr("#  {")));
  EXPECT_THAT(sink.text(), Not(HasSubstr("trace_id")));
  EXPECT_THAT(Render(*snapshot), HasSubstr("trace_id"));
}

TEST(OpenMetricsRendererTest, RefusingSinkStopsTheRender) {
  struct Refusing final : ByteSink {
    bool Write(std::string_view) override { return false; }
  } sink;
  OpenMetricsRenderer renderer(1);
  EXPECT_FALSE(renderer.RenderSnapshot(*SnapshotOf(kEveryType), sink));
}

}  // namespace
}  // namespace promsynth
