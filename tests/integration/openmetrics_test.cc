// OpenMetrics on /metrics (issue #12): the daemon answers Prometheus' Accept header with OpenMetrics
// 1.0.0 (gzip or not) and everything else with text 0.0.4; a real Prometheus scrapes every metric
// type through its OpenMetrics parser without errors and stores the exemplars.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <signal.h>

#include <regex>
#include <sstream>

#include "support/daemon_process.h"
#include "support/http_client.h"
#include "support/process.h"
#include "support/prometheus_server.h"
#include "support/temp_dir.h"
#include "support/wait.h"

namespace promsynth::testing {
namespace {

using std::chrono::seconds;
using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

const auto kPoll = std::chrono::milliseconds(200);

// What Prometheus 2.42 (Debian bookworm) sends with every scrape.
constexpr const char* kPrometheusAccept =
    "Accept: application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
    "text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

// Every type, no gaps: the number of samples is the same in every scrape.
constexpr const char* kEveryType = R"(
global: {seed: 5, tick: 200ms, labels: {env: om}}
metrics:
  - {name: room_temperature_celsius, unit: celsius, help: 'A "gauge".', labels: {room: "0..2"},
     generator: {kind: sine, amplitude: 5, period: 10s, offset: 20}}
  - {name: requests, type: counter, help: A counter with exemplars., labels: {code: ["200", "500"]},
     exemplars: true, generator: {kind: uniform, low: 1, high: 10}}
  - {name: restarts, type: counter, mode: total, help: A counter given as its total.,
     generator: {kind: sawtooth, amplitude: 50, offset: 50, period: 3s}}
  - name: request_duration_seconds
    type: histogram
    unit: seconds
    help: A histogram with exemplars.
    labels: {route: ["/", "/api"]}
    buckets: [0.05, 0.1, 0.25, 0.5, 1]
    observations: {kind: lognormal, mean: -2, sigma: 1}
    observations_per_tick: 4
    exemplars: [trace_id, span_id]
  - name: response_size_bytes
    type: summary
    unit: bytes
    help: A summary.
    quantiles: [0.5, 0.9, 0.99]
    window: 5s
    observations: {kind: exponential, scale: 1500}
    observations_per_tick: 3
)";

HttpResponse Scrape(const DaemonProcess& daemon, std::vector<std::string> headers, bool gzip = false) {
  return Fetch({.url = daemon.url() + "/metrics", .headers = std::move(headers), .accept_gzip = gzip});
}

size_t SampleLines(const std::string& body) {
  size_t count = 0;
  std::istringstream in(body);
  for (std::string line; std::getline(in, line);) count += !line.empty() && line[0] != '#';
  return count;
}

TEST(OpenMetricsTest, DaemonServesOpenMetricsWhenAskedAndTextOtherwise) {
  TempDir dir;
  DaemonProcess daemon(dir.Write("every.yml", kEveryType));

  const HttpResponse open_metrics = Scrape(daemon, {kPrometheusAccept});
  ASSERT_EQ(open_metrics.status, 200) << open_metrics.error;
  EXPECT_EQ(open_metrics.headers.at("content-type"),
            "application/openmetrics-text; version=1.0.0; charset=utf-8");
  const std::string& om = open_metrics.body;
  EXPECT_THAT(om,
              StartsWith("# TYPE room_temperature_celsius gauge\n# UNIT room_temperature_celsius celsius\n"
                         "# HELP room_temperature_celsius A \\\"gauge\\\".\n"));
  EXPECT_THAT(om, EndsWith("\n# EOF\n"));
  EXPECT_THAT(om, HasSubstr("# TYPE requests counter\n"));
  EXPECT_TRUE(std::regex_search(
      om,
      std::regex(
          R"re(\nrequests_total\{code="200",env="om"\} [0-9.e+]+ # \{trace_id="[0-9a-f]{32}"\} 1\.0 [0-9.]+\n)re")))
      << om;
  EXPECT_TRUE(
      std::regex_search(om, std::regex(R"re(\nrequests_created\{code="200",env="om"\} [0-9.]+\n)re")));
  EXPECT_TRUE(std::regex_search(
      om,
      std::regex(
          R"re(\nrequest_duration_seconds_bucket\{env="om",route="/",le="[0-9.]+"\} [0-9.]+ # \{trace_id="[0-9a-f]{32}",span_id="[0-9a-f]{16}"\} [0-9.e-]+ [0-9.]+\n)re")))
      << om;
  EXPECT_THAT(om, HasSubstr("\nresponse_size_bytes_created{env=\"om\"} "));
  // The daemon's own metrics are translated too: a counter family without `_total`.
  EXPECT_THAT(om, HasSubstr("# TYPE promsynth_scrapes counter\n"));
  EXPECT_THAT(om, HasSubstr("\npromsynth_scrapes_total "));

  for (const std::vector<std::string>& headers :
       {std::vector<std::string>{}, {"Accept: */*"}, {"Accept: text/plain;version=0.0.4"}}) {
    const HttpResponse text = Scrape(daemon, headers);
    ASSERT_EQ(text.status, 200);
    EXPECT_EQ(text.headers.at("content-type"), "text/plain; version=0.0.4; charset=utf-8");
    EXPECT_THAT(text.body, Not(HasSubstr("# EOF")));
    EXPECT_THAT(text.body, Not(HasSubstr("_created")));
    EXPECT_THAT(text.body, Not(HasSubstr("trace_id")));
    EXPECT_THAT(text.body, HasSubstr("# TYPE requests_total counter\n"));
  }

  const HttpResponse compressed = Scrape(daemon, {kPrometheusAccept}, true);
  ASSERT_EQ(compressed.status, 200) << compressed.error;
  EXPECT_EQ(compressed.headers.at("content-encoding"), "gzip");
  EXPECT_EQ(compressed.headers.at("content-type"),
            "application/openmetrics-text; version=1.0.0; charset=utf-8");
  EXPECT_THAT(compressed.body, StartsWith("# TYPE room_temperature_celsius gauge\n"));
  EXPECT_THAT(compressed.body, EndsWith("\n# EOF\n"));
}

TEST(OpenMetricsTest, PromtoolChecksTheTextFormat) {
  // promtool 2.42's `check metrics` reads only the text format (its linter uses the text parser):
  // it is given the text exposition; the OpenMetrics one is checked by a real Prometheus below.
  TempDir dir;
  DaemonProcess daemon(dir.Write("every.yml", kEveryType));
  const HttpResponse text = Scrape(daemon, {});
  ASSERT_EQ(text.status, 200);
  const std::string file = dir.Write("text.prom", text.body);
  const CommandResult result = RunCommand({"sh", "-c", "promtool check metrics < " + file}, seconds(30));
  EXPECT_EQ(result.exit_code, 0) << result.output;
}

// The JSON `data` of a Prometheus API answer.
rapidjson::Document ApiData(const std::string& url) {
  rapidjson::Document document;
  const HttpResponse response = Get(url);
  if (response.status == 200) document.Parse(response.body.c_str());
  return document;
}

TEST(OpenMetricsTest, RealPrometheusScrapesEveryTypeThroughOpenMetricsWithExemplars) {
  TempDir dir;
  DaemonProcess daemon(dir.Write("every.yml", kEveryType));
  PrometheusServer prometheus(dir, ScrapeConfig(daemon.port()), {"--enable-feature=exemplar-storage"});
  auto value_of = [&](const std::string& query) {
    const std::vector<QueryRow> rows = prometheus.Query(query);
    return rows.size() == 1 ? rows[0].second : "";
  };
  ASSERT_TRUE(WaitUntil([&] { return value_of("up{job=\"promsynth\"}") == "1"; }, seconds(60), kPoll))
      << prometheus.process().Output();

  // As many samples as our own OpenMetrics scrape has lines: nothing was refused or lost.
  const size_t expected = SampleLines(Scrape(daemon, {kPrometheusAccept}).body);
  EXPECT_TRUE(WaitUntil(
      [&] { return value_of("scrape_samples_scraped{job=\"promsynth\"}") == std::to_string(expected); },
      seconds(20), kPoll))
      << "expected " << expected << ", Prometheus says "
      << value_of("scrape_samples_scraped{job=\"promsynth\"}");
  // `_created` exists only in OpenMetrics: its series prove which parser read the scrape.
  for (const char* created : {"requests_created", "restarts_created", "request_duration_seconds_created",
                              "response_size_bytes_created"}) {
    EXPECT_TRUE(WaitUntil([&] { return !prometheus.Query(created).empty(); }, seconds(10), kPoll)) << created;
  }
  EXPECT_EQ(prometheus.Query("room_temperature_celsius").size(), 3u);
  EXPECT_EQ(prometheus.Query("requests_total").size(), 2u);
  EXPECT_EQ(prometheus.Query("request_duration_seconds_bucket").size(), 12u);
  EXPECT_EQ(prometheus.Query("response_size_bytes").size(), 3u);
  EXPECT_EQ(prometheus.Query("promsynth_scrapes_total").size(), 1u);
  const std::string created = value_of("requests_created{code=\"200\"}");
  const std::string started = value_of("vector(time())");
  ASSERT_FALSE(created.empty());
  EXPECT_LT(std::stod(created), std::stod(started));
  EXPECT_GT(std::stod(created), std::stod(started) - 120);

  // The exemplars went into Prometheus' exemplar storage with their labels.
  const std::string range = "&start=" + std::to_string(std::stoll(started) - 600) +
                            "&end=" + std::to_string(std::stoll(started) + 600);
  for (const std::string query : {"requests_total", "request_duration_seconds_bucket"}) {
    std::string seen;
    EXPECT_TRUE(WaitUntil(
        [&] {
          const rapidjson::Document answer =
              ApiData(prometheus.api() + "/api/v1/query_exemplars?query=" + UrlEncode(query) + range);
          if (!answer.IsObject() || !answer.HasMember("data") || !answer["data"].IsArray()) return false;
          for (const auto& series : answer["data"].GetArray()) {
            for (const auto& exemplar : series["exemplars"].GetArray()) {
              const auto& labels = exemplar["labels"];
              seen = labels.HasMember("trace_id") ? labels["trace_id"].GetString() : "";
              if (seen.size() == 32) return true;
            }
          }
          return false;
        },
        seconds(15), kPoll))
        << query << ": " << seen;
  }
  prometheus.process().Signal(SIGTERM);
  EXPECT_TRUE(prometheus.process().WaitExit(seconds(20)).has_value());
}

}  // namespace
}  // namespace promsynth::testing
