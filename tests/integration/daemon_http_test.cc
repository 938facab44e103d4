// The built daemon as a process: its routes, formats and determinism, checked over real HTTP.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <string_view>

#include "support/daemon_process.h"
#include "support/http_client.h"
#include "support/process.h"
#include "support/raw_connection.h"
#include "support/temp_dir.h"

namespace promsynth::testing {
namespace {

using ::testing::HasSubstr;

const std::string kDefaultConfig = std::string(PROMSYNTH_SOURCE_DIR) + "/etc/promsynth.yml";

class DaemonHttpTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { daemon_ = new DaemonProcess(kDefaultConfig); }
  static void TearDownTestSuite() {
    delete daemon_;
    daemon_ = nullptr;
  }
  static DaemonProcess* daemon_;
};
DaemonProcess* DaemonHttpTest::daemon_ = nullptr;

TEST_F(DaemonHttpTest, MetricsInTextFormat) {
  const HttpResponse response = Get(daemon_->url() + "/metrics");
  ASSERT_EQ(response.status, 200) << response.error;
  EXPECT_EQ(response.headers.at("content-type"), "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_THAT(response.body, HasSubstr("# TYPE demo_http_requests_total counter\n"));
  EXPECT_THAT(response.body, HasSubstr("demo_http_requests_total{code=\"200\",env=\"demo\",method=\"GET\","
                                       "replica=\"0\",service=\"checkout\"} "));
  EXPECT_THAT(response.body, HasSubstr("\npromsynth_series 33\n"));
  EXPECT_THAT(response.body, HasSubstr("promsynth_build_info{"));
  EXPECT_THAT(response.body, HasSubstr("promsynth_tick_duration_seconds_bucket{le=\"0.001\"}"));
  EXPECT_THAT(response.body, HasSubstr("\npromsynth_config_last_reload_successful 1\n"));
}

TEST_F(DaemonHttpTest, PromtoolAcceptsARealScrape) {
  TempDir dir;
  const std::string file = dir.Write("scrape.txt", Get(daemon_->url() + "/metrics").body);
  const CommandResult result =
      RunCommand({"sh", "-c", "promtool check metrics < " + file}, std::chrono::seconds(60));
  EXPECT_EQ(result.exit_code, 0) << result.output;
}

TEST_F(DaemonHttpTest, GzipWhenTheClientAcceptsIt) {
  const HttpResponse plain = Get(daemon_->url() + "/metrics");
  const HttpResponse compressed = Fetch({.url = daemon_->url() + "/metrics", .accept_gzip = true});
  ASSERT_EQ(compressed.status, 200);
  EXPECT_EQ(compressed.headers.at("content-encoding"), "gzip");
  EXPECT_EQ(plain.headers.count("content-encoding"), 0u);
  // Decoded, it is the same exposition (values may have moved on by a tick).
  EXPECT_THAT(compressed.body, HasSubstr("# TYPE demo_queue_depth gauge\n"));
  EXPECT_THAT(compressed.body, HasSubstr("promsynth_scrapes_total"));
}

TEST_F(DaemonHttpTest, LandingPageLinksRoutesAndListsMetrics) {
  const HttpResponse response = Get(daemon_->url() + "/");
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.headers.at("content-type"), "text/html; charset=utf-8");
  EXPECT_THAT(response.body, HasSubstr("<a href=\"/metrics\">"));
  EXPECT_THAT(response.body, HasSubstr("<a href=\"/-/healthy\">"));
  EXPECT_THAT(response.body, HasSubstr("<a href=\"/-/ready\">"));
  EXPECT_THAT(response.body, HasSubstr("<code>demo_http_requests_total</code><div "
                                       "class=\"sample\"></div></td><td>counter</td><td>18</td>"));
  // Both counts, named: the page's time series include histogram buckets, `promsynth_series`
  // counts label sets.
  EXPECT_THAT(response.body, HasSubstr("61 time series exposed (33 label sets: "));
}

TEST_F(DaemonHttpTest, HealthAndReadiness) {
  EXPECT_EQ(Get(daemon_->url() + "/-/healthy").status, 200);
  EXPECT_EQ(Get(daemon_->url() + "/-/ready").status, 200);
  const HttpResponse head = Fetch({.method = "HEAD", .url = daemon_->url() + "/-/healthy"});
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.body, "");
}

// FailureBehaviour_FB13, FailureBehaviour_FB14 (README.md, "Failure behaviour").
TEST_F(DaemonHttpTest, UnknownRouteIs404AndWrongMethodIs405) {
  EXPECT_EQ(Get(daemon_->url() + "/nope").status, 404);
  EXPECT_EQ(Get(daemon_->url() + "/metrics/extra").status, 404);
  const HttpResponse post = Fetch({.method = "POST", .url = daemon_->url() + "/metrics", .body = "x"});
  EXPECT_EQ(post.status, 405);
  EXPECT_EQ(post.headers.at("allow"), "GET");
  const HttpResponse get_reload = Get(daemon_->url() + "/-/reload");
  EXPECT_EQ(get_reload.status, 405);
  EXPECT_EQ(get_reload.headers.at("allow"), "POST");
}

// A response whose body follows its header block in a second small write waits for the client's
// delayed ACK (at least 40 ms on Linux) unless the socket has TCP_NODELAY: on every request after
// the first of a kept-alive connection, which is how Prometheus scrapes.
TEST_F(DaemonHttpTest, KeptAliveRequestsDoNotWaitForDelayedAcks) {
  RawConnection client(daemon_->port());
  ASSERT_TRUE(client.connected());
  const auto fastest_round_trip = [&](const std::string& request, std::string_view end) {
    auto fastest = std::chrono::milliseconds::max();
    for (int i = 0; i < 6; ++i) {
      const auto started = std::chrono::steady_clock::now();
      EXPECT_TRUE(client.Send(request));
      const std::string answer = client.ReadUntil(end, std::chrono::seconds(10));
      EXPECT_THAT(answer, ::testing::StartsWith("HTTP/1.1 200 OK\r\n")) << answer;
      EXPECT_THAT(answer, ::testing::EndsWith(end)) << answer;
      fastest = std::min(fastest, std::chrono::duration_cast<std::chrono::milliseconds>(
                                      std::chrono::steady_clock::now() - started));
    }
    return fastest;
  };
  // The fastest of six stays far below the 40 ms floor even on a loaded machine; with the delay,
  // none of the requests after the first can be faster.
  EXPECT_LT(fastest_round_trip("GET /-/healthy HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", "Healthy.\n").count(),
            30);
  // A streamed body: chunks, then the last chunk.
  EXPECT_LT(fastest_round_trip("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", "\r\n0\r\n\r\n").count(),
            30);
}

TEST(DaemonDeterminismTest, TwoProcessesExportTheSameValuesAtTheSameTick) {
  TempDir dir;
  // An hour-long tick: both daemons are all but certainly in the same tick, whatever the scrape timing.
  const std::string config = dir.Write("c.yml", R"(
global: {seed: 99, tick: 1h}
metrics:
  - {name: g, labels: {i: "0..49"}, generator: {kind: gaussian, mu: 10, sigma: 3}}
  - {name: u, labels: {i: "0..49"}, generator: {kind: uniform, low: 0, high: 1}}
)");
  DaemonProcess first(config);
  DaemonProcess second(config);
  auto series_lines = [](const std::string& body) {
    std::string kept;
    for (size_t at = 0; at < body.size();) {
      const size_t end = body.find('\n', at);
      const std::string line = body.substr(at, end - at);
      if (line.starts_with("g{") || line.starts_with("u{")) kept += line + "\n";
      at = end + 1;
    }
    return kept;
  };
  const std::string a = series_lines(Get(first.url() + "/metrics").body);
  const std::string b = series_lines(Get(second.url() + "/metrics").body);
  EXPECT_EQ(std::count(a.begin(), a.end(), '\n'), 100);
  EXPECT_EQ(a, b);
}

}  // namespace
}  // namespace promsynth::testing
