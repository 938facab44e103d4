#include "netops/netops_service.h"

#include <gtest/gtest.h>

#include <string>

#include "netops_test_support.h"

namespace promsynth::netops {
namespace {

using testing::ExampleWith;
using testing::ReadFixture;

constexpr double kNow = 1700000000.0;

TEST(NetopsServiceTest, IdleUntilStartThenGeneratingUntilStop) {
  NetopsService service(1);
  EXPECT_FALSE(service.generating());
  HttpResult idle = service.Generate("", kNow);
  EXPECT_EQ(idle.status, 200);
  EXPECT_EQ(idle.body, "");
  EXPECT_EQ(service.ListScenarios().status, 200);
  EXPECT_EQ(service.ListScenarios().body, R"({"state": "idle", "in_error": false, "scenarios": []})");

  const HttpResult started = service.Start(ReadFixture("example.json"));
  EXPECT_EQ(started.status, 200);
  EXPECT_EQ(started.body, "");
  EXPECT_TRUE(service.generating());
  EXPECT_TRUE(service.warnings().empty());
  const HttpResult batch = service.Generate(R"({"samples_per_batch": 3})", kNow);
  EXPECT_EQ(batch.status, 200);
  EXPECT_EQ(batch.content_type, "application/json");
  EXPECT_NE(batch.body.find("\"cpu_utilization\": {"), std::string::npos);

  EXPECT_EQ(service.Stop().status, 200);
  EXPECT_FALSE(service.generating());
  EXPECT_EQ(service.Generate("", kNow).body, "");
  EXPECT_EQ(service.batch_simulator()->last().tick, 2);  // kept, as the original keeps its Manager
  EXPECT_EQ(service.simulator()->last().tick, -1);       // /generate never moves the live series
}

TEST(NetopsServiceTest, BadStartBodiesAre400AndKeepTheRunningGenerator) {
  NetopsService service(1);
  ASSERT_EQ(service.Start(ReadFixture("example.json")).status, 200);
  const NetopsSimulator* running = service.simulator();
  for (const std::string& body :
       {std::string(), std::string("{"), std::string("[]"), ExampleWith("\"error_rate\": 0.1,", ""),
        ExampleWith("\"threshold\": 80,", ""), ExampleWith("\"sigma\": 4", "\"sigma\": -4")}) {
    const HttpResult result = service.Start(body);
    EXPECT_EQ(result.status, 400) << body;
    EXPECT_EQ(result.body.rfind("netops /start: invalid configuration\n<request body>", 0), 0u)
        << result.body;
    EXPECT_EQ(service.simulator(), running);
    EXPECT_TRUE(service.generating());
  }
  EXPECT_EQ(service.Generate(R"({"samples_per_batch": 2})", kNow).status, 200);
}

TEST(NetopsServiceTest, StartReplacesTheGeneratorWithAFreshTimeline) {
  NetopsService service(1);
  ASSERT_EQ(service.Start(ReadFixture("example.json")).status, 200);
  service.Generate(R"({"samples_per_batch": 5})", kNow);
  ASSERT_EQ(service.Start(ExampleWith("\"throughput\": 30,", "\"throughput\": 30, \"disk\": 1,")).status,
            200);
  EXPECT_EQ(service.batch_simulator()->last().tick, -1);
  EXPECT_EQ(service.warnings().size(), 1u);
}

TEST(NetopsServiceTest, ScenarioControl) {
  NetopsService service(1);
  ASSERT_EQ(service.Start(ExampleWith("\"error_rate\": 0.1", "\"error_rate\": 0")).status, 200);
  EXPECT_EQ(service.ListScenarios().body,
            R"({"state": "generating", "in_error": false, "scenarios": [)"
            R"({"name": "0", "index": 0, "length": 80.0, "active": false, "pending": null}, )"
            R"({"name": "1", "index": 1, "length": 80.0, "active": false, "pending": null}, )"
            R"({"name": "2", "index": 2, "length": 50.0, "active": false, "pending": null}]})");
  EXPECT_EQ(service.StartScenario("7").status, 404);
  const HttpResult start = service.StartScenario("1");
  EXPECT_EQ(start.status, 202);
  EXPECT_EQ(start.body, R"({"name": "1", "index": 1, "length": 80.0, "active": false, "pending": "start"})");
  service.simulator()->Tick();
  EXPECT_TRUE(service.simulator()->IsScenarioActive(1));
  EXPECT_EQ(service.StopScenario("0").status, 200);  // not active: nothing changes
  EXPECT_TRUE(service.simulator()->IsScenarioActive(1));
  const HttpResult stop = service.StopScenario("1");
  EXPECT_EQ(stop.status, 202);
  EXPECT_EQ(stop.body, R"({"name": "1", "index": 1, "length": 80.0, "active": true, "pending": "stop"})");
  EXPECT_EQ(service.simulator()->Tick().event, ScenarioEvent::kEnded);
  EXPECT_FALSE(service.simulator()->IsScenarioActive(1));
}

TEST(NetopsServiceTest, StoppingAPendingStartOnlyCancelsIt) {
  NetopsService service(1);
  ASSERT_EQ(service.Start(ExampleWith("\"error_rate\": 0.1", "\"error_rate\": 0")).status, 200);
  service.StartScenario("0");
  service.simulator()->Tick();
  ASSERT_TRUE(service.simulator()->IsScenarioActive(0));
  service.StartScenario("2");
  EXPECT_EQ(service.StopScenario("2").status, 202);
  service.simulator()->Tick();
  EXPECT_TRUE(service.simulator()->IsScenarioActive(0));  // the running scenario is untouched
}

TEST(NetopsServiceTest, LoadStartsGeneratingFromAParsedConfig) {
  NetopsService service(1, IsErrorMode::kWholeWindow);
  service.Load(testing::ExampleConfig());
  EXPECT_TRUE(service.generating());
  EXPECT_EQ(service.simulator()->is_error_mode(), IsErrorMode::kWholeWindow);
}

}  // namespace
}  // namespace promsynth::netops
