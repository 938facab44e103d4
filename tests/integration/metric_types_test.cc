// Every metric type from the built daemon, checked by the real `promtool check metrics` and by the
// invariants of the text format: cumulative buckets, `+Inf` equal to `_count`, counters that only
// go down at a scripted reset.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <sstream>

#include "support/daemon_process.h"
#include "support/http_client.h"
#include "support/process.h"
#include "support/temp_dir.h"
#include "support/wait.h"

namespace promsynth::testing {
namespace {

using std::chrono::seconds;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kEveryType = R"(
global: {seed: 21, tick: 100ms, labels: {env: test}}
metrics:
  - name: room_temperature_celsius
    help: A gauge.
    labels: {room: "0..2"}
    generator: {kind: sine, amplitude: 5, period: 10s, offset: 20}
    gaps: {nan_probability: 0.1, inf_probability: 0.05, neg_inf_probability: 0.05}
  - name: requests
    type: counter
    help: A counter fed by increments, reset every 2 seconds.
    labels: {code: ["200", "500"]}
    generator: {kind: uniform, low: 0, high: 10}
    resets: {every: 2s}
  - name: bytes
    type: counter
    mode: rate
    help: A counter fed by a rate per second.
    generator: {kind: constant, value: 1000}
    gaps: {drop_probability: 0.3}
  - name: restarts
    type: counter
    mode: total
    help: A counter given as its total (a sawtooth, so it resets).
    generator: {kind: sawtooth, amplitude: 50, offset: 50, period: 3s}
  - name: request_duration_seconds
    type: histogram
    help: A histogram.
    labels: {route: ["/", "/api"]}
    buckets: [0.05, 0.1, 0.25, 0.5, 1]
    observations: {kind: lognormal, mean: -2, sigma: 1}
    observations_per_tick: {kind: uniform, low: 0, high: 8}
  - name: response_size_bytes
    type: summary
    help: A summary.
    quantiles: [0.5, 0.9, 0.99]
    window: 5s
    observations: {kind: exponential, scale: 1500}
    observations_per_tick: 3
  - name: flapping
    help: Absent for half of every second.
    generator: {kind: constant, value: 1}
    gaps: {absent: [{every: 1s, for: 500ms}]}
)";

// Sample lines of `body` whose name is `name` (exactly), by their full series text.
std::map<std::string, double> Samples(const std::string& body, const std::string& name) {
  std::map<std::string, double> samples;
  std::istringstream in(body);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t end = line.find_first_of("{ ");
    if (line.substr(0, end) != name) continue;
    const size_t space = line.rfind(' ');
    samples[line.substr(0, space)] = std::stod(line.substr(space + 1));
  }
  return samples;
}

class MetricTypesDaemonTest : public ::testing::Test {
 protected:
  void SetUp() override { daemon_ = std::make_unique<DaemonProcess>(dir_.Write("types.yml", kEveryType)); }
  std::string Scrape() { return Get(daemon_->url() + "/metrics").body; }

  TempDir dir_;
  std::unique_ptr<DaemonProcess> daemon_;
};

TEST_F(MetricTypesDaemonTest, PromtoolAcceptsEveryType) {
  std::string body;
  ASSERT_TRUE(WaitUntil(
      [&] {
        body = Scrape();
        return body.find("request_duration_seconds_bucket{") != std::string::npos;
      },
      seconds(10)));
  for (const char* type : {"gauge", "counter", "histogram", "summary"}) {
    EXPECT_THAT(body, HasSubstr(std::string(" ") + type + "\n")) << type;
  }
  EXPECT_THAT(body, HasSubstr("# TYPE request_duration_seconds histogram\n"));
  EXPECT_THAT(body, HasSubstr("request_duration_seconds_bucket{env=\"test\",route=\"/api\",le=\"+Inf\"} "));
  EXPECT_THAT(body, HasSubstr("# TYPE response_size_bytes summary\n"));
  EXPECT_THAT(body, HasSubstr("response_size_bytes{env=\"test\",quantile=\"0.99\"} "));
  EXPECT_THAT(body, HasSubstr("# TYPE requests_total counter\n"));
  const CommandResult promtool =
      RunCommand({"sh", "-c", "promtool check metrics < " + dir_.Write("scrape.txt", body)}, seconds(60));
  EXPECT_EQ(promtool.exit_code, 0) << promtool.output << "\n" << body;
}

TEST_F(MetricTypesDaemonTest, InvariantsHoldScrapeAfterScrape) {
  std::map<std::string, double> previous_requests;
  int scrapes = 0;
  int resets = 0;
  int nan_or_inf = 0;
  // 40 scrapes over at least 4 s: two scripted resets of requests_total, NaN/Inf on the gauge.
  ASSERT_TRUE(WaitUntil(
      [&] {
        const std::string body = Scrape();
        ++scrapes;
        const auto buckets = Samples(body, "request_duration_seconds_bucket");
        const auto counts = Samples(body, "request_duration_seconds_count");
        const auto sums = Samples(body, "request_duration_seconds_sum");
        EXPECT_EQ(counts.size(), 2u);
        for (const auto& [series, count] : counts) {
          // `request_duration_seconds_count{env="test",route="/"}` → its labels, without the brace.
          const std::string labels = series.substr(series.find('{'), series.size() - series.find('{') - 1);
          double below = 0;
          for (const char* le : {"0.05", "0.1", "0.25", "0.5", "1", "+Inf"}) {
            const std::string key = "request_duration_seconds_bucket" + labels + ",le=\"" + le + "\"}";
            EXPECT_EQ(buckets.count(key), 1u) << key;
            const double value = buckets.count(key) ? buckets.at(key) : -1;
            EXPECT_GE(value, below) << key;  // cumulative
            below = value;
          }
          EXPECT_EQ(below, count) << "+Inf bucket and _count of " << labels;
          const std::string sum = "request_duration_seconds_sum" + labels + "}";
          EXPECT_EQ(sums.count(sum), 1u);
          EXPECT_GE(sums.at(sum), 0);
        }
        const auto summary_count = Samples(body, "response_size_bytes_count");
        EXPECT_EQ(summary_count.size(), 1u);
        const auto quantiles = Samples(body, "response_size_bytes");
        EXPECT_EQ(quantiles.size(), 3u);
        for (const auto& [series, value] : Samples(body, "requests_total")) {
          if (previous_requests.count(series) && value < previous_requests[series]) {
            ++resets;
            EXPECT_EQ(value, 0) << "a counter goes down only to a scripted reset's 0";
          }
          previous_requests[series] = value;
        }
        for (const auto& [series, value] : Samples(body, "room_temperature_celsius")) {
          if (std::isnan(value) || std::isinf(value)) ++nan_or_inf;
        }
        return scrapes >= 40 && resets >= 2;
      },
      seconds(30), std::chrono::milliseconds(100)))
      << scrapes << " scrapes, " << resets << " resets";
  EXPECT_GT(nan_or_inf, 0);
}

TEST_F(MetricTypesDaemonTest, AnAbsentWindowLeavesTheSeriesOut) {
  bool seen_absent = false;
  bool seen_present = false;
  ASSERT_TRUE(WaitUntil(
      [&] {
        const std::string body = Scrape();
        const bool present = body.find("\nflapping{env=\"test\"} 1\n") != std::string::npos;
        EXPECT_THAT(body, HasSubstr("# TYPE flapping gauge\n"));
        (present ? seen_present : seen_absent) = true;
        return seen_absent && seen_present;
      },
      seconds(10), std::chrono::milliseconds(50)));
  EXPECT_THAT(Scrape(), Not(HasSubstr("flapping_count")));
}

}  // namespace
}  // namespace promsynth::testing
