// `promsynth import custom` and `promsynth import netops`: the YAML they write loads and gives
// the same series as the original JSON.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

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
  {"name": "custom_square", "metric_type": "gauge", "custom_function": "square", "reset_interval": 3},
  {"name": "custom_power", "metric_type": "counter", "custom_function": "power",
   "labels": {"team": "sre", "tier": 1}}
])";

// The sample lines of the generated series (no comments, no promsynth_ self-metrics).
std::string GeneratedSamples(const std::string& body) {
  std::string out;
  size_t start = 0;
  while (start < body.size()) {
    size_t end = body.find('\n', start);
    if (end == std::string::npos) end = body.size();
    const std::string line = body.substr(start, end - start);
    if (!line.empty() && line[0] != '#' && !line.starts_with("promsynth_")) out += line + "\n";
    start = end + 1;
  }
  return out;
}

TEST(ImportTest, CustomJsonBecomesYamlWithTheSameSeries) {
  TempDir dir;
  const std::string json = dir.Write("custom.json", kSeedConfig);
  const std::string yaml = dir.path() + "/custom.yml";
  const CommandResult imported = RunCommand(
      {PROMSYNTH_BINARY, "import", "custom", json, "-o", yaml, "--custom-functions.advance=scrape"},
      seconds(10));
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  const std::string text = ReadFile(yaml);
  EXPECT_THAT(text, HasSubstr("name: test_metrics_custom_square"));
  EXPECT_THAT(text, HasSubstr("advance: scrape"));
  EXPECT_THAT(text, HasSubstr("generator: {kind: seed_square, reset_interval: 3}"));
  EXPECT_THAT(text, HasSubstr("labels: {team: \"sre\", tier: \"1\"}"));
  const std::string plugin_dir = std::string("--plugin.dir=") + PROMSYNTH_PLUGIN_DIR;
  DaemonProcess from_json(json, {plugin_dir, "--custom-functions.advance=scrape"});
  DaemonProcess from_yaml(yaml, {plugin_dir});
  // Per-scrape mode makes both deterministic: scrape k shows step k of every sequence.
  for (int scrape = 0; scrape < 5; ++scrape) {
    const std::string a = GeneratedSamples(Get(from_json.url() + "/metrics").body);
    const std::string b = GeneratedSamples(Get(from_yaml.url() + "/metrics").body);
    EXPECT_EQ(a, b) << "scrape " << scrape;
    EXPECT_THAT(a, HasSubstr("test_metrics_custom_power{team=\"sre\",tier=\"1\"}"));
  }
  // square with reset_interval 3: 1, 4, 1, 4, 9 over the five scrapes; the sixth is 1.
  EXPECT_EQ(SampleValue(Get(from_yaml.url() + "/metrics").body, "test_metrics_custom_square"), 1);
}

TEST(ImportTest, CustomToStandardOutputAndErrors) {
  TempDir dir;
  const CommandResult out =
      RunCommand({PROMSYNTH_BINARY, "import", "custom", dir.Write("c.json", kSeedConfig)}, seconds(10));
  EXPECT_EQ(out.exit_code, 0);
  EXPECT_THAT(out.output, HasSubstr("metrics:\n  - name: test_metrics_custom_square\n"));
  const CommandResult bad = RunCommand({PROMSYNTH_BINARY, "import", "custom",
                                        dir.Write("bad.json", R"([{"name": "x", "custom_function": ""}])")},
                                       seconds(10));
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_THAT(bad.output, HasSubstr("bad.json:1:"));
  EXPECT_THAT(bad.output, HasSubstr("custom_function"));
  EXPECT_EQ(RunCommand({PROMSYNTH_BINARY, "import", "custom"}, seconds(10)).exit_code, 2);
}

TEST(ImportTest, NetopsJsonBecomesYamlWithAScenarioGroup) {
  TempDir dir;
  const std::string yaml = dir.path() + "/netops.yml";
  const std::string fixture = std::string(PROMSYNTH_SOURCE_DIR) + "/tests/fixtures/netops/example.json";
  const CommandResult imported =
      RunCommand({PROMSYNTH_BINARY, "import", "netops", fixture, "-o", yaml}, seconds(10));
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  const std::string text = ReadFile(yaml);
  EXPECT_THAT(text, HasSubstr("scenario_groups:\n  - name: \"device\"\n    error_rate: 0.1\n    seed: 42\n"));
  EXPECT_THAT(text, HasSubstr("cpu_utilization: {effect: pin, value: 100}"));
  EXPECT_THAT(text, HasSubstr("# cpu_utilization: alert when the value is >= 80.0"));
  const CommandResult check = RunCommand({PROMSYNTH_BINARY, "check-config", yaml}, seconds(10));
  EXPECT_EQ(check.exit_code, 0) << check.output << text;
  DaemonProcess daemon(yaml, {});
  const std::string body = Get(daemon.url() + "/metrics").body;
  EXPECT_THAT(body, HasSubstr("promsynth_scenario_active{group=\"device\",scenario=\"0\"}"));
  // Labels come out sorted by name, as for every YAML family.
  EXPECT_TRUE(
      SampleValue(body, "cpu_utilization{target_type=\"gauge\",unit=\"percent\",ver=\"1\"}").has_value())
      << body;
}

}  // namespace
}  // namespace promsynth::testing
