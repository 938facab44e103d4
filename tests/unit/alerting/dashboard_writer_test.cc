#include "alerting/dashboard_writer.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "config/yaml_config_loader.h"

namespace promsynth {
namespace {

TEST(DashboardWriterTest, OnePanelPerFamilyWithThresholds) {
  const Config config = ParseYamlConfig(R"(
metrics:
  - name: latency_seconds
    unit: seconds
    generator: {kind: constant}
    alerts:
      - {name: Slow, threshold: 0.5, severity: warning}
      - {name: VerySlow, threshold: 2, severity: critical}
  - {name: requests, type: counter, generator: {kind: constant}}
  - name: free_ratio
    generator: {kind: constant}
    alerts: [{name: Full, threshold: 0.1, direction: below, severity: critical}]
)",
                                        "/x/demo.yml");
  const std::string json = RenderDashboard(DashboardOf(config));
  EXPECT_EQ(json, RenderDashboard(DashboardOf(config))) << "deterministic";
  rapidjson::Document document;
  ASSERT_FALSE(document.Parse(json.c_str()).HasParseError());
  EXPECT_STREQ(document["title"].GetString(), "promsynth: demo");
  const auto& panels = document["panels"];
  ASSERT_EQ(panels.Size(), 4u);  // three families and the firing alerts
  EXPECT_STREQ(panels[0]["targets"][0]["expr"].GetString(), "latency_seconds");
  EXPECT_STREQ(panels[0]["fieldConfig"]["defaults"]["unit"].GetString(), "s");
  const auto& steps = panels[0]["fieldConfig"]["defaults"]["thresholds"]["steps"];
  ASSERT_EQ(steps.Size(), 3u);
  EXPECT_STREQ(steps[0]["color"].GetString(), "green");
  EXPECT_TRUE(steps[0]["value"].IsNull());
  EXPECT_STREQ(steps[1]["color"].GetString(), "orange");
  EXPECT_EQ(steps[1]["value"].GetDouble(), 0.5);
  EXPECT_STREQ(steps[2]["color"].GetString(), "red");
  EXPECT_EQ(steps[2]["value"].GetDouble(), 2);
  EXPECT_STREQ(panels[1]["targets"][0]["expr"].GetString(), "rate(requests_total[1m])");
  const auto& below = panels[2]["fieldConfig"]["defaults"]["thresholds"]["steps"];
  ASSERT_EQ(below.Size(), 2u);
  EXPECT_STREQ(below[0]["color"].GetString(), "red");
  EXPECT_STREQ(below[1]["color"].GetString(), "green");
  EXPECT_EQ(below[1]["value"].GetDouble(), 0.1);
  EXPECT_STREQ(panels[3]["targets"][0]["expr"].GetString(), "ALERTS{alertstate=\"firing\"}");
}

}  // namespace
}  // namespace promsynth
