// Remote write end to end: a real Prometheus (Debian package) with its remote write receiver gets
// every tick pushed by the daemon; the series are queryable with the generated values. Also the
// --shard and --memory.limit flags of the real binary.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <cmath>
#include <string>
#include <vector>

#include "support/daemon_process.h"
#include "support/http_client.h"
#include "support/process.h"
#include "support/prometheus_server.h"
#include "support/temp_dir.h"
#include "support/wait.h"
#include "support/webhook_receiver.h"

namespace promsynth::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

// FailureBehaviour_FB26 (README.md, "Failure behaviour").
TEST(RemoteWriteTest, PushedSeriesAreQueryableInARealPrometheus) {
  TempDir dir;
  PrometheusServer prometheus(dir, "global: {scrape_interval: 1h}\n", {"--web.enable-remote-write-receiver"});
  const std::string& api = prometheus.api();
  ASSERT_TRUE(prometheus.WaitReady()) << prometheus.process().Output();

  // Two targets: the receiver, and a path it does not serve (404: refused, never retried — a
  // retry would take at least min_backoff = 1h).
  const std::string config = dir.Write("promsynth.yml", R"(
global: {seed: 5, tick: 1s, labels: {env: rw}}
metrics:
  - {name: rw_level, help: A level., labels: {zone: [a, b, c]}, generator: {kind: constant, value: 42.5}}
  - {name: rw_events_total, type: counter, help: Events., labels: {id: "0..9"}, generator: {kind: constant, value: 2}}
remote_write:
  - url: )" + api + R"(/api/v1/write
    headers: {X-Test: promsynth}
    batch: {max_samples: 4}
  - url: )" + api + R"(/api/v1/nowhere
    queue: {max_retries: 5, min_backoff: 1h, max_backoff: 1h}
)");
  DaemonProcess daemon(config);
  ASSERT_TRUE(
      WaitUntil([&] { return prometheus.Query("rw_level").size() == 3; }, seconds(60), milliseconds(250)))
      << prometheus.process().Output();
  for (const auto& [labels, value] : prometheus.Query("rw_level")) {
    EXPECT_EQ(value, "42.5") << labels;
    EXPECT_NE(labels.find("env=rw"), std::string::npos) << labels;
  }
  // The counter grows by 2 per tick: after a few ticks rate() is 2 per second for every series.
  ASSERT_TRUE(WaitUntil([&] { return prometheus.Query("rate(rw_events_total[5s]) == 2").size() == 10; },
                        seconds(60), milliseconds(250)));
  const auto one = prometheus.Query("rw_events_total{id=\"7\",env=\"rw\"}");
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(std::fmod(std::stod(one[0].second), 2.0), 0.0);

  // Self-metrics: samples sent to the receiver, and the 404 target's samples failed at once.
  std::string self;
  ASSERT_TRUE(WaitUntil(
      [&] {
        self = Get(daemon.url() + "/metrics").body;
        return SampleValue(self, "promsynth_remote_write_samples_failed_total").value_or(0) >= 13;
      },
      seconds(30), milliseconds(200)))
      << self;
  EXPECT_GE(SampleValue(self, "promsynth_remote_write_samples_sent_total").value_or(0), 13);
  EXPECT_EQ(SampleValue(self, "promsynth_remote_write_samples_dropped_total"), 0);

  daemon.process().Signal(SIGTERM);
  EXPECT_TRUE(daemon.process().WaitExit(seconds(20)).has_value());  // shutdown cuts the 1h backoff short
  prometheus.process().Signal(SIGTERM);
  EXPECT_TRUE(prometheus.process().WaitExit(seconds(20)).has_value());
}

/// The fields of one CSV line as Python's csv module writes them (minimal quoting, "" for ").
std::vector<std::string> CsvFields(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
      fields.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

/// The CSV's lines without their CRLF.
std::vector<std::string> CsvLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t from = 0;
  for (size_t end; (end = text.find("\r\n", from)) != std::string::npos; from = end + 2) {
    lines.push_back(text.substr(from, end - from));
  }
  return lines;
}

constexpr const char* kHistoryConfig = R"(
global: {seed: 9, tick: 1s, labels: {env: hist}}
metrics:
  - {name: hist_level, help: A level., labels: {zone: [a, b]}, generator: {kind: sine, amplitude: 10, period: 17m, offset: 50}}
  - {name: hist_noise, help: Noise., generator: {kind: uniform, low: 0, high: 100}}
  - {name: hist_events_total, type: counter, help: Events., generator: {kind: constant, value: 2}}
)";

// `promsynth generate --remote-write.url` backfills a real Prometheus (Debian 2.42) without
// promtool: two hours of 15 s samples, pushed oldest first in several requests, are queryable at
// their past times with exactly the values `generate --format csv` writes for the same run.
TEST(GenerateRemoteWriteTest, PushedHistoryIsQueryableAtItsPastTimesWithTheCsvValues) {
  TempDir dir;
  PrometheusServer prometheus(dir, "global: {scrape_interval: 1h}\n", {"--web.enable-remote-write-receiver"});
  ASSERT_TRUE(prometheus.WaitReady()) << prometheus.process().Output();
  const std::string config = dir.Write("history.yml", kHistoryConfig);
  const std::string binary = PROMSYNTH_BINARY;
  const int64_t now =
      std::chrono::duration_cast<seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  const int64_t start = now / 15 * 15 - 7200;
  const std::vector<std::string> range = {"--start", std::to_string(start), "--samples", "481", "--step",
                                          "15s"};

  std::vector<std::string> push = {binary,
                                   "generate",
                                   "--config.file",
                                   config,
                                   "--no-progress",
                                   "--remote-write.url",
                                   prometheus.api() + "/api/v1/write",
                                   "--remote-write.header",
                                   "X-Test: promsynth",
                                   "--remote-write.max-samples",
                                   "500"};
  push.insert(push.end(), range.begin(), range.end());
  const CommandResult pushed = RunCommand(push, seconds(60));
  ASSERT_EQ(pushed.exit_code, 0) << pushed.output;
  // 4 series x 481 samples; 500 samples per request is 125 rows of 4 series: 4 requests.
  EXPECT_NE(pushed.output.find("pushed 1924 samples in 4 remote write requests"), std::string::npos)
      << pushed.output;
  EXPECT_EQ(pushed.output.find("wrote"), std::string::npos) << pushed.output;  // pushing alone writes no file

  std::vector<std::string> csv = {binary, "generate", "--config.file", config, "--format", "csv", "-o", "-"};
  csv.insert(csv.end(), range.begin(), range.end());
  const CommandResult written = RunCommand(csv, seconds(60));
  ASSERT_EQ(written.exit_code, 0) << written.output;
  const std::vector<std::string> lines = CsvLines(written.output);
  ASSERT_EQ(lines.size(), 482u) << written.output.substr(0, 500);
  const std::vector<std::string> names = CsvFields(lines[0]);
  ASSERT_EQ(names.size(), 4u) << lines[0];

  int compared = 0;
  for (const int k : {0, 1, 2, 119, 120, 125, 240, 333, 479, 480}) {
    const std::vector<std::string> values = CsvFields(lines[static_cast<size_t>(k) + 1]);
    const int64_t time = start + 15 * k;
    for (size_t j = 0; j < names.size(); ++j) {
      // The column name is a PromQL selector; @ evaluates it at the sample's own time.
      const auto rows = prometheus.Query(names[j] + " @ " + std::to_string(time));
      ASSERT_EQ(rows.size(), 1u) << names[j] << " @ " << time;
      EXPECT_EQ(std::stod(rows[0].second), std::stod(values[j])) << names[j] << " @ " << time;
      ++compared;
    }
  }
  EXPECT_EQ(compared, 40);
  // The counter counted every 1 s tick between the 15 s samples: 2 per tick.
  const auto counter = prometheus.Query("hist_events_total @ " + std::to_string(start + 15 * 480) +
                                        " - hist_events_total @ " + std::to_string(start));
  ASSERT_EQ(counter.size(), 1u);
  EXPECT_EQ(counter[0].second, "14400");
  // Nothing beyond the pushed range: the newest sample is the last row's.
  const auto newest = prometheus.Query("timestamp(hist_noise)");
  ASSERT_EQ(newest.size(), 1u);
  EXPECT_EQ(std::stoll(newest[0].second), start + 15 * 480);
}

// A receiver that refuses the history (too old for its head block, or a wrong path), one that
// is not there, and a URL that is not http: a clear message and a non-zero exit; with an
// out-of-order window the same old history is accepted.
TEST(GenerateRemoteWriteTest, RefusedOrUnreachableReceiversFailWithTheReason) {
  TempDir dir;
  PrometheusServer prometheus(dir, "global: {scrape_interval: 1h}\n", {"--web.enable-remote-write-receiver"});
  ASSERT_TRUE(prometheus.WaitReady()) << prometheus.process().Output();
  const std::string config = dir.Write("history.yml", kHistoryConfig);
  const std::string binary = PROMSYNTH_BINARY;
  auto generate = [&](const std::string& url, const std::string& start, const std::string& end) {
    return RunCommand({binary, "generate", "--config.file", config, "--no-progress", "--start", start,
                       "--end", end, "--step", "15s", "--remote-write.url", url},
                      seconds(60));
  };
  const std::string write_url = prometheus.api() + "/api/v1/write";
  CommandResult recent = generate(write_url, "now-10m", "now");
  ASSERT_EQ(recent.exit_code, 0) << recent.output;

  // Five hours back is more than an hour before the head's newest sample: 400 out of bounds.
  CommandResult old = generate(write_url, "now-5h", "now-4h");
  EXPECT_EQ(old.exit_code, 1) << old.output;
  EXPECT_NE(old.output.find("HTTP 400"), std::string::npos) << old.output;
  EXPECT_NE(old.output.find("out of bounds"), std::string::npos) << old.output;
  EXPECT_NE(old.output.find("out_of_order_time_window"), std::string::npos) << old.output;
  EXPECT_NE(old.output.find(write_url), std::string::npos) << old.output;

  CommandResult missing = generate(prometheus.api() + "/api/v1/nowhere", "now-10m", "now");
  EXPECT_EQ(missing.exit_code, 1) << missing.output;
  EXPECT_NE(missing.output.find("HTTP 404"), std::string::npos) << missing.output;

  CommandResult nobody =
      generate("http://127.0.0.1:" + std::to_string(FreePort()) + "/api/v1/write", "now-10m", "now");
  EXPECT_EQ(nobody.exit_code, 1) << nobody.output;
  EXPECT_NE(nobody.output.find("attempts"), std::string::npos) << nobody.output;

  CommandResult not_http = generate("ftp://127.0.0.1/write", "now-10m", "now");
  EXPECT_EQ(not_http.exit_code, 2) << not_http.output;
  EXPECT_NE(not_http.output.find("not an http:// or https:// URL"), std::string::npos) << not_http.output;

  // --remote-write pushes to the config's own remote_write: targets (here 3 samples per request,
  // fewer than the 4 series of a row: each row is split over two requests).
  std::string own = kHistoryConfig;
  for (size_t at; (at = own.find("hist_")) != std::string::npos;) own.replace(at, 5, "own_");
  const std::string with_targets = dir.Write(
      "targets.yml", own + "remote_write:\n  - url: " + write_url + "\n    batch: {max_samples: 3}\n");
  CommandResult from_config =
      RunCommand({binary, "generate", "--config.file", with_targets, "--no-progress", "--start", "now-1m",
                  "--samples", "5", "--step", "15s", "--remote-write"},
                 seconds(60));
  EXPECT_EQ(from_config.exit_code, 0) << from_config.output;
  EXPECT_NE(from_config.output.find("pushed 20 samples in 10 remote write requests"), std::string::npos)
      << from_config.output;
  EXPECT_EQ(prometheus.Query("own_level").size(), 2u);
  CommandResult no_targets = RunCommand(
      {binary, "generate", "--config.file", config, "--samples", "5", "--remote-write"}, seconds(60));
  EXPECT_EQ(no_targets.exit_code, 2) << no_targets.output;
  EXPECT_NE(no_targets.output.find("no remote_write: section"), std::string::npos) << no_targets.output;

  // With out_of_order_time_window (Prometheus 2.39 and later) the old history goes in.
  TempDir ooo_dir;
  PrometheusServer ooo(ooo_dir,
                       "global: {scrape_interval: 1h}\nstorage: {tsdb: {out_of_order_time_window: 1d}}\n",
                       {"--web.enable-remote-write-receiver"});
  ASSERT_TRUE(ooo.WaitReady()) << ooo.process().Output();
  ASSERT_EQ(generate(ooo.api() + "/api/v1/write", "now-10m", "now").exit_code, 0);
  CommandResult accepted = generate(ooo.api() + "/api/v1/write", "now-5h", "now-4h");
  EXPECT_EQ(accepted.exit_code, 0) << accepted.output;
  EXPECT_EQ(ooo.Query("count_over_time(hist_noise[30m] @ " +
                      std::to_string(std::chrono::duration_cast<seconds>(
                                         std::chrono::system_clock::now().time_since_epoch())
                                         .count() -
                                     4 * 3600 - 60) +
                      ")")
                .size(),
            1u);
}

// The batch push's credentials and headers arrive at the receiver as remote write 1.0 asks:
// bearer token or basic auth from their files, every --remote-write.header, and the protocol's
// own headers.
TEST(GenerateRemoteWriteTest, CredentialsAndHeadersReachTheReceiver) {
  TempDir dir;
  WebhookReceiver receiver;
  const std::string config = dir.Write("history.yml", kHistoryConfig);
  const std::string token = dir.Write("token", "s3cr3t-token\n");
  const std::string password = dir.Write("password", "hunter2\n");
  auto push = [&](std::vector<std::string> extra) {
    std::vector<std::string> argv = {PROMSYNTH_BINARY,
                                     "generate",
                                     "--config.file",
                                     config,
                                     "--no-progress",
                                     "--samples",
                                     "2",
                                     "--step",
                                     "15s",
                                     "--remote-write.url",
                                     receiver.url() + "/api/v1/push"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return RunCommand(argv, seconds(60));
  };
  const CommandResult bearer =
      push({"--remote-write.bearer-token-file", token, "--remote-write.header", "X-Scope-OrgID: tenant-1",
            "--remote-write.header", "X-Other: two words"});
  ASSERT_EQ(bearer.exit_code, 0) << bearer.output;
  const CommandResult basic =
      push({"--remote-write.username", "alice", "--remote-write.password-file", password});
  ASSERT_EQ(basic.exit_code, 0) << basic.output;

  const std::vector<WebhookReceiver::Request> requests = receiver.Requests();
  ASSERT_EQ(requests.size(), 2u);
  const std::string& first = requests[0].head;
  EXPECT_EQ(requests[0].method, "POST");
  EXPECT_EQ(requests[0].path, "/api/v1/push");
  EXPECT_THAT(first, ::testing::HasSubstr("\r\nAuthorization: Bearer s3cr3t-token\r\n"));
  EXPECT_THAT(first, ::testing::HasSubstr("\r\nX-Scope-OrgID: tenant-1\r\n"));
  EXPECT_THAT(first, ::testing::HasSubstr("\r\nX-Other: two words\r\n"));
  EXPECT_THAT(first, ::testing::HasSubstr("\r\nContent-Encoding: snappy\r\n"));
  EXPECT_THAT(first, ::testing::HasSubstr("\r\nContent-Type: application/x-protobuf\r\n"));
  EXPECT_THAT(first, ::testing::HasSubstr("\r\nX-Prometheus-Remote-Write-Version: 0.1.0\r\n"));
  EXPECT_FALSE(requests[0].body.empty());
  // alice:hunter2 in base64; the password file's trailing newline is not part of the password.
  EXPECT_THAT(requests[1].head, ::testing::HasSubstr("\r\nAuthorization: Basic YWxpY2U6aHVudGVyMg==\r\n"));
  EXPECT_THAT(requests[1].head, ::testing::Not(::testing::HasSubstr("X-Scope-OrgID")));
}

// The daemon's per-tick push carries the config's credentials and headers the same way.
TEST(RemoteWriteTest, TheDaemonSendsTheConfiguredCredentialsAndHeaders) {
  TempDir dir;
  WebhookReceiver receiver;
  const std::string password = dir.Write("rw-password", "pa55\n");
  DaemonProcess daemon(dir.Write("c.yml", std::string(kHistoryConfig) +
                                              "remote_write:\n  - url: " + receiver.url() +
                                              "/push\n    basic_auth: {username: synth, "
                                              "password_file: " +
                                              password + "}\n    headers: {X-Scope-OrgID: load-test}\n"));
  ASSERT_TRUE(WaitUntil([&] { return !receiver.Requests().empty(); }, seconds(10)));
  const WebhookReceiver::Request first = receiver.Requests().front();
  EXPECT_EQ(first.path, "/push");
  EXPECT_THAT(first.head, ::testing::HasSubstr("\r\nAuthorization: Basic c3ludGg6cGE1NQ==\r\n"));
  EXPECT_THAT(first.head, ::testing::HasSubstr("\r\nX-Scope-OrgID: load-test\r\n"));
  EXPECT_THAT(first.head, ::testing::HasSubstr("\r\nX-Prometheus-Remote-Write-Version: 0.1.0\r\n"));
}

TEST(ShardFlagTest, ShardsServeDisjointSlicesOfEveryFamily) {
  TempDir dir;
  const std::string config =
      dir.Write("promsynth.yml",
                "metrics:\n  - {name: s, labels: {i: \"0..9\"}, generator: {kind: constant, value: 1}}\n");
  DaemonProcess first(config, {"--shard=0/2"});
  DaemonProcess second(config, {"--shard=1/2"});
  const std::string a = Get(first.url() + "/metrics").body;
  const std::string b = Get(second.url() + "/metrics").body;
  for (int i = 0; i < 10; ++i) {
    const std::string series = "s{i=\"" + std::to_string(i) + "\"}";
    EXPECT_EQ(SampleValue(a, series).has_value(), i < 5) << series;
    EXPECT_EQ(SampleValue(b, series).has_value(), i >= 5) << series;
  }
}

// FailureBehaviour_FB05 (README.md, "Failure behaviour").
TEST(ShardFlagTest, BadShardsAndMemoryLimitsAreRefused) {
  TempDir dir;
  const std::string config = dir.Write(
      "promsynth.yml", "metrics:\n  - {name: big, labels: {i: \"0..999999\"}, generator: {kind: uniform}}\n");
  const std::string binary = PROMSYNTH_BINARY;
  CommandResult bad = RunCommand({binary, "--config.file=" + config, "--shard=2/2"}, seconds(30));
  EXPECT_EQ(bad.exit_code, 2) << bad.output;
  EXPECT_NE(bad.output.find("0 <= i < n"), std::string::npos) << bad.output;
  // A million series need about 62 MiB by the estimate: 32 MiB is refused at load, with the estimate.
  CommandResult check = RunCommand({binary, "check-config", config, "--memory.limit=32MiB"}, seconds(60));
  EXPECT_EQ(check.exit_code, 1) << check.output;
  EXPECT_NE(check.output.find("1000000 series"), std::string::npos) << check.output;
  EXPECT_NE(check.output.find("--memory.limit"), std::string::npos) << check.output;
  check = RunCommand({binary, "check-config", config, "--memory.limit=1GiB"}, seconds(60));
  EXPECT_EQ(check.exit_code, 0) << check.output;
}

}  // namespace
}  // namespace promsynth::testing
