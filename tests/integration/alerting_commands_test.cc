// `promsynth rules`, `promsynth dashboard` and the shipped examples, checked with the real
// promtool and by parsing what the commands write.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <set>

#include "support/process.h"
#include "support/temp_dir.h"

namespace promsynth::testing {
namespace {

using std::chrono::seconds;
using ::testing::HasSubstr;

const std::string kSource = PROMSYNTH_SOURCE_DIR;
const std::string kPlayground = kSource + "/etc/examples/alerting-playground/playground.yml";

CommandResult Promsynth(std::vector<std::string> args) {
  args.insert(args.begin(), PROMSYNTH_BINARY);
  return RunCommand(args, seconds(60));
}

TEST(RulesCommandTest, RulesOfYamlAndNetopsConfigsPassPromtoolCheck) {
  for (const std::string& config :
       {kPlayground, kSource + "/etc/promsynth.yml", kSource + "/etc/examples/netops/netops.json",
        kSource + "/etc/examples/slo/slo.yml"}) {
    TempDir dir;
    const CommandResult rules = Promsynth({"rules", "--config.file=" + config, "-o", dir.path()});
    ASSERT_EQ(rules.exit_code, 0) << config << ": " << rules.output;
    const CommandResult check =
        RunCommand({"promtool", "check", "rules", dir.path() + "/rules.yml"}, seconds(60));
    EXPECT_EQ(check.exit_code, 0) << config << ": " << check.output << ReadFile(dir.path() + "/rules.yml");
    EXPECT_FALSE(std::filesystem::exists(dir.path() + "/rules_test.yml"));
  }
}

TEST(RulesCommandTest, NetopsAlertsBecomeRulesWithTheirThresholds) {
  TempDir dir;
  ASSERT_EQ(
      Promsynth({"rules", "--config.file", kSource + "/etc/examples/netops/netops.json", "-o", dir.path()})
          .exit_code,
      0);
  const YAML::Node rules = YAML::LoadFile(dir.path() + "/rules.yml")["groups"][0]["rules"];
  std::map<std::string, std::string> expr;
  for (const YAML::Node& rule : rules) expr[rule["alert"].as<std::string>()] = rule["expr"].as<std::string>();
  EXPECT_EQ(expr["NetopsCpuUtilization"], "cpu_utilization >= 80");
  EXPECT_EQ(expr["NetopsThroughput"], "throughput <= 30");
  EXPECT_EQ(expr["NetopsPacketLoss"], "idelta(packet_loss_total[5m]) >= 2");
}

TEST(RulesCommandTest, GeneratedPromtoolTestsPassAndCanFail) {
  TempDir dir;
  const CommandResult rules =
      Promsynth({"rules", "--tests", "--config.file=" + kPlayground, "-o", dir.path()});
  ASSERT_EQ(rules.exit_code, 0) << rules.output;
  const std::string test_file = dir.path() + "/rules_test.yml";
  const CommandResult passing = RunCommand({"promtool", "test", "rules", test_file}, seconds(120));
  ASSERT_EQ(passing.exit_code, 0) << passing.output;
  EXPECT_THAT(passing.output, HasSubstr("SUCCESS"));

  // Every alert of the playground fires somewhere in the 15 minutes (three incidents).
  const YAML::Node file = YAML::LoadFile(test_file);
  std::set<std::string> fired;
  for (const YAML::Node& test : file["tests"][0]["alert_rule_test"]) {
    if (test["exp_alerts"].size() > 0) fired.insert(test["alertname"].as<std::string>());
  }
  EXPECT_EQ(fired, (std::set<std::string>{"PlaygroundLatencyHigh", "PlaygroundErrorBurst",
                                          "PlaygroundDiskAlmostFull"}));

  // A wrong value in an expected annotation, a missing expected alert, an alert expected too early:
  // promtool must fail each time.
  const std::string original = ReadFile(test_file);
  const size_t summary = original.find("summary: \"checkout latency is ");
  ASSERT_NE(summary, std::string::npos);
  std::string wrong_value = original;
  wrong_value.insert(summary + std::string("summary: \"checkout latency is ").size(), "1");
  const auto entry = [](YAML::Node& root, const std::string& alert, const std::string& at) {
    for (YAML::Node test : root["tests"][0]["alert_rule_test"]) {
      if (test["alertname"].as<std::string>() == alert && test["eval_time"].as<std::string>() == at)
        return test;
    }
    ADD_FAILURE() << "no test of " << alert << " at " << at;
    return YAML::Node();
  };
  // The latency alert is pending from 0 s (for: 10s) and fires from 10 s.
  YAML::Node missing = YAML::Load(original);
  ASSERT_EQ(entry(missing, "PlaygroundLatencyHigh", "10s")["exp_alerts"].size(), 1u);
  entry(missing, "PlaygroundLatencyHigh", "10s")["exp_alerts"] = YAML::Load("[]");
  YAML::Node early = YAML::Load(original);
  ASSERT_EQ(entry(early, "PlaygroundLatencyHigh", "9s")["exp_alerts"].size(), 0u);
  entry(early, "PlaygroundLatencyHigh", "9s")["exp_alerts"] =
      YAML::Clone(entry(early, "PlaygroundLatencyHigh", "10s")["exp_alerts"]);
  for (const auto& [what, text] :
       std::vector<std::pair<std::string, std::string>>{{"wrong value", wrong_value},
                                                        {"missing alert", YAML::Dump(missing)},
                                                        {"too early", YAML::Dump(early)}}) {
    const std::string corrupt = dir.Write("corrupt_test.yml", text);
    const CommandResult failing = RunCommand({"promtool", "test", "rules", corrupt}, seconds(120));
    EXPECT_NE(failing.exit_code, 0) << what << ": promtool accepted a corrupted expectation";
  }
}

TEST(RulesCommandTest, UsageAndConfigErrors) {
  EXPECT_EQ(Promsynth({"rules", "-o", "/tmp/x"}).exit_code, 2);
  TempDir dir;
  const std::string bad =
      dir.Write("bad.yml", "metrics:\n  - {name: m, generator: {kind: constant}, alerts: [{name: A}]}\n");
  const CommandResult result = Promsynth({"rules", "--config.file=" + bad, "-o", dir.path()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.output, HasSubstr("metrics[0].alerts[0].threshold: alert has no threshold"));
  const CommandResult no_alerts =
      Promsynth({"rules", "--tests",
                 "--config.file=" + kSource + "/etc/examples/custom-functions/custom-functions.json",
                 "--plugin.dir=" + std::string(PROMSYNTH_PLUGIN_DIR), "-o", dir.path()});
  EXPECT_EQ(no_alerts.exit_code, 1);
  EXPECT_THAT(no_alerts.output, HasSubstr("no alerts to test"));
}

TEST(ExamplesTest, EveryExamplePassesCheckConfig) {
  size_t checked = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(kSource + "/etc/examples")) {
    const std::string path = entry.path().string();
    if (!entry.is_regular_file() || !(path.ends_with(".yml") || path.ends_with(".json"))) continue;
    const CommandResult result =
        Promsynth({"check-config", "--plugin.dir=" + std::string(PROMSYNTH_PLUGIN_DIR), path});
    EXPECT_EQ(result.exit_code, 0) << path << ": " << result.output;
    ++checked;
  }
  EXPECT_GE(checked, 4u);
}

/// The metric names a promsynth YAML config defines (namespace and `_total` applied).
std::set<std::string> DefinedMetrics(const std::string& config_file) {
  const YAML::Node config = YAML::LoadFile(config_file);
  const std::string prefix = config["global"] && config["global"]["namespace"]
                                 ? config["global"]["namespace"].as<std::string>() + "_"
                                 : "";
  std::set<std::string> names;
  for (const YAML::Node& metric : config["metrics"]) {
    std::string name = prefix + metric["name"].as<std::string>();
    if (metric["type"] && metric["type"].as<std::string>() == "counter" && !name.ends_with("_total"))
      name += "_total";
    names.insert(name);
  }
  return names;
}

/// The metric a panel's expression reads: `name`, `rate(name[…])` or `idelta(name[…])`.
std::string ExprMetric(std::string expr) {
  for (const std::string function : {"rate(", "idelta("}) {
    if (expr.starts_with(function)) expr = expr.substr(function.size(), expr.find('[') - function.size());
  }
  return expr.substr(0, expr.find('{'));
}

TEST(DashboardCommandTest, ShippedDashboardIsTheCommandsOutputForTheDefaultConfig) {
  const CommandResult result = Promsynth({"dashboard", "--config.file=" + kSource + "/etc/promsynth.yml"});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_EQ(result.output, ReadFile(kSource + "/etc/promsynth-dashboard.json"))
      << "regenerate: build/promsynth dashboard --config.file=etc/promsynth.yml > "
         "etc/promsynth-dashboard.json";
}

TEST(DashboardCommandTest, DashboardsParseAndReferenceOnlyDefinedMetrics) {
  for (const std::string& config : {kSource + "/etc/promsynth.yml", kPlayground}) {
    const CommandResult result = Promsynth({"dashboard", "--config.file", config});
    ASSERT_EQ(result.exit_code, 0) << result.output;
    rapidjson::Document document;
    ASSERT_FALSE(document.Parse(result.output.c_str()).HasParseError()) << result.output;
    const std::set<std::string> defined = DefinedMetrics(config);
    std::set<std::string> drawn;
    for (const auto& panel : document["panels"].GetArray()) {
      const std::string metric = ExprMetric(panel["targets"][0]["expr"].GetString());
      if (metric == "ALERTS") continue;  // Prometheus' own series of its alerts
      EXPECT_EQ(defined.count(metric), 1u) << config << ": panel reads an undefined metric " << metric;
      drawn.insert(metric);
    }
    EXPECT_EQ(drawn, defined) << "one panel per metric family";
  }
  // The playground's latency panel draws the alert threshold.
  const CommandResult playground = Promsynth({"dashboard", "--config.file=" + kPlayground});
  rapidjson::Document document;
  document.Parse(playground.output.c_str());
  const auto& steps = document["panels"][0]["fieldConfig"]["defaults"]["thresholds"]["steps"];
  ASSERT_EQ(steps.Size(), 2u);
  EXPECT_EQ(steps[1]["value"].GetDouble(), 0.5);
  EXPECT_STREQ(steps[1]["color"].GetString(), "red");
}

TEST(DashboardCommandTest, NetopsDashboardHasTheScenarioPanel) {
  const CommandResult result =
      Promsynth({"dashboard", "--config.file=" + kSource + "/etc/examples/netops/netops.json"});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  rapidjson::Document document;
  ASSERT_FALSE(document.Parse(result.output.c_str()).HasParseError());
  std::vector<std::string> exprs;
  for (const auto& panel : document["panels"].GetArray())
    exprs.push_back(panel["targets"][0]["expr"].GetString());
  EXPECT_THAT(exprs, ::testing::Contains("netops_scenario_active"));
  EXPECT_THAT(exprs, ::testing::Contains("cpu_utilization"));
  EXPECT_THAT(exprs, ::testing::Contains("idelta(packet_loss_total[5m])"));
}

}  // namespace
}  // namespace promsynth::testing
