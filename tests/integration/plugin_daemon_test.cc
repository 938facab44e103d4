// Sequence plugins in the running daemon: the seed-002 JSON config, --plugin.dir, the config's
// plugins: list, /health, and clear errors for plugins that cannot be loaded.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "support/daemon_process.h"
#include "support/http_client.h"
#include "support/process.h"
#include "support/temp_dir.h"
#include "support/wait.h"

namespace promsynth::testing {
namespace {

using std::chrono::seconds;
using ::testing::HasSubstr;

constexpr const char* kSeedConfig = R"([
  {"name": "custom_square", "metric_type": "gauge", "custom_function": "square"},
  {"name": "custom_power", "metric_type": "gauge", "custom_function": "power", "labels": {"team": "sre"}}
])";

bool IsPerfectSquare(double value) {
  const double root = std::round(std::sqrt(value));
  return value >= 1 && root * root == value;
}

TEST(PluginDaemonTest, SeedCustomFunctionsConfigRunsOnThePluginDir) {
  TempDir dir;
  DaemonProcess daemon(dir.Write("custom.json", kSeedConfig),
                       {std::string("--plugin.dir=") + PROMSYNTH_PLUGIN_DIR});
  const std::string body = Get(daemon.url() + "/metrics").body;
  const auto square = SampleValue(body, "test_metrics_custom_square");
  ASSERT_TRUE(square.has_value()) << body;
  EXPECT_TRUE(IsPerfectSquare(*square)) << *square;
  EXPECT_TRUE(SampleValue(body, "test_metrics_custom_power{team=\"sre\"}").has_value());
  // The sequence advances with the ticks: a later scrape shows a larger square.
  ASSERT_TRUE(WaitUntil(
      [&] {
        const auto later = SampleValue(Get(daemon.url() + "/metrics").body, "test_metrics_custom_square");
        return later && *later > *square && IsPerfectSquare(*later);
      },
      seconds(10)));
  const HttpResponse health = Get(daemon.url() + "/health");
  EXPECT_EQ(health.status, 200);
  EXPECT_THAT(health.body, HasSubstr("{\"metrics_count\":2,\"status\":\"healthy\",\"total_ticks\":"));
  EXPECT_THAT(health.body, HasSubstr(",\"uptime_seconds\":"));
}

TEST(PluginDaemonTest, ConfigPluginsListLoadsRelativeToTheFile) {
  TempDir dir;
  // A path relative to the config file: the plugin is linked next to it.
  std::filesystem::create_symlink(std::string(PROMSYNTH_PLUGIN_DIR) + "/seed_functions.so",
                                  dir.path() + "/seed.so");
  DaemonProcess daemon(dir.Write("c.yml",
                                 "plugins: [seed.so]\nmetrics:\n"
                                 "  - {name: fib, generator: {kind: seed_fibonacci}}\n"));
  ASSERT_TRUE(WaitUntil(
      [&] { return SampleValue(Get(daemon.url() + "/metrics").body, "fib").value_or(0) >= 1; }, seconds(10)));
}

// FailureBehaviour_FB11 (README.md, "Failure behaviour").
TEST(PluginDaemonTest, UnloadablePluginsAreClearErrors) {
  TempDir dir;
  const CommandResult missing =
      RunCommand({PROMSYNTH_BINARY, "check-config", dir.Write("c.yml", "plugins: [nope.so]\nmetrics: []\n")},
                 seconds(10));
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_THAT(missing.output, HasSubstr("c.yml:1:11: plugins:"));
  EXPECT_THAT(missing.output, HasSubstr("nope.so"));
  const CommandResult no_dir =
      RunCommand({PROMSYNTH_BINARY, "check-config", dir.Write("custom.json", kSeedConfig)}, seconds(10));
  EXPECT_EQ(no_dir.exit_code, 1);
  EXPECT_THAT(no_dir.output, HasSubstr("unknown generator kind \"seed_square\""));
  const CommandResult with_dir =
      RunCommand({PROMSYNTH_BINARY, "check-config", std::string("--plugin.dir=") + PROMSYNTH_PLUGIN_DIR,
                  dir.Write("custom.json", kSeedConfig)},
                 seconds(10));
  EXPECT_EQ(with_dir.exit_code, 0) << with_dir.output;
}

}  // namespace
}  // namespace promsynth::testing
