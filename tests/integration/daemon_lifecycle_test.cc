// Start-up, reload, shutdown and the command line of the built binary.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>

#include "support/daemon_process.h"
#include "support/http_client.h"
#include "support/process.h"
#include "support/temp_dir.h"
#include "support/wait.h"

namespace promsynth::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using ::testing::HasSubstr;

constexpr const char* kCounterConfig = R"(
global: {seed: 1, tick: 100ms}
metrics:
  - {name: jobs, type: counter, help: Jobs done., generator: {kind: constant, value: 1}}
  - {name: temperature, generator: {kind: constant, value: 20}}
)";

const std::string kSeries = "jobs_total";

double Scrape(const DaemonProcess& daemon, const std::string& series) {
  return SampleValue(Get(daemon.url() + "/metrics").body, series).value_or(-1);
}

// civetweb (Debian's 1.15) writes every Date header with the non-reentrant gmtime(); the
// executable's own thread-safe gmtime must be exported so the dynamic linker binds civetweb to it.
TEST(DaemonLifecycleTest, TheBinaryGivesCivetwebAThreadSafeGmtime) {
  const CommandResult symbols =
      RunCommand({"nm", "--dynamic", "--defined-only", PROMSYNTH_BINARY}, seconds(30));
  ASSERT_EQ(symbols.exit_code, 0) << symbols.output;
  EXPECT_THAT(symbols.output, ::testing::ContainsRegex(" T gmtime\n"));
}

TEST(DaemonLifecycleTest, SigtermStopsCleanlyWithinASecond) {
  TempDir dir;
  DaemonProcess daemon(dir.Write("c.yml", kCounterConfig));
  const auto started = std::chrono::steady_clock::now();
  daemon.process().Signal(SIGTERM);
  EXPECT_EQ(daemon.process().WaitExit(seconds(5)), 0);
  EXPECT_LT(std::chrono::steady_clock::now() - started, seconds(1));
  EXPECT_THAT(daemon.process().Output(), HasSubstr("msg=stopping signal=SIGTERM"));
}

TEST(DaemonLifecycleTest, SigintStopsCleanly) {
  TempDir dir;
  DaemonProcess daemon(dir.Write("c.yml", kCounterConfig));
  daemon.process().Signal(SIGINT);
  EXPECT_EQ(daemon.process().WaitExit(seconds(5)), 0);
}

TEST(DaemonLifecycleTest, SighupWithAGoodFileReloadsAndKeepsCounting) {
  TempDir dir;
  const std::string config = dir.Write("c.yml", kCounterConfig);
  DaemonProcess daemon(config);
  ASSERT_TRUE(WaitUntil([&] { return Scrape(daemon, kSeries) >= 5; }, seconds(10)));
  const double before = Scrape(daemon, kSeries);
  dir.Write("c.yml",
            std::string(kCounterConfig) + "  - {name: added, generator: {kind: constant, value: 7}}\n");
  daemon.process().Signal(SIGHUP);
  ASSERT_TRUE(daemon.process().WaitForOutput("msg=\"configuration reloaded\"", seconds(10)));
  const std::string body = Get(daemon.url() + "/metrics").body;
  EXPECT_EQ(SampleValue(body, "added"), 7);
  EXPECT_GE(SampleValue(body, kSeries).value_or(0), before);  // the unchanged counter kept its total
  EXPECT_EQ(SampleValue(body, "promsynth_config_last_reload_successful"), 1);
}

// FailureBehaviour_FB02 (README.md, "Failure behaviour").
TEST(DaemonLifecycleTest, SighupWithABadFileKeepsTheOldConfiguration) {
  TempDir dir;
  const std::string config = dir.Write("c.yml", kCounterConfig);
  DaemonProcess daemon(config);
  dir.Write("c.yml", "metrics:\n  - {name: broken, generator: {kind: nosuchkind}}\n");
  daemon.process().Signal(SIGHUP);
  ASSERT_TRUE(daemon.process().WaitForOutput("reload failed", seconds(10)));
  EXPECT_THAT(daemon.process().Output(), HasSubstr("unknown generator kind \\\"nosuchkind\\\""));
  const std::string body = Get(daemon.url() + "/metrics").body;
  EXPECT_EQ(SampleValue(body, "promsynth_config_last_reload_successful"), 0);
  EXPECT_EQ(SampleValue(body, "temperature"), 20);  // the old configuration is still served
  EXPECT_FALSE(SampleValue(body, "broken").has_value());
  EXPECT_EQ(Get(daemon.url() + "/-/healthy").status, 200);
}

// FailureBehaviour_FB03 (README.md, "Failure behaviour").
TEST(DaemonLifecycleTest, PostReloadAnswersWithTheOutcome) {
  TempDir dir;
  const std::string config = dir.Write("c.yml", kCounterConfig);
  DaemonProcess daemon(config);
  const HttpResponse good = Fetch({.method = "POST", .url = daemon.url() + "/-/reload"});
  EXPECT_EQ(good.status, 200);
  EXPECT_THAT(good.body, HasSubstr("configuration reloaded: 2 series"));
  dir.Write("c.yml", "metrics: 5\n");
  const HttpResponse bad = Fetch({.method = "POST", .url = daemon.url() + "/-/reload"});
  EXPECT_EQ(bad.status, 500);
  EXPECT_THAT(bad.body, HasSubstr("c.yml:1:10: metrics: expected a list of metrics"));
}

TEST(DaemonLifecycleTest, BurstOfFiftySighupsLeavesItHealthy) {
  TempDir dir;
  DaemonProcess daemon(dir.Write("c.yml", kCounterConfig));
  for (int i = 0; i < 50; ++i) daemon.process().Signal(SIGHUP);
  ASSERT_TRUE(daemon.process().WaitForOutput("msg=\"configuration reloaded\"", seconds(10)));
  EXPECT_EQ(Get(daemon.url() + "/-/healthy").status, 200);
  EXPECT_EQ(Get(daemon.url() + "/-/ready").status, 200);
  EXPECT_EQ(SampleValue(Get(daemon.url() + "/metrics").body, "temperature"), 20);
  daemon.process().Signal(SIGTERM);
  EXPECT_EQ(daemon.process().WaitExit(seconds(5)), 0);
}

// FailureBehaviour_FB10 (README.md, "Failure behaviour").
TEST(DaemonLifecycleTest, PortInUseIsAClearErrorAndExitCode1) {
  TempDir dir;
  const std::string config = dir.Write("c.yml", kCounterConfig);
  DaemonProcess holder(config);
  ChildProcess second({PROMSYNTH_BINARY, "--config.file=" + config,
                       "--web.listen-address=127.0.0.1:" + std::to_string(holder.port())},
                      dir.path() + "/second.log");
  EXPECT_EQ(second.WaitExit(seconds(10)), 1);
  EXPECT_THAT(second.Output(), HasSubstr("cannot start the HTTP server"));
  EXPECT_THAT(second.Output(), HasSubstr("cannot listen on 127.0.0.1:" + std::to_string(holder.port())));
}

// FailureBehaviour_FB01 (README.md, "Failure behaviour").
TEST(DaemonLifecycleTest, UnreadableOrInvalidConfigExitsWith1) {
  TempDir dir;
  const CommandResult missing = RunCommand(
      {PROMSYNTH_BINARY, "--config.file=" + dir.path() + "/none.yml", "--web.listen-address=127.0.0.1:0"},
      seconds(10));
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_THAT(missing.output, HasSubstr("cannot read the config file"));
  const std::string bad =
      dir.Write("bad.yml", "metrics:\n  - {name: x, type: gage, generator: {kind: constant}}\n");
  const CommandResult invalid =
      RunCommand({PROMSYNTH_BINARY, "--config.file=" + bad, "--web.listen-address=127.0.0.1:0"}, seconds(10));
  EXPECT_EQ(invalid.exit_code, 1);
  EXPECT_THAT(invalid.output, HasSubstr("bad.yml:2:21: metrics[0].type: unknown metric type"));
}

TEST(CommandLineTest, CheckConfigExitCodes) {
  TempDir dir;
  const std::string good = dir.Write("good.yml", kCounterConfig);
  const std::string bad =
      dir.Write("bad.yml", "metrics:\n  - {name: x, generator: {kind: uniform, low: 2, high: 1}}\n");
  const CommandResult ok = RunCommand({PROMSYNTH_BINARY, "check-config", good}, seconds(10));
  EXPECT_EQ(ok.exit_code, 0);
  EXPECT_THAT(ok.output, HasSubstr("good.yml: valid (2 metric families, 2 series)"));
  const CommandResult not_ok = RunCommand({PROMSYNTH_BINARY, "check-config", good, bad}, seconds(10));
  EXPECT_EQ(not_ok.exit_code, 1);
  EXPECT_THAT(not_ok.output,
              HasSubstr("bad.yml:2:26: metrics[0].generator: low must not be greater than high"));
  EXPECT_EQ(
      RunCommand({PROMSYNTH_BINARY, "check-config", std::string(PROMSYNTH_SOURCE_DIR) + "/etc/promsynth.yml"},
                 seconds(10))
          .exit_code,
      0);
}

// FailureBehaviour_FB09 (README.md, "Failure behaviour").
TEST(CommandLineTest, VersionHelpAndUsageErrors) {
  const CommandResult version = RunCommand({PROMSYNTH_BINARY, "--version"}, seconds(10));
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_THAT(version.output, HasSubstr("promsynth, version "));
  EXPECT_THAT(version.output, HasSubstr("(revision: "));
  EXPECT_THAT(version.output, HasSubstr("build date:"));
  EXPECT_THAT(version.output, HasSubstr("compiler:"));
  const CommandResult help = RunCommand({PROMSYNTH_BINARY, "--help"}, seconds(10));
  EXPECT_EQ(help.exit_code, 0);
  for (const char* flag : {"--config.file", "--web.listen-address", "--web.telemetry-path", "--log.level",
                           "--log.format", "--version", "check-config"}) {
    EXPECT_THAT(help.output, HasSubstr(flag));
  }
  EXPECT_THAT(help.output, HasSubstr("(=:9877)"));
  const CommandResult bad_flag = RunCommand({PROMSYNTH_BINARY, "--log.format=xml"}, seconds(10));
  EXPECT_EQ(bad_flag.exit_code, 2);
  EXPECT_THAT(bad_flag.output, HasSubstr("invalid --log.format \"xml\" (allowed: logfmt, json)"));
}

TEST(CommandLineTest, JsonLogsAndCustomTelemetryPath) {
  TempDir dir;
  DaemonProcess daemon(dir.Write("c.yml", kCounterConfig), {"--log.format=json", "--web.telemetry-path=/m"});
  EXPECT_EQ(Get(daemon.url() + "/m").status, 200);
  EXPECT_EQ(Get(daemon.url() + "/metrics").status, 404);
  EXPECT_THAT(daemon.process().Output(), HasSubstr(R"("level":"info","msg":"configuration loaded")"));
}

}  // namespace
}  // namespace promsynth::testing
