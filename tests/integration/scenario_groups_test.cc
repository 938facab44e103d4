// scenario_groups: in a YAML config: the running daemon pins, drops and gaps series while a
// scheduled scenario runs, and exports promsynth_scenario_active.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/daemon_process.h"
#include "support/http_client.h"
#include "support/temp_dir.h"
#include "support/wait.h"

namespace promsynth::testing {
namespace {

using std::chrono::seconds;

TEST(ScenarioGroupsDaemonTest, ScheduledScenarioPinsAndGapsSeries) {
  TempDir dir;
  // 100 ms ticks; the scenario starts 1 s after load and lasts about 40 ticks; cpu is pinned to 1
  // for its last ~48 % (spikes to 1 before), the queue has no samples while it runs.
  DaemonProcess daemon(dir.Write("c.yml", R"(
global: {tick: 100ms}
metrics:
  - {name: cpu_ratio, generator: {kind: constant, value: 0.25}}
  - {name: queue_depth, generator: {kind: constant, value: 4}}
scenario_groups:
  - name: router
    metrics:
      cpu_ratio: {effect: pin, value: 1}
      queue_depth: {effect: gap}
    scenarios:
      - {name: overload, length: 40, at: 1s, metrics: {cpu_ratio: 0, queue_depth: 0}}
)"));
  const std::string active = "promsynth_scenario_active{group=\"router\",scenario=\"overload\"}";
  std::string body = Get(daemon.url() + "/metrics").body;
  EXPECT_EQ(SampleValue(body, "cpu_ratio"), 0.25);
  EXPECT_EQ(SampleValue(body, "queue_depth"), 4);
  ASSERT_TRUE(WaitUntil(
      [&] {
        body = Get(daemon.url() + "/metrics").body;
        return SampleValue(body, "cpu_ratio") == 1.0 && SampleValue(body, active) == 1.0;
      },
      seconds(20)));
  EXPECT_FALSE(SampleValue(body, "queue_depth").has_value()) << body;
  // It ends: the values come back.
  ASSERT_TRUE(WaitUntil(
      [&] {
        body = Get(daemon.url() + "/metrics").body;
        return SampleValue(body, active) == 0.0 && SampleValue(body, "cpu_ratio") == 0.25 &&
               SampleValue(body, "queue_depth") == 4.0;
      },
      seconds(20)))
      << body;
}

}  // namespace
}  // namespace promsynth::testing
