// The alerting pipeline end to end with real components: promsynth's playground example with its
// incident moved to start a few seconds from now, a real Prometheus evaluating the rules that
// `promsynth rules` wrote, a real Alertmanager, and a webhook receiver in the test. Then the
// direct Alertmanager mode: promsynth posts its own alerts to the same Alertmanager.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <signal.h>

#include <chrono>
#include <cstdio>
#include <map>

#include "support/daemon_process.h"
#include "support/http_client.h"
#include "support/process.h"
#include "support/temp_dir.h"
#include "support/wait.h"
#include "support/webhook_receiver.h"

namespace promsynth::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using ::testing::HasSubstr;

const std::string kSource = PROMSYNTH_SOURCE_DIR;
const std::string kPlayground = kSource + "/etc/examples/alerting-playground/playground.yml";

int64_t NowMs() {
  return std::chrono::duration_cast<milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

/// The playground example with its incident shortened to `on` seconds in cycles of two minutes,
/// starting `lead` seconds from now (the pulse's phase shifts the epoch-aligned cycle).
std::string PlaygroundWithIncidentSoon(int lead, int on) {
  constexpr int64_t kCycleMs = 120000;
  const int64_t start_ms = (NowMs() / 1000 + lead) * 1000;
  const int64_t phase_ms = (kCycleMs - start_ms % kCycleMs) % kCycleMs;
  const std::string text = ReadFile(kPlayground);
  EXPECT_NE(text.find("on: 1m, off: 4m"), std::string::npos);
  return Replace(text, "on: 1m, off: 4m",
                 "on: " + std::to_string(on) + "s, off: " + std::to_string(120 - on) +
                     "s, phase: " + std::to_string(phase_ms) + "ms");
}

/// (alertname, status) of every alert in every webhook notification, in order.
std::vector<std::pair<std::string, std::string>> Notifications(const WebhookReceiver& receiver) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const WebhookReceiver::Request& request : receiver.Requests()) {
    rapidjson::Document document;
    if (document.Parse(request.body.c_str()).HasParseError() || !document.IsObject() ||
        !document.HasMember("alerts")) {
      continue;
    }
    for (const auto& alert : document["alerts"].GetArray()) {
      out.emplace_back(alert["labels"]["alertname"].GetString(), alert["status"].GetString());
    }
  }
  return out;
}

bool Received(const WebhookReceiver& receiver, const std::string& alert, const std::string& status) {
  for (const auto& [name, state] : Notifications(receiver)) {
    if (name == alert && state == status) return true;
  }
  return false;
}

/// A real Alertmanager (Debian prometheus-alertmanager) on 127.0.0.1, clustering off, that sends
/// every group to `webhook` at once and again when it resolves.
class Alertmanager {
 public:
  Alertmanager(const TempDir& dir, const std::string& webhook)
      : port_(FreePort()),
        config_(dir.Write("alertmanager.yml",
                          "route:\n  receiver: hook\n  group_by: [alertname]\n  group_wait: 1s\n"
                          "  group_interval: 1s\n  repeat_interval: 1h\n"
                          "receivers:\n  - name: hook\n    webhook_configs:\n      - url: '" +
                              webhook + "/hook'\n        send_resolved: true\n")),
        process_(
            {"prometheus-alertmanager", "--config.file=" + config_, "--storage.path=" + dir.path() + "/am",
             "--web.listen-address=127.0.0.1:" + std::to_string(port_), "--cluster.listen-address="},
            dir.path() + "/alertmanager.log") {}
  ~Alertmanager() {
    process_.Signal(SIGTERM);
    process_.WaitExit(seconds(20));
  }

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int port() const { return port_; }
  bool WaitReady() {
    return WaitUntil([&] { return Get(url() + "/-/ready").status == 200; }, seconds(30), milliseconds(100));
  }
  std::string Output() const { return process_.Output(); }

 private:
  int port_;
  std::string config_;
  ChildProcess process_;
};

bool PrometheusHasFiring(const std::string& api, const std::string& alert) {
  const HttpResponse response = Get(api + "/api/v1/alerts");
  rapidjson::Document document;
  if (response.status != 200 || document.Parse(response.body.c_str()).HasParseError()) return false;
  for (const auto& entry : document["data"]["alerts"].GetArray()) {
    if (std::string(entry["labels"]["alertname"].GetString()) == alert &&
        std::string(entry["state"].GetString()) == "firing") {
      return true;
    }
  }
  return false;
}

TEST(AlertingEndToEndTest, PrometheusRulesFireReachTheWebhookAndResolve) {
  TempDir dir;
  WebhookReceiver webhook;
  Alertmanager alertmanager(dir, webhook.url());
  // The incident starts 15 s from now and lasts 20 s: Prometheus has time to start first.
  const std::string config = dir.Write("playground.yml", PlaygroundWithIncidentSoon(15, 20));
  const CommandResult rules = RunCommand(
      {PROMSYNTH_BINARY, "rules", "--config.file=" + config, "-o", dir.path() + "/rules"}, seconds(30));
  ASSERT_EQ(rules.exit_code, 0) << rules.output;
  DaemonProcess daemon(config);
  const std::string prometheus_config =
      dir.Write("prometheus.yml",
                "global: {scrape_interval: 1s, evaluation_interval: 1s}\n"
                "rule_files: ['" +
                    dir.path() +
                    "/rules/rules.yml']\n"
                    "alerting:\n  alertmanagers: [{static_configs: [{targets: ['127.0.0.1:" +
                    std::to_string(alertmanager.port()) +
                    "']}]}]\n"
                    "scrape_configs:\n  - job_name: promsynth\n"
                    "    static_configs: [{targets: ['127.0.0.1:" +
                    std::to_string(daemon.port()) + "']}]\n");
  const int port = FreePort();
  ChildProcess prometheus(
      {"prometheus", "--config.file=" + prometheus_config, "--storage.tsdb.path=" + dir.path() + "/data",
       "--web.listen-address=127.0.0.1:" + std::to_string(port), "--rules.alert.resend-delay=1s"},
      dir.path() + "/prometheus.log");
  const std::string api = "http://127.0.0.1:" + std::to_string(port);
  ASSERT_TRUE(alertmanager.WaitReady()) << alertmanager.Output();

  const auto started = std::chrono::steady_clock::now();
  ASSERT_TRUE(WaitUntil([&] { return PrometheusHasFiring(api, "PlaygroundLatencyHigh"); }, seconds(45),
                        milliseconds(250)))
      << prometheus.Output();
  ASSERT_TRUE(WaitUntil([&] { return Received(webhook, "PlaygroundLatencyHigh", "firing"); }, seconds(15),
                        milliseconds(100)))
      << alertmanager.Output();
  EXPECT_TRUE(
      Received(webhook, "PlaygroundDiskAlmostFull", "firing") ||
      WaitUntil([&] { return Received(webhook, "PlaygroundDiskAlmostFull", "firing"); }, seconds(10)));
  // The incident ends 20 s after it started: the alert resolves in Prometheus and at the webhook.
  ASSERT_TRUE(WaitUntil([&] { return Received(webhook, "PlaygroundLatencyHigh", "resolved"); }, seconds(40),
                        milliseconds(100)))
      << alertmanager.Output();
  EXPECT_FALSE(PrometheusHasFiring(api, "PlaygroundLatencyHigh"));
  EXPECT_LT(std::chrono::steady_clock::now() - started, seconds(75));
  prometheus.Signal(SIGTERM);
  EXPECT_TRUE(prometheus.WaitExit(seconds(20)).has_value());
}

TEST(AlertingEndToEndTest, DirectModeDeliversAndResolvesThroughAlertmanager) {
  TempDir dir;
  WebhookReceiver webhook;
  Alertmanager alertmanager(dir, webhook.url());
  ASSERT_TRUE(alertmanager.WaitReady()) << alertmanager.Output();
  const std::string config =
      dir.Write("playground.yml", PlaygroundWithIncidentSoon(3, 15) + "\nalertmanager: {url: '" +
                                      alertmanager.url() + "', resend_interval: 5s, timeout: 2s}\n");
  DaemonProcess daemon(config);
  ASSERT_TRUE(WaitUntil([&] { return Received(webhook, "PlaygroundLatencyHigh", "firing"); }, seconds(30),
                        milliseconds(100)))
      << alertmanager.Output() << daemon.process().Output();
  ASSERT_TRUE(WaitUntil([&] { return Received(webhook, "PlaygroundLatencyHigh", "resolved"); }, seconds(30),
                        milliseconds(100)))
      << alertmanager.Output() << daemon.process().Output();
  const std::string metrics = Get(daemon.url() + "/metrics").body;
  EXPECT_GT(SampleValue(metrics, "promsynth_alerts_sent_total").value_or(0), 0);
  EXPECT_EQ(SampleValue(metrics, "promsynth_alerts_failed_total").value_or(-1), 0);
}

TEST(AlertingEndToEndTest, DirectModeForANetopsConfigDeliversTheGeneratorsAlerts) {
  TempDir dir;
  WebhookReceiver webhook;
  Alertmanager alertmanager(dir, webhook.url());
  ASSERT_TRUE(alertmanager.WaitReady()) << alertmanager.Output();
  // A netops JSON config has no key for an Alertmanager: --alertmanager.url gives it one. The
  // disk metric sits at 50, over its threshold of 10, on every tick; after a reload to a
  // threshold of 1000 its alert is resolved.
  const auto netops_config = [](int threshold) {
    return R"({"metrics": {"disk_used": {"labels": {"unit": "percent", "site": "lab"},
  "metric": {"mu": 50, "sigma": 0, "noise": 0, "max": 100, "min": 0},
  "alerts": {"threshold": )" +
           std::to_string(threshold) + R"(, "alert": "Disk used StatReplace over the threshold"}}},
 "error_scenarios": [], "error_rate": 0})";
  };
  const std::string config = dir.Write("netops.json", netops_config(10));
  DaemonProcess daemon(config, {"--alertmanager.url=" + alertmanager.url()});
  ASSERT_TRUE(WaitUntil([&] { return Received(webhook, "NetopsDiskUsed", "firing"); }, seconds(30),
                        milliseconds(100)))
      << alertmanager.Output() << daemon.process().Output();
  const std::string delivered = webhook.Requests().back().body;
  EXPECT_THAT(delivered, HasSubstr(R"("site":"lab")"));
  EXPECT_THAT(delivered, HasSubstr(R"("severity":"warning")"));
  EXPECT_THAT(delivered, HasSubstr("Disk used 50"));
  dir.Write("netops.json", netops_config(1000));
  ASSERT_EQ(Fetch({.method = "POST", .url = daemon.url() + "/-/reload"}).status, 200);
  ASSERT_TRUE(WaitUntil([&] { return Received(webhook, "NetopsDiskUsed", "resolved"); }, seconds(30),
                        milliseconds(100)))
      << alertmanager.Output() << daemon.process().Output();
}

// A netops config posted to /start at run time is alerted on directly too, beside the YAML
// config's own alerts; a second /start with a higher threshold resolves the alert.
TEST(AlertingEndToEndTest, DirectModeFollowsANetopsConfigPostedToStart) {
  TempDir dir;
  WebhookReceiver webhook;
  Alertmanager alertmanager(dir, webhook.url());
  ASSERT_TRUE(alertmanager.WaitReady()) << alertmanager.Output();
  const std::string yaml = dir.Write(
      "c.yml", "global: {tick: 1s}\nmetrics:\n  - {name: calm, generator: {kind: constant, value: 1}}\n");
  DaemonProcess daemon(yaml, {"--alertmanager.url=" + alertmanager.url()});
  const auto start = [&](int threshold) {
    return Fetch(
        {.method = "POST",
         .url = daemon.url() + "/start",
         .body = R"({"metrics": {"queue_depth": {"labels": {"site": "edge"},
  "metric": {"mu": 50, "sigma": 0, "noise": 0, "max": 100, "min": 0},
  "alerts": {"threshold": )" +
                 std::to_string(threshold) +
                 R"(, "alert": "Queue depth StatReplace"}}}, "error_scenarios": [], "error_rate": 0})"});
  };
  ASSERT_EQ(start(10).status, 200);
  ASSERT_TRUE(WaitUntil([&] { return Received(webhook, "NetopsQueueDepth", "firing"); }, seconds(30),
                        milliseconds(100)))
      << alertmanager.Output() << daemon.process().Output();
  EXPECT_THAT(webhook.Requests().back().body, HasSubstr(R"("site":"edge")"));
  ASSERT_EQ(start(1000).status, 200);
  ASSERT_TRUE(WaitUntil([&] { return Received(webhook, "NetopsQueueDepth", "resolved"); }, seconds(30),
                        milliseconds(100)))
      << alertmanager.Output() << daemon.process().Output();
}

// FailureBehaviour_FB27 (README.md, "Failure behaviour").
TEST(AlertingEndToEndTest, DirectModeRetriesWithBackoffAndCountsFailures) {
  TempDir dir;
  WebhookReceiver fake_alertmanager;
  fake_alertmanager.SetStatus(500);
  const std::string config = dir.Write("always.yml", R"(
global: {tick: 1s}
metrics:
  - name: always_high
    labels: {zone: [a]}
    generator: {kind: constant, value: 7}
    alerts: [{name: AlwaysHigh, threshold: 5, summary: "value {{ $value }} in {{ $labels.zone }}"}]
alertmanager: {url: ')" + fake_alertmanager.url() + R"(', resend_interval: 2s, timeout: 1s}
)");
  DaemonProcess daemon(config);
  const auto counter = [&](const std::string& name) {
    return SampleValue(Get(daemon.url() + "/metrics").body, name).value_or(-1);
  };
  ASSERT_TRUE(WaitUntil([&] { return counter("promsynth_alerts_failed_total") >= 2; }, seconds(20),
                        milliseconds(100)));
  EXPECT_EQ(counter("promsynth_alerts_sent_total"), 0);
  fake_alertmanager.SetStatus(200);
  ASSERT_TRUE(
      WaitUntil([&] { return counter("promsynth_alerts_sent_total") >= 1; }, seconds(20), milliseconds(100)));
  const std::vector<WebhookReceiver::Request> requests = fake_alertmanager.Requests();
  ASSERT_GE(requests.size(), 3u);
  // Backoff: the retries of the first failures are at least 0.5 s apart (not a busy loop).
  EXPECT_LT(requests.size(), 40u);
  const WebhookReceiver::Request& last = requests.back();
  EXPECT_EQ(last.method, "POST");
  EXPECT_EQ(last.path, "/api/v2/alerts");
  rapidjson::Document document;
  ASSERT_FALSE(document.Parse(last.body.c_str()).HasParseError()) << last.body;
  ASSERT_TRUE(document.IsArray());
  ASSERT_EQ(document.Size(), 1u);
  const auto& alert = document[0];
  EXPECT_STREQ(alert["labels"]["alertname"].GetString(), "AlwaysHigh");
  EXPECT_STREQ(alert["labels"]["zone"].GetString(), "a");
  EXPECT_STREQ(alert["labels"]["severity"].GetString(), "warning");
  EXPECT_STREQ(alert["annotations"]["summary"].GetString(), "value 7 in a");
  EXPECT_TRUE(alert.HasMember("startsAt"));
  EXPECT_GT(std::string(alert["endsAt"].GetString()), std::string(alert["startsAt"].GetString()));
}

}  // namespace
}  // namespace promsynth::testing
