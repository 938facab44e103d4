// Remote write end to end: a real Prometheus (Debian package) with its remote write receiver gets
// every tick pushed by the daemon; the series are queryable with the generated values. Also the
// --shard and --memory.limit flags of the real binary.
#include <gtest/gtest.h>
#include <signal.h>

#include <cmath>

#include "support/daemon_process.h"
#include "support/http_client.h"
#include "support/process.h"
#include "support/prometheus_server.h"
#include "support/temp_dir.h"
#include "support/wait.h"

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
