// The netops generator (seed 000) inside the daemon: its routes, its live series, and a real
// Prometheus seeing an incident started through the API.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <signal.h>

#include "support/daemon_process.h"
#include "support/http_client.h"
#include "support/process.h"
#include "support/prometheus_server.h"
#include "support/temp_dir.h"
#include "support/wait.h"

namespace promsynth::testing {
namespace {

using std::chrono::seconds;
using ::testing::HasSubstr;

const std::string kExample = std::string(PROMSYNTH_SOURCE_DIR) + "/tests/fixtures/netops/example.json";

HttpResponse Post(const DaemonProcess& daemon, const std::string& path, const std::string& body = "") {
  return Fetch({.method = "POST", .url = daemon.url() + path, .body = body});
}

TEST(NetopsDaemonTest, ExampleConfigLoadsAsConfigFileAndExportsSeries) {
  DaemonProcess daemon(kExample);
  ASSERT_TRUE(WaitUntil(
      [&] {
        return SampleValue(Get(daemon.url() + "/metrics").body,
                           R"(netops_is_error{metric="cpu_utilization"})")
            .has_value();
      },
      seconds(10)));
  const std::string body = Get(daemon.url() + "/metrics").body;
  EXPECT_THAT(body, HasSubstr("# TYPE cpu_utilization gauge\ncpu_utilization{ver=\"1\",unit=\"percent\","
                              "target_type=\"gauge\"} "));
  EXPECT_THAT(body, HasSubstr("# TYPE packet_loss_total counter\n"));
  EXPECT_THAT(body, HasSubstr("netops_alert_firing{metric=\"throughput\"} "));
  EXPECT_THAT(body, HasSubstr("netops_scenario_active{scenario=\"2\"} "));
  TempDir dir;
  const CommandResult promtool =
      RunCommand({"sh", "-c", "promtool check metrics < " + dir.Write("m.txt", body)}, seconds(60));
  EXPECT_EQ(promtool.exit_code, 0) << promtool.output;
  // The counter never decreases from scrape to scrape.
  const std::string series = R"(packet_loss_total{ver="1",unit="num_packets",target_type="counter"})";
  double previous = -1;
  for (int i = 0; i < 4; ++i) {
    ASSERT_TRUE(WaitUntil(
        [&] { return SampleValue(Get(daemon.url() + "/metrics").body, series).value_or(-1) > previous; },
        seconds(5)));
    previous = SampleValue(Get(daemon.url() + "/metrics").body, series).value_or(-1);
  }
  const CommandResult check = RunCommand({PROMSYNTH_BINARY, "check-config", kExample}, seconds(10));
  EXPECT_EQ(check.exit_code, 0);
  EXPECT_THAT(check.output, HasSubstr("valid netops generator config (4 metrics, 3 error scenarios)"));
}

TEST(NetopsDaemonTest, StartGenerateStopRoutes) {
  DaemonProcess daemon(std::string(PROMSYNTH_SOURCE_DIR) + "/etc/promsynth.yml");
  EXPECT_EQ(Post(daemon, "/generate").body, "");  // idle: empty 200, as the original
  const HttpResponse started = Post(daemon, "/start", ReadFile(kExample));
  ASSERT_EQ(started.status, 200) << started.body;
  const HttpResponse batch = Post(daemon, "/generate", R"({"samples_per_batch": 5, "start_timestamp": 1000,
                                                          "end_timestamp": 1010})");
  ASSERT_EQ(batch.status, 200);
  rapidjson::Document document;
  ASSERT_FALSE(document.Parse(batch.body.c_str()).HasParseError()) << batch.body;
  for (const char* metric : {"cpu_utilization", "throughput", "packet_loss", "latency"}) {
    ASSERT_TRUE(document.HasMember(metric)) << metric;
    const auto& block = document[metric];
    for (const char* key : {"timestamps", "values", "alerts", "is_error"})
      EXPECT_EQ(block[key].Size(), 5u) << key;
    EXPECT_TRUE(block["timestamps"][1].IsInt64());
    EXPECT_EQ(block["timestamps"][1].GetInt64(), 1002);  // int(1000 + 1 * 10 / 5)
    EXPECT_EQ(std::string(block["labels"]["unit"].GetString()).empty(), false);
  }
  EXPECT_EQ(Post(daemon, "/stop").status, 200);
  EXPECT_EQ(Post(daemon, "/generate", R"({"samples_per_batch": 5})").body, "");
}

// FailureBehaviour_FB17 (README.md, "Failure behaviour").
TEST(NetopsDaemonTest, BadBodiesGet4xxAndTheDaemonGoesOn) {
  DaemonProcess daemon(kExample);
  const HttpResponse malformed = Post(daemon, "/start", "{\"metrics\": ");
  EXPECT_EQ(malformed.status, 400);
  EXPECT_FALSE(malformed.body.empty());
  EXPECT_EQ(Post(daemon, "/start", "").status, 400);
  EXPECT_EQ(Post(daemon, "/start", "[1, 2]").status, 400);
  const HttpResponse target =
      Post(daemon, "/generate", R"({"samples_per_batch": 2, "target": "function:ingest"})");
  EXPECT_EQ(target.status, 400);
  EXPECT_THAT(target.body, HasSubstr("function:ingest"));
  EXPECT_EQ(Post(daemon, "/api/v1/scenarios/nope/start").status, 404);
  EXPECT_EQ(Post(daemon, "/api/v1/scenarios/0/explode").status, 404);
  EXPECT_EQ(Get(daemon.url() + "/-/healthy").status, 200);
  EXPECT_EQ(Get(daemon.url() + "/metrics").status, 200);
}

TEST(NetopsDaemonTest, RealPrometheusSeesAnIncidentStartedThroughTheApi) {
  TempDir dir;
  // No random incidents (error_rate 0): only the one the test starts. A 10-tick scenario pins cpu
  // to its max (100) for its last ~5 ticks, above the alert threshold.
  const std::string config = dir.Write("netops.json", R"({
    "metrics": {"cpu": {"labels": {"ver": 1, "unit": "percent", "target_type": "gauge"},
                        "metric": {"mu": 50, "sigma": 1, "noise": 0.0, "max": 100, "min": 0},
                        "alerts": {"threshold": 80, "alert": "CPU (StatReplace) high"}}},
    "error_scenarios": [{"name": "cpu_spike", "cpu": 0, "length": 10}],
    "error_rate": 0})");
  DaemonProcess daemon(config);
  PrometheusServer prometheus(dir, ScrapeConfig(daemon.port(), "netops"));
  // The first row's value, or "" when the query has none yet.
  const auto query = [&](const std::string& promql) {
    const std::vector<QueryRow> rows = prometheus.Query(promql);
    return rows.empty() ? std::string() : rows.front().second;
  };
  ASSERT_TRUE(WaitUntil([&] { return query("up{job=\"netops\"}") == "1"; }, seconds(60),
                        std::chrono::milliseconds(250)))
      << prometheus.process().Output();
  ASSERT_TRUE(WaitUntil([&] { return !query("cpu").empty(); }, seconds(30), std::chrono::milliseconds(250)));
  EXPECT_EQ(query("max_over_time(netops_alert_firing{metric=\"cpu\"}[1h])"), "0");  // calm before
  const HttpResponse started = Post(daemon, "/api/v1/scenarios/cpu_spike/start");
  ASSERT_EQ(started.status, 202) << started.body;
  ASSERT_TRUE(WaitUntil([&] { return query("max_over_time(cpu[1h])") == "100"; }, seconds(40),
                        std::chrono::milliseconds(250)));
  EXPECT_TRUE(
      WaitUntil([&] { return query("max_over_time(netops_alert_firing{metric=\"cpu\"}[1h])") == "1"; },
                seconds(10), std::chrono::milliseconds(250)));
  EXPECT_TRUE(WaitUntil([&] { return query("max_over_time(netops_is_error{metric=\"cpu\"}[1h])") == "1"; },
                        seconds(10), std::chrono::milliseconds(250)));
  prometheus.process().Signal(SIGTERM);
  EXPECT_TRUE(prometheus.process().WaitExit(seconds(20)).has_value());
}

}  // namespace
}  // namespace promsynth::testing
