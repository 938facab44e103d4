// scenario_groups: in a YAML config: the running daemon pins, drops and gaps series while a
// scheduled scenario runs or one is started through /api/v1/scenarios, and exports
// promsynth_scenario_active.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/daemon_process.h"
#include "support/http_client.h"
#include "support/temp_dir.h"
#include "support/wait.h"

namespace promsynth::testing {
namespace {

using std::chrono::seconds;
using ::testing::HasSubstr;

HttpResponse Post(const DaemonProcess& daemon, const std::string& path) {
  return Fetch({.method = "POST", .url = daemon.url() + path});
}

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

TEST(ScenarioGroupsDaemonTest, TheApiListsStartsAndStopsAGroupsScenario) {
  TempDir dir;
  // No scenario ever starts by itself (error_rate 0): only the API starts one. Both groups have
  // an "outage", so the bare name is ambiguous; "web/outage" names one.
  DaemonProcess daemon(dir.Write("c.yml", R"(
global: {tick: 100ms}
metrics:
  - {name: http_errors_ratio, generator: {kind: constant, value: 0.01}}
  - {name: db_up, generator: {kind: constant, value: 1}}
scenario_groups:
  - name: web
    error_rate: 0
    metrics: {http_errors_ratio: {effect: spike, factor: 50}}
    scenarios:
      - {name: outage, length: 1000, metrics: {http_errors_ratio: 0}}
  - name: db
    error_rate: 0
    metrics: {db_up: {effect: drop}}
    scenarios:
      - {name: outage, length: 1000, metrics: {db_up: 0}}
      - {name: failover, length: 1000, metrics: {db_up: 0}}
)"));
  const std::string listing = Get(daemon.url() + "/api/v1/scenarios").body;
  EXPECT_EQ(
      listing,
      R"({"state": "generating", "in_error": false, "scenarios": [)"
      R"({"group": "web", "name": "outage", "index": 0, "length": 1000.0, "active": false, "pending": null}, )"
      R"({"group": "db", "name": "outage", "index": 0, "length": 1000.0, "active": false, "pending": null}, )"
      R"({"group": "db", "name": "failover", "index": 1, "length": 1000.0, "active": false, "pending": null}]})");

  const HttpResponse ambiguous = Post(daemon, "/api/v1/scenarios/outage/start");
  EXPECT_EQ(ambiguous.status, 409);
  EXPECT_THAT(ambiguous.body, HasSubstr("\"outage\" is ambiguous: web/outage, db/outage"));
  const HttpResponse unknown = Post(daemon, "/api/v1/scenarios/web/failover/start");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_THAT(unknown.body, HasSubstr("no scenario named \"web/failover\""));
  // A bare name that only one group has is enough.
  EXPECT_EQ(Post(daemon, "/api/v1/scenarios/failover/stop").status, 200);  // not running: no change

  const HttpResponse started = Post(daemon, "/api/v1/scenarios/web/outage/start");
  EXPECT_EQ(started.status, 202);
  EXPECT_EQ(
      started.body,
      R"({"group": "web", "name": "outage", "index": 0, "length": 1000.0, "active": false, "pending": "start"})");
  const std::string web_active = "promsynth_scenario_active{group=\"web\",scenario=\"outage\"}";
  const std::string db_active = "promsynth_scenario_active{group=\"db\",scenario=\"outage\"}";
  std::string body;
  // A spike effect multiplies every value of the window by its factor: 0.01 × 50.
  ASSERT_TRUE(WaitUntil(
      [&] {
        body = Get(daemon.url() + "/metrics").body;
        return SampleValue(body, web_active) == 1.0 && SampleValue(body, "http_errors_ratio") == 0.5;
      },
      seconds(20)))
      << body;
  EXPECT_EQ(SampleValue(body, db_active), 0.0);
  EXPECT_EQ(SampleValue(body, "db_up"), 1.0);
  EXPECT_THAT(Get(daemon.url() + "/api/v1/scenarios").body, HasSubstr(R"("in_error": true)"));

  const HttpResponse stopped = Post(daemon, "/api/v1/scenarios/web/outage/stop");
  EXPECT_EQ(stopped.status, 202);
  EXPECT_THAT(stopped.body, HasSubstr(R"("active": true, "pending": "stop")"));
  ASSERT_TRUE(WaitUntil(
      [&] {
        body = Get(daemon.url() + "/metrics").body;
        return SampleValue(body, web_active) == 0.0 && SampleValue(body, "http_errors_ratio") == 0.01;
      },
      seconds(20)))
      << body;
}

}  // namespace
}  // namespace promsynth::testing
