#include "expo/text_renderer.h"

#include <gtest/gtest.h>

#include "config/yaml_config_loader.h"
#include "engine/engine.h"
#include "unit/expo/oracle.h"

namespace promsynth {
namespace {

std::shared_ptr<const Snapshot> SnapshotOf(const std::string& yaml, int ticks = 3) {
  static const GeneratorRegistry registry = GeneratorRegistry::WithBuiltins();
  static std::vector<std::unique_ptr<Engine>> keep_alive;
  keep_alive.push_back(std::make_unique<Engine>(ParseYamlConfig(yaml, "t.yml"), registry));
  for (int t = 0; t < ticks; ++t) keep_alive.back()->Step(1'700'000'000'000 + t * 1000);
  return keep_alive.back()->Publish();
}

std::string Render(const Snapshot& snapshot, size_t chunk_bytes = 256 * 1024) {
  StringSink sink;
  TextRenderer renderer(chunk_bytes);
  EXPECT_TRUE(renderer.RenderSnapshot(snapshot, sink));
  EXPECT_TRUE(renderer.Flush(sink));
  return sink.text();
}

constexpr const char* kEveryShape = R"(
global: {seed: 3, labels: {env: "prod \"eu\"", zone: "a\\b"}}
metrics:
  - name: requests
    type: counter
    help: Requests served.
    labels: {method: [GET, POST, "PU\nT"], code: ["200", "404", "500"], instance: "0..3"}
    generator: {kind: uniform, low: 0, high: 100}
  - {name: plain, help: No labels at all., generator: {kind: gaussian, mu: 1e-7, sigma: 1e-8}}
  - {name: wide, labels: {id: "0..999"}, generator: {kind: gaussian, mu: 1e12, sigma: 1e9}}
  - {name: mixed, labels: {m: [a, "0..2", z]}, generator: {kind: sine, amplitude: 3, period: 7s}}
  - {name: nan_ok, generator: {kind: constant, value: .nan}}
  - {name: inf_ok, generator: {kind: constant, value: -.inf}}
)";

TEST(TextRendererTest, ByteIdenticalToPrometheusCppSerializer) {
  const auto snapshot = SnapshotOf(kEveryShape);
  EXPECT_EQ(Render(*snapshot), testing::SerializeWithPrometheusCpp(*snapshot));
}

TEST(TextRendererTest, ChunkingDoesNotChangeTheBytes) {
  const auto snapshot = SnapshotOf(kEveryShape);
  const std::string whole = Render(*snapshot);
  EXPECT_EQ(Render(*snapshot, 1), whole);
  EXPECT_EQ(Render(*snapshot, 100), whole);
}

TEST(TextRendererTest, ByteIdenticalAtOneHundredThousandSeries) {
  const auto snapshot = SnapshotOf(R"(
global: {labels: {cycle_id: "0"}}
metrics:
  - {name: big, labels: {a: [x, y, z, w], b: "0..24999"}, generator: {kind: uniform, low: 0, high: 100}}
)",
                                   1);
  EXPECT_EQ(snapshot->values.size(), 100000u);
  EXPECT_EQ(Render(*snapshot), testing::SerializeWithPrometheusCpp(*snapshot));
}

TEST(TextRendererTest, HelpIsEscapedWherePrometheusCppIsNot) {
  // prometheus-cpp 1.0 writes HELP text raw, which breaks the format on a newline; we escape
  // backslash and newline as the text format requires (a documented difference from the oracle).
  const auto snapshot =
      SnapshotOf("metrics:\n  - {name: h, help: \"a\\\\b\\nc\", generator: {kind: constant}}\n");
  EXPECT_EQ(Render(*snapshot), "# HELP h a\\\\b\\nc\n# TYPE h gauge\nh 0\n");
}

TEST(TextRendererTest, StaleSeriesAreLeftOut) {
  // Ticks 0, 1, 2 of "1 stale 3" (a series anchored at the epoch): at tick 1 the series is absent.
  const auto at = [](int ticks) {
    return Render(
        *SnapshotOf("global: {tick: 1s}\nmetrics:\n  - {name: s, generator: {kind: series, values: "
                    "\"1 stale 3\", start: 1700000000}}\n",
                    ticks));
  };
  EXPECT_EQ(at(1), "# HELP s Synthetic gauge from the series generator.\n# TYPE s gauge\ns 1\n");
  EXPECT_EQ(at(2), "# HELP s Synthetic gauge from the series generator.\n# TYPE s gauge\n");
  EXPECT_EQ(at(3), "# HELP s Synthetic gauge from the series generator.\n# TYPE s gauge\ns 3\n");
}

constexpr const char* kHistogramsAndSummaries = R"(
global: {seed: 5, labels: {env: "prod \"eu\"", zone: "a\\b"}}
metrics:
  - name: latency_seconds
    type: histogram
    help: Request latency.
    labels: {method: [GET, POST], instance: "0..2"}
    buckets: [-1, 1e-7, 0.005, 0.25, 1, 2.5, 1e20]
    observations: {kind: exponential, scale: 0.5}
    observations_per_tick: 3.5
  - name: default_buckets
    type: histogram
    observations: {kind: uniform, low: 0, high: 12}
  - name: nan_seen
    type: histogram
    buckets: [1]
    observations: {kind: constant, value: .nan}
  - name: payload_bytes
    type: summary
    labels: {route: ["/", "/api"]}
    quantiles: [0, 0.25, 0.5, 0.9, 0.999, 1]
    window: 5s
    observations: {kind: lognormal, mean: 6, sigma: 1}
    observations_per_tick: {kind: uniform, low: 0, high: 4}
    max_observations_per_tick: 4
  - name: idle
    type: summary
    observations: {kind: constant, value: 1}
    observations_per_tick: 0
  - {name: c, type: counter, labels: {i: "0..9"}, gaps: {drop_probability: 0.3, nan_probability: 0.2, inf_probability: 0.1, neg_inf_probability: 0.1}, generator: {kind: constant, value: 1}}
  - {name: h_gaps, type: histogram, labels: {i: "0..9"}, gaps: {drop_probability: 0.5}, buckets: [1], observations: {kind: uniform}}
)";

TEST(TextRendererTest, HistogramsAndSummariesByteIdenticalToPrometheusCppSerializer) {
  for (int ticks : {1, 4, 9}) {
    const auto snapshot = SnapshotOf(kHistogramsAndSummaries, ticks);
    const std::string ours = Render(*snapshot);
    EXPECT_EQ(ours, testing::SerializeWithPrometheusCpp(*snapshot)) << "after " << ticks << " ticks";
    // Spot checks of the shape, independent of the oracle.
    EXPECT_NE(ours.find("# TYPE latency_seconds histogram\n"), std::string::npos);
    EXPECT_NE(ours.find("latency_seconds_bucket{env=\"prod \\\"eu\\\"\",instance=\"0\",method=\"GET\","
                        "zone=\"a\\\\b\",le=\"1e+20\"} "),
              std::string::npos);
    EXPECT_NE(ours.find(",le=\"+Inf\"} "), std::string::npos);
    EXPECT_NE(ours.find("default_buckets_bucket{env=\"prod \\\"eu\\\"\",zone=\"a\\\\b\",le=\"0.005\"} "),
              std::string::npos);
    EXPECT_NE(ours.find(",quantile=\"0.999\"} "), std::string::npos);
    EXPECT_NE(ours.find("idle{env=\"prod \\\"eu\\\"\",zone=\"a\\\\b\",quantile=\"0.5\"} Nan\n"),
              std::string::npos);
    EXPECT_NE(ours.find("nan_seen_sum{env=\"prod \\\"eu\\\"\",zone=\"a\\\\b\"} Nan\n"), std::string::npos);
  }
}

TEST(TextRendererTest, HistogramWithoutLabelsPutsLeAlone) {
  const auto snapshot = SnapshotOf(
      "metrics:\n  - {name: h, type: histogram, buckets: [0.5], observations: {kind: constant, value: 0.25},"
      " observations_per_tick: 2}\n",
      3);
  EXPECT_EQ(Render(*snapshot),
            "# HELP h Synthetic histogram from the constant generator.\n# TYPE h histogram\n"
            "h_count 6\nh_sum 1.5\nh_bucket{le=\"0.5\"} 6\nh_bucket{le=\"+Inf\"} 6\n");
  EXPECT_EQ(Render(*snapshot), testing::SerializeWithPrometheusCpp(*snapshot));
}

class RefusingSink final : public ByteSink {
 public:
  bool Write(std::string_view) override {
    ++writes;
    return false;
  }
  int writes = 0;
};

TEST(TextRendererTest, StopsAtTheFirstRefusedChunk) {
  const auto snapshot = SnapshotOf(kEveryShape);
  RefusingSink sink;
  TextRenderer renderer(64);
  EXPECT_FALSE(renderer.RenderSnapshot(*snapshot, sink));
  EXPECT_EQ(sink.writes, 1);
}

}  // namespace
}  // namespace promsynth
