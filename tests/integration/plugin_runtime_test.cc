// Sequence plugins at run time: failing plugins count in promsynth_series_errors_total while the
// daemon goes on serving, the advance modes of seed 002 (per scrape: 1 then 4), and a reload that
// picks up a changed plugin file.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>

#include "support/daemon_process.h"
#include "support/http_client.h"
#include "support/process.h"
#include "support/temp_dir.h"
#include "support/wait.h"

namespace promsynth::testing {
namespace {

using std::chrono::seconds;

constexpr const char* kSquareConfig = R"([
  {"name": "sq", "metric_type": "gauge", "custom_function": "square"},
  {"name": "pw", "metric_type": "gauge", "custom_function": "power", "labels": {"team": "sre"}}
])";

std::string Fixture(const std::string& name) { return std::string(PROMSYNTH_TEST_FIXTURE_DIR) + "/" + name; }

double Value(const DaemonProcess& daemon, const std::string& series) {
  return SampleValue(Get(daemon.url() + "/metrics").body, series).value_or(-1);
}

// FailureBehaviour_FB12 (README.md, "Failure behaviour").
TEST(PluginRuntimeTest, FailingPluginsAreCountedAndTheDaemonKeepsServing) {
  TempDir dir;
  // flaky fails every even step (an error status), thrower throws on every third step inside the
  // plugin, which turns the exception into an error status.
  DaemonProcess daemon(
      dir.Write("c.yml", "plugins: [\"" + Fixture("flaky.so") + "\", \"" + Fixture("throwing.so") +
                             "\"]\nglobal: {tick: 100ms}\nmetrics:\n"
                             "  - {name: flaky_value, generator: {kind: flaky}}\n"
                             "  - {name: thrower_value, generator: {kind: thrower}}\n"
                             "  - {name: calm_value, generator: {kind: constant, value: 7}}\n"));
  ASSERT_TRUE(WaitUntil(
      [&] {
        const std::string body = Get(daemon.url() + "/metrics").body;
        return SampleValue(body, "promsynth_series_errors_total{metric=\"flaky_value\"}").value_or(0) >= 3 &&
               SampleValue(body, "promsynth_series_errors_total{metric=\"thrower_value\"}").value_or(0) >= 2;
      },
      seconds(20)));
  const std::string body = Get(daemon.url() + "/metrics").body;
  // The failing series keep a value (the last good one: odd for flaky, not a multiple of 3 for thrower).
  const double flaky = SampleValue(body, "flaky_value").value_or(0);
  EXPECT_EQ(static_cast<int64_t>(flaky) % 2, 1) << body;
  const double thrower = SampleValue(body, "thrower_value").value_or(0);
  EXPECT_NE(static_cast<int64_t>(thrower) % 3, 0) << body;
  EXPECT_EQ(SampleValue(body, "calm_value"), 7);
  EXPECT_EQ(body.find("promsynth_series_errors_total{metric=\"calm_value\"}"), std::string::npos);
  // The counter keeps rising: the daemon goes on ticking the failing plugins.
  const double before =
      SampleValue(body, "promsynth_series_errors_total{metric=\"flaky_value\"}").value_or(0);
  EXPECT_TRUE(WaitUntil(
      [&] {
        return SampleValue(Get(daemon.url() + "/metrics").body,
                           "promsynth_series_errors_total{metric=\"flaky_value\"}")
                   .value_or(0) > before;
      },
      seconds(10)));
  EXPECT_TRUE(daemon.process().Running());
  EXPECT_EQ(Get(daemon.url() + "/-/healthy").status, 200);
}

TEST(PluginRuntimeTest, PerScrapeAdvanceGivesOneThenFour) {
  TempDir dir;
  DaemonProcess daemon(
      dir.Write("custom.json", kSquareConfig),
      {std::string("--plugin.dir=") + PROMSYNTH_PLUGIN_DIR, "--custom-functions.advance=scrape"});
  // Every scrape advances every metric once, before it is rendered, as the original's v1.
  EXPECT_EQ(Value(daemon, "test_metrics_sq"), 1);
  EXPECT_EQ(Value(daemon, "test_metrics_sq"), 4);
  const std::string third = Get(daemon.url() + "/metrics").body;
  EXPECT_EQ(SampleValue(third, "test_metrics_sq"), 9);
  EXPECT_EQ(SampleValue(third, "test_metrics_pw{team=\"sre\"}"), 27);
  // Nothing advances between scrapes, however long the daemon waits (other routes do not advance).
  EXPECT_EQ(Get(daemon.url() + "/health").status, 200);
  EXPECT_EQ(Value(daemon, "test_metrics_sq"), 16);
}

TEST(PluginRuntimeTest, IntervalAdvanceMovesAtMostOncePerInterval) {
  TempDir dir;
  DaemonProcess daemon(dir.Write("custom.json", kSquareConfig),
                       {std::string("--plugin.dir=") + PROMSYNTH_PLUGIN_DIR,
                        "--custom-functions.advance=interval", "--custom-functions.advance-interval=1h"});
  // The first scrape always generates; the next ones within the hour return the same values.
  EXPECT_EQ(Value(daemon, "test_metrics_sq"), 1);
  EXPECT_EQ(Value(daemon, "test_metrics_sq"), 1);
  EXPECT_EQ(Value(daemon, "test_metrics_sq"), 1);
}

TEST(PluginRuntimeTest, ShortIntervalAdvancesOnALaterScrape) {
  TempDir dir;
  DaemonProcess daemon(dir.Write("c.yml", "plugins: [\"" + std::string(PROMSYNTH_PLUGIN_DIR) +
                                              "/seed_functions.so\"]\nmetrics:\n"
                                              "  - {name: sq, advance: interval, advance_interval: 200ms,\n"
                                              "     generator: {kind: seed_square}}\n"));
  EXPECT_EQ(Value(daemon, "sq"), 1);
  EXPECT_TRUE(WaitUntil([&] { return Value(daemon, "sq") == 4; }, seconds(10)));
}

TEST(PluginRuntimeTest, ReloadPicksUpAChangedPluginFile) {
  TempDir dir;
  const std::string plugins = dir.path() + "/plugins";
  std::filesystem::create_directory(plugins);
  std::filesystem::copy_file(Fixture("versioned/versioned_v1.so"), plugins + "/versioned.so");
  DaemonProcess daemon(dir.Write("c.yml",
                                 "global: {tick: 100ms}\nmetrics:\n"
                                 "  - {name: version_value, generator: {kind: versioned}}\n"),
                       {"--plugin.dir=" + plugins});
  ASSERT_TRUE(WaitUntil(
      [&] {
        const double value = Value(daemon, "version_value");
        return value > 1000 && value < 2000;
      },
      seconds(10)));
  // A new build of the plugin replaces the file the way installers do: written aside, renamed over.
  std::filesystem::copy_file(Fixture("versioned/versioned_v2.so"), plugins + "/versioned.so.new");
  std::filesystem::rename(plugins + "/versioned.so.new", plugins + "/versioned.so");
  daemon.process().Signal(SIGHUP);
  ASSERT_TRUE(WaitUntil([&] { return Value(daemon, "version_value") > 2000; }, seconds(20)))
      << daemon.process().Output();
  EXPECT_TRUE(daemon.process().Running());
  EXPECT_EQ(SampleValue(Get(daemon.url() + "/metrics").body, "promsynth_config_last_reload_successful"), 1);
  // And back again: the loader opens each changed file under a fresh name, so this is no cached copy.
  std::filesystem::copy_file(Fixture("versioned/versioned_v1.so"), plugins + "/versioned.so.new");
  std::filesystem::rename(plugins + "/versioned.so.new", plugins + "/versioned.so");
  daemon.process().Signal(SIGHUP);
  ASSERT_TRUE(WaitUntil(
      [&] {
        const double value = Value(daemon, "version_value");
        return value > 1000 && value < 2000;
      },
      seconds(20)));
  EXPECT_TRUE(daemon.process().Running());
}

}  // namespace
}  // namespace promsynth::testing
