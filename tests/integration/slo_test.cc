// The embedded SLO checker over HTTP, the `slo check` command, and configured SLOs over the
// daemon's own series and over a real Prometheus scraping it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

#include "support/daemon_process.h"
#include "support/http_client.h"
#include "support/process.h"
#include "support/raw_connection.h"
#include "support/temp_dir.h"
#include "support/wait.h"

namespace promsynth::testing {
namespace {

using std::chrono::seconds;
using ::testing::HasSubstr;

/// The spec's checked sample (x = 3, 1, 4, 1, 5, 9, 2, 6 at t = 100 … 135) as a one-repetition request.
std::string CheckedSample(const std::string& query_aggregation, const std::string& op,
                          const std::string& threshold) {
  return R"({"results": [[{"metric": {"job": "x"}, "values": [[100, "3"], [105, "1"], [110, "4"], [115, "1"],
             [120, "5"], [125, "9"], [130, "2"], [135, "6"]]}]],
             "metadata": {"warmupSeconds": 0, "queryAggregation": ")" +
         query_aggregation + R"(", "repetitionAggregation": "first", "operator": ")" + op +
         R"(", "threshold": )" + threshold + "}}";
}

/// {slo name → object} from GET /api/v1/slos.
std::map<std::string, std::map<std::string, std::string>> Slos(const std::string& url) {
  std::map<std::string, std::map<std::string, std::string>> slos;
  rapidjson::Document document;
  const std::string body = Get(url + "/api/v1/slos").body;
  if (document.Parse(body.c_str()).HasParseError()) return slos;
  for (const auto& slo : document["slos"].GetArray()) {
    auto& fields = slos[slo["name"].GetString()];
    fields["ok"] = slo["ok"].GetBool() ? "true" : "false";
    fields["evaluated"] = slo["evaluated"].GetBool() ? "true" : "false";
    fields["value"] = slo["value"].IsNumber() ? std::to_string(slo["value"].GetDouble()) : "null";
    fields["error"] = slo["error"].GetString();
  }
  return slos;
}

class SloRoutesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    daemon_ = new DaemonProcess(dir_->Write("c.yml", R"(
global: {tick: 100ms}
metrics:
  - {name: queue, labels: {q: [a, b]}, generator: {kind: constant, value: 4}}
slos:
  - {name: queue_short, series: queue, interval: 200ms, query_aggregation: max, operator: lte, threshold: 4}
  - {name: queue_a_empty, series: 'queue{q="a"}', interval: 200ms, query_aggregation: max, operator: lt, threshold: 1}
)"),
                                {"--slo.max-request-bytes=2000"});
  }
  static void TearDownTestSuite() {
    delete daemon_;
    delete dir_;
  }
  static HttpResponse Post(const std::string& path, const std::string& body) {
    return Fetch({.method = "POST", .url = daemon_->url() + path, .body = body});
  }
  static TempDir* dir_;
  static DaemonProcess* daemon_;
};
TempDir* SloRoutesTest::dir_ = nullptr;
DaemonProcess* SloRoutesTest::daemon_ = nullptr;

TEST_F(SloRoutesTest, GenericCheckAnswersExactlyTrueOrFalse) {
  // std of the sample is 2.748376143938713.
  const HttpResponse yes = Post("/", CheckedSample("std", "lt", "2.75"));
  EXPECT_EQ(yes.status, 200);
  EXPECT_EQ(yes.body, "true");
  EXPECT_EQ(yes.headers.at("content-type"), "application/json");
  EXPECT_EQ(yes.headers.at("content-length"), "4");
  EXPECT_EQ(Post("/", CheckedSample("std", "gt", "2.75")).body, "false");
  EXPECT_EQ(Post("/", CheckedSample("p90", "lte", "6.8999999999999995")).body, "true");
  EXPECT_EQ(Post("/", CheckedSample("p90", "lt", "6.8999999999999995")).body, "false");
  EXPECT_EQ(Post("/", CheckedSample("trend", "gte", "0.10714285714285714")).body, "true");
}

// FailureBehaviour_FB15 (README.md, "Failure behaviour").
TEST_F(SloRoutesTest, BadRequestsAre500WithAReason) {
  const HttpResponse bad = Post("/", CheckedSample("p100", "lt", "1"));
  EXPECT_EQ(bad.status, 500);
  EXPECT_THAT(bad.body, HasSubstr("p100"));
  EXPECT_EQ(Post("/", "{not json").status, 500);
  EXPECT_EQ(Post("/", "").status, 500);
  EXPECT_EQ(Get(daemon_->url() + "/-/healthy").status, 200);  // and the daemon goes on
}

TEST_F(SloRoutesTest, LagTrendSibling) {
  const std::string growing =
      R"({"results": [[{"metric": {}, "values": [[0, "0"], [5, "100"], [10, "200"]]}]],
                                  "metadata": {"warmupSeconds": 0, "threshold": 2000}})";
  const HttpResponse response = Post("/evaluate-slope", growing);  // slope 20 per second < 2000
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "true");
}

// FailureBehaviour_FB18 (README.md, "Failure behaviour").
TEST_F(SloRoutesTest, OversizedBodyIs413) { EXPECT_EQ(Post("/", std::string(5000, ' ')).status, 413); }

// curl sends `Expect: 100-continue` with every POST over 1 MiB (a Theodolite-sized request is
// 30 MB) and waits a second for the interim answer before sending the body.
TEST_F(SloRoutesTest, ExpectContinueIsAnsweredBeforeTheBodyIsSent) {
  const std::string body = CheckedSample("std", "lt", "2.75");
  RawConnection client(daemon_->port());
  ASSERT_TRUE(
      client.Send("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  "Expect: 100-continue\r\nContent-Length: " +
                  std::to_string(body.size()) + "\r\n\r\n"));
  EXPECT_EQ(client.ReadUntil("\r\n\r\n", seconds(10)), "HTTP/1.1 100 Continue\r\n\r\n");
  ASSERT_TRUE(client.Send(body));
  const std::string answer = client.ReadUntil("true", seconds(10));
  EXPECT_THAT(answer, ::testing::StartsWith("HTTP/1.1 200 OK\r\n")) << answer;
  EXPECT_THAT(answer, ::testing::EndsWith("\r\n\r\ntrue")) << answer;

  // A body over the route's limit is refused at once, without the interim answer.
  RawConnection refused(daemon_->port());
  ASSERT_TRUE(refused.Send(
      "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\nContent-Length: 5000\r\n\r\n"));
  EXPECT_THAT(refused.ReadUntil("\r\n\r\n", seconds(10)), ::testing::StartsWith("HTTP/1.1 413 "));
}

// FailureBehaviour_FB14 (README.md, "Failure behaviour").
TEST_F(SloRoutesTest, RootKeepsTheLandingPageForGet) {
  EXPECT_EQ(Get(daemon_->url() + "/").status, 200);
  const HttpResponse put = Fetch({.method = "PUT", .url = daemon_->url() + "/", .body = "x"});
  EXPECT_EQ(put.status, 405);
  EXPECT_EQ(put.headers.at("allow"), "GET, POST");
}

TEST_F(SloRoutesTest, ConfiguredSlosOverOwnSeries) {
  ASSERT_TRUE(
      WaitUntil([] { return Slos(daemon_->url())["queue_short"]["evaluated"] == "true"; }, seconds(10)));
  auto slos = Slos(daemon_->url());
  EXPECT_EQ(slos["queue_short"]["ok"], "true");
  EXPECT_EQ(slos["queue_short"]["value"], "4.000000");
  EXPECT_EQ(slos["queue_a_empty"]["ok"], "false");
  const std::string metrics = Get(daemon_->url() + "/metrics").body;
  EXPECT_EQ(SampleValue(metrics, "promsynth_slo_ok{slo=\"queue_short\"}"), 1);
  EXPECT_EQ(SampleValue(metrics, "promsynth_slo_ok{slo=\"queue_a_empty\"}"), 0);
  EXPECT_EQ(SampleValue(metrics, "promsynth_slo_value{slo=\"queue_short\"}"), 4);
}

/// A generic check of about `bytes` bytes: three repetitions of rows valued 0 to 12, `max` as the
/// query aggregation, so the result is 12; `metadata` last, as Theodolite sends it, or first.
std::string LargeCheck(std::size_t bytes, const std::string& op, bool metadata_first = false) {
  std::string rows;
  for (int i = 0; rows.size() < bytes / 3; ++i) {
    rows += (i > 0 ? ", [" : "[") + std::to_string(1600000000 + 5 * i) + ".25, \"" + std::to_string(i % 13) +
            "\"]";
  }
  const std::string series = "[{\"metric\": {\"job\": \"x\"}, \"values\": [" + rows + "]}]";
  const std::string results = "\"results\": [" + series + ", " + series + ", " + series + "]";
  const std::string metadata =
      "\"metadata\": {\"warmupSeconds\": 60, \"queryAggregation\": \"max\", \"repetitionAggregation\": "
      "\"median\", \"operator\": \"" +
      op + "\", \"threshold\": 12}";
  return metadata_first ? "{" + metadata + ", " + results + "}" : "{" + results + ", " + metadata + "}";
}

/// Sends a POST of `body` in pieces of `piece` bytes with a pause after each; the answer, or
/// what came before the connection ended.
std::string PostInPieces(int port, const std::string& body, std::size_t piece, std::size_t send_bytes) {
  RawConnection client(port);
  if (!client.Send(
          "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " +
          std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n")) {
    return "";
  }
  for (std::size_t sent = 0; sent < send_bytes; sent += piece) {
    if (!client.Send(std::string_view(body).substr(sent, std::min(piece, send_bytes - sent)))) return "";
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return send_bytes < body.size() ? "" : client.ReadUntil("", seconds(30));
}

// A check of a megabyte or more starts while its body arrives: the scan waits for bytes, the rows
// read before `metadata` wait for the settings. The answers are those of the whole body.
TEST(SloLargeRequestTest, ACheckStartedWhileTheBodyArrivesAnswersAsTheWholeBody) {
  TempDir dir;
  DaemonProcess daemon(dir.Write("c.yml", "metrics: [{name: idle, generator: {kind: constant}}]\n"));
  for (const bool metadata_first : {false, true}) {
    const std::string yes = LargeCheck(3 << 20, "lte", metadata_first);
    const std::string no = LargeCheck(3 << 20, "lt", metadata_first);
    ASSERT_GT(yes.size(), std::size_t{2} << 20);
    EXPECT_THAT(PostInPieces(daemon.port(), yes, 64 << 10, yes.size()), ::testing::EndsWith("\r\n\r\ntrue"));
    EXPECT_THAT(PostInPieces(daemon.port(), no, 200 << 10, no.size()), ::testing::EndsWith("\r\n\r\nfalse"));
    // All at once, as curl sends it.
    EXPECT_EQ(Fetch({.method = "POST", .url = daemon.url() + "/", .body = yes}).body, "true");
    // A body that stops half-way: the check is abandoned, and the daemon goes on answering.
    PostInPieces(daemon.port(), yes, 100 << 10, yes.size() / 2);
  }
  EXPECT_EQ(Fetch({.method = "POST", .url = daemon.url() + "/", .body = LargeCheck(3 << 20, "lt")}).body,
            "false");
  // A chunked body declares no length: it is checked once complete.
  const std::string chunked = LargeCheck(3 << 20, "lte");
  RawConnection client(daemon.port());
  ASSERT_TRUE(
      client.Send("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
                  "Connection: close\r\n\r\n"));
  constexpr std::size_t kChunk = 1 << 20;
  for (std::size_t sent = 0; sent < chunked.size(); sent += kChunk) {
    const std::string_view chunk = std::string_view(chunked).substr(sent, kChunk);
    char size_line[32];
    std::snprintf(size_line, sizeof size_line, "%zx\r\n", chunk.size());
    ASSERT_TRUE(client.Send(size_line) && client.Send(chunk) && client.Send("\r\n"));
  }
  ASSERT_TRUE(client.Send("0\r\n\r\n"));
  EXPECT_THAT(client.ReadUntil("", seconds(30)), ::testing::EndsWith("\r\n\r\ntrue"));
  EXPECT_EQ(Get(daemon.url() + "/-/ready").status, 200);
}

TEST(SloCheckCommandTest, ExitCodesFollowTheVerdict) {
  TempDir dir;
  const auto run = [&](const std::string& body, std::vector<std::string> extra = {}) {
    std::vector<std::string> argv = {PROMSYNTH_BINARY, "slo", "check", "-f", dir.Write("request.json", body)};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return RunCommand(argv, seconds(10));
  };
  const CommandResult yes = run(CheckedSample("mean", "lt", "4"));  // mean 3.875
  EXPECT_EQ(yes.exit_code, 0);
  EXPECT_EQ(yes.output, "true\n");
  const CommandResult no = run(CheckedSample("mean", "gt", "4"));
  EXPECT_EQ(no.exit_code, 1);
  EXPECT_EQ(no.output, "false\n");
  EXPECT_EQ(run("{}").exit_code, 2);
  EXPECT_EQ(
      run(R"({"results": [[{"metric": {}, "values": [[0, "0"], [5, "1"]]}]], "metadata": {"warmup": 0, "threshold": 1}})",
          {"--evaluate-slope"})
          .exit_code,
      0);
}

TEST(SloPrometheusTest, ConfiguredSloOverARealPrometheus) {
  TempDir dir;
  const int prometheus_port = FreePort();
  const std::string api = "http://127.0.0.1:" + std::to_string(prometheus_port);
  DaemonProcess daemon(dir.Write("c.yml", R"(
global: {tick: 1s}
metrics:
  - {name: seven, generator: {kind: constant, value: 7}}
slos:
  - name: target_up
    prometheus: {url: ")" + api + R"(", query: 'up{job="promsynth"}', step: 1s}
    window: 30s
    interval: 1s
    query_aggregation: min
    operator: gte
    threshold: 1
  - name: seven_via_prometheus
    prometheus: {url: ")" + api + R"(", query: 'seven', step: 1s}
    window: 30s
    interval: 1s
    query_aggregation: max
    operator: lt
    threshold: 7
)"));
  const std::string config = dir.Write("prometheus.yml",
                                       "global: {scrape_interval: 1s}\nscrape_configs:\n"
                                       "  - job_name: promsynth\n    static_configs: [{targets: "
                                       "['127.0.0.1:" +
                                           std::to_string(daemon.port()) + "']}]\n");
  ChildProcess prometheus(
      {"prometheus", "--config.file=" + config, "--storage.tsdb.path=" + dir.path() + "/data",
       "--web.listen-address=127.0.0.1:" + std::to_string(prometheus_port)},
      dir.path() + "/prometheus.log");
  ASSERT_TRUE(WaitUntil(
      [&] {
        auto slos = Slos(daemon.url());
        return slos["target_up"]["ok"] == "true" && slos["seven_via_prometheus"]["evaluated"] == "true";
      },
      seconds(60), std::chrono::milliseconds(250)))
      << Get(daemon.url() + "/api/v1/slos").body << "\n"
      << prometheus.Output();
  auto slos = Slos(daemon.url());
  EXPECT_EQ(slos["target_up"]["value"], "1.000000");
  EXPECT_EQ(slos["seven_via_prometheus"]["value"], "7.000000");
  EXPECT_EQ(slos["seven_via_prometheus"]["ok"], "false");  // 7 < 7 is false
  prometheus.Signal(SIGTERM);
  EXPECT_TRUE(prometheus.WaitExit(seconds(20)).has_value());
}

// FailureBehaviour_FB28 (README.md, "Failure behaviour").
TEST(SloPrometheusTest, UnreachablePrometheusIsAnErrorNotACrash) {
  TempDir dir;
  DaemonProcess daemon(dir.Write("c.yml",
                                 "metrics:\n  - {name: x, generator: {kind: constant}}\nslos:\n"
                                 "  - {name: far, prometheus: {url: 'http://127.0.0.1:" +
                                     std::to_string(FreePort()) +
                                     "', query: up}, interval: 1s, threshold: 1}\n"));
  ASSERT_TRUE(WaitUntil([&] { return !Slos(daemon.url())["far"]["error"].empty(); }, seconds(20)));
  EXPECT_THAT(Slos(daemon.url())["far"]["error"], HasSubstr("query_range failed"));
  EXPECT_EQ(Slos(daemon.url())["far"]["ok"], "false");
  EXPECT_EQ(Get(daemon.url() + "/-/healthy").status, 200);
}

}  // namespace
}  // namespace promsynth::testing
