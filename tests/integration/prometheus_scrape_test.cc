// A real Prometheus (Debian package) scrapes the daemon; the series must be queryable, and the
// target-down fault must show as `up` 0 and then 1 again.
#include <gtest/gtest.h>
#include <signal.h>

#include "support/daemon_process.h"
#include "support/http_client.h"
#include "support/prometheus_server.h"
#include "support/temp_dir.h"
#include "support/wait.h"

namespace promsynth::testing {
namespace {

const auto kPoll = std::chrono::milliseconds(200);

/// The value of up{job="promsynth"} in Prometheus, or "" before the first scrape.
std::string Up(const PrometheusServer& prometheus) {
  const std::vector<QueryRow> rows = prometheus.Query("up{job=\"promsynth\"}");
  return rows.size() == 1 ? rows[0].second : "";
}

TEST(PrometheusScrapeTest, UpAndSeriesQueryable) {
  TempDir dir;
  DaemonProcess daemon(std::string(PROMSYNTH_SOURCE_DIR) + "/etc/promsynth.yml");
  PrometheusServer prometheus(dir, ScrapeConfig(daemon.port()));
  ASSERT_TRUE(WaitUntil([&] { return Up(prometheus) == "1"; }, std::chrono::seconds(60), kPoll))
      << prometheus.process().Output();
  ASSERT_TRUE(WaitUntil([&] { return prometheus.Query("demo_http_requests_total").size() == 18; },
                        std::chrono::seconds(30), kPoll));
  const auto latency = prometheus.Query("demo_http_request_latency_seconds{replica=\"1\"}");
  ASSERT_EQ(latency.size(), 1u);
  EXPECT_NE(latency[0].first.find("env=demo"), std::string::npos);
  const double value = std::stod(latency[0].second);
  EXPECT_GT(value, 0.001);
  EXPECT_LT(value, 2.0);
  // The counter grows between scrapes: rate() over a few samples is positive.
  ASSERT_TRUE(WaitUntil([&] { return !prometheus.Query("rate(demo_http_requests_total[5s]) > 0").empty(); },
                        std::chrono::seconds(30), std::chrono::milliseconds(250)));
  prometheus.process().Signal(SIGTERM);
  EXPECT_TRUE(prometheus.process().WaitExit(std::chrono::seconds(20)).has_value());
}

TEST(PrometheusScrapeTest, TargetDownFaultDropsUpToZeroAndItComesBack) {
  TempDir dir;
  DaemonProcess daemon(std::string(PROMSYNTH_SOURCE_DIR) + "/etc/promsynth.yml");
  PrometheusServer prometheus(dir, ScrapeConfig(daemon.port()));
  ASSERT_TRUE(WaitUntil([&] { return Up(prometheus) == "1"; }, std::chrono::seconds(60), kPoll))
      << prometheus.process().Output();
  const HttpResponse down =
      Fetch({.method = "POST", .url = daemon.url() + "/api/v1/faults", .body = R"({"down": "5s"})"});
  ASSERT_EQ(down.status, 200) << down.body;
  EXPECT_TRUE(WaitUntil([&] { return Up(prometheus) == "0"; }, std::chrono::seconds(20), kPoll));
  EXPECT_TRUE(WaitUntil([&] { return Up(prometheus) == "1"; }, std::chrono::seconds(30), kPoll));
}

}  // namespace
}  // namespace promsynth::testing
