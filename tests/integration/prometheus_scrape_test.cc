// A real Prometheus (Debian package) scrapes the daemon; the series must be queryable.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <signal.h>

#include "support/daemon_process.h"
#include "support/http_client.h"
#include "support/process.h"
#include "support/temp_dir.h"
#include "support/wait.h"

namespace promsynth::testing {
namespace {

/// Runs an instant query; the result vector's values as (labels text, value).
std::vector<std::pair<std::string, std::string>> Query(const std::string& prometheus,
                                                       const std::string& promql) {
  std::string encoded;
  for (char c : promql) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
      encoded += c;
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", static_cast<unsigned char>(c));
      encoded += hex;
    }
  }
  const HttpResponse response = Get(prometheus + "/api/v1/query?query=" + encoded);
  std::vector<std::pair<std::string, std::string>> rows;
  rapidjson::Document document;
  if (response.status != 200 || document.Parse(response.body.c_str()).HasParseError()) return rows;
  const auto& result = document["data"]["result"];
  for (const auto& row : result.GetArray()) {
    std::string labels;
    for (const auto& label : row["metric"].GetObject()) {
      labels += std::string(label.name.GetString()) + "=" + label.value.GetString() + ",";
    }
    rows.emplace_back(labels, row["value"][1].GetString());
  }
  return rows;
}

TEST(PrometheusScrapeTest, UpAndSeriesQueryable) {
  TempDir dir;
  DaemonProcess daemon(std::string(PROMSYNTH_SOURCE_DIR) + "/etc/promsynth.yml");
  const std::string config = dir.Write("prometheus.yml",
                                       "global: {scrape_interval: 1s, evaluation_interval: 1s}\n"
                                       "scrape_configs:\n  - job_name: promsynth\n"
                                       "    static_configs: [{targets: ['127.0.0.1:" +
                                           std::to_string(daemon.port()) + "']}]\n");
  const int port = FreePort();
  ChildProcess prometheus(
      {"prometheus", "--config.file=" + config, "--storage.tsdb.path=" + dir.path() + "/data",
       "--web.listen-address=127.0.0.1:" + std::to_string(port)},
      dir.path() + "/prometheus.log");
  const std::string api = "http://127.0.0.1:" + std::to_string(port);
  const bool up = WaitUntil(
      [&] {
        auto rows = Query(api, "up{job=\"promsynth\"}");
        return rows.size() == 1 && rows[0].second == "1";
      },
      std::chrono::seconds(60), std::chrono::milliseconds(200));
  ASSERT_TRUE(up) << prometheus.Output();
  ASSERT_TRUE(WaitUntil([&] { return Query(api, "demo_http_requests_total").size() == 18; },
                        std::chrono::seconds(30), std::chrono::milliseconds(200)));
  const auto latency = Query(api, "demo_http_request_latency_seconds{replica=\"1\"}");
  ASSERT_EQ(latency.size(), 1u);
  EXPECT_NE(latency[0].first.find("env=demo"), std::string::npos);
  const double value = std::stod(latency[0].second);
  EXPECT_GT(value, 0.001);
  EXPECT_LT(value, 2.0);
  // The counter grows between scrapes: rate() over a few samples is positive.
  ASSERT_TRUE(WaitUntil([&] { return !Query(api, "rate(demo_http_requests_total[5s]) > 0").empty(); },
                        std::chrono::seconds(30), std::chrono::milliseconds(250)));
  prometheus.Signal(SIGTERM);
  EXPECT_TRUE(prometheus.WaitExit(std::chrono::seconds(20)).has_value());
}

}  // namespace
}  // namespace promsynth::testing

namespace promsynth::testing {
namespace {

/// The value of up{job="promsynth"} in Prometheus, or "" before the first scrape.
std::string Up(const std::string& api) {
  auto rows = Query(api, "up{job=\"promsynth\"}");
  return rows.size() == 1 ? rows[0].second : "";
}

TEST(PrometheusScrapeTest, TargetDownFaultDropsUpToZeroAndItComesBack) {
  TempDir dir;
  DaemonProcess daemon(std::string(PROMSYNTH_SOURCE_DIR) + "/etc/promsynth.yml");
  const std::string config = dir.Write("prometheus.yml",
                                       "global: {scrape_interval: 1s, scrape_timeout: 500ms}\n"
                                       "scrape_configs:\n  - job_name: promsynth\n"
                                       "    static_configs: [{targets: ['127.0.0.1:" +
                                           std::to_string(daemon.port()) + "']}]\n");
  const int port = FreePort();
  ChildProcess prometheus(
      {"prometheus", "--config.file=" + config, "--storage.tsdb.path=" + dir.path() + "/data",
       "--web.listen-address=127.0.0.1:" + std::to_string(port)},
      dir.path() + "/prometheus.log");
  const std::string api = "http://127.0.0.1:" + std::to_string(port);
  const auto poll = std::chrono::milliseconds(200);
  ASSERT_TRUE(WaitUntil([&] { return Up(api) == "1"; }, std::chrono::seconds(60), poll))
      << prometheus.Output();
  const HttpResponse down =
      Fetch({.method = "POST", .url = daemon.url() + "/api/v1/faults", .body = R"({"down": "5s"})"});
  ASSERT_EQ(down.status, 200) << down.body;
  EXPECT_TRUE(WaitUntil([&] { return Up(api) == "0"; }, std::chrono::seconds(20), poll));
  EXPECT_TRUE(WaitUntil([&] { return Up(api) == "1"; }, std::chrono::seconds(30), poll));
}

}  // namespace
}  // namespace promsynth::testing
