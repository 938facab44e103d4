// `promsynth generate` and `promsynth import chaos` as a user runs them, against the live daemon
// and a real promtool + Prometheus.
#include <cairo.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <signal.h>

#include <chrono>
#include <cmath>
#include <map>
#include <regex>
#include <sstream>

#include "support/daemon_process.h"
#include "support/http_client.h"
#include "support/process.h"
#include "support/temp_dir.h"
#include "support/wait.h"

namespace promsynth::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string kBinary = PROMSYNTH_BINARY;
const std::string kChaosExample = std::string(PROMSYNTH_SOURCE_DIR) + "/etc/examples/chaos/config.toml";
constexpr auto kTimeout = std::chrono::seconds(60);

std::vector<std::string> Lines(const std::string& text, const std::string& separator) {
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t end; (end = text.find(separator, start)) != std::string::npos; start = end + separator.size()) {
    lines.push_back(text.substr(start, end - start));
  }
  if (start < text.size()) lines.push_back(text.substr(start));
  return lines;
}

std::vector<std::string> Fields(const std::string& line) { return Lines(line, ","); }

TEST(BatchTest, SeedExampleWritesTheOriginalsCsvAndAPlot) {
  TempDir dir;
  const CommandResult run =
      RunCommand({kBinary, "generate", "-c", kChaosExample, "-o", dir.path() + "/output"}, kTimeout);
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const std::string csv = ReadFile(dir.path() + "/output/metrics.csv");
  // CRLF everywhere, no bare LF.
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 151);
  EXPECT_EQ(Lines(csv, "\r\n").size(), 151u);
  const std::vector<std::string> rows = Lines(csv, "\r\n");
  EXPECT_EQ(rows[0], "instances,cpu_usage,memory_usage_mb,response_time_s");
  for (size_t i = 1; i < rows.size(); ++i) {
    const std::vector<std::string> fields = Fields(rows[i]);
    ASSERT_EQ(fields.size(), 4u) << rows[i];
    // Python str(float): integral values keep ".0".
    EXPECT_THAT(fields[0], ::testing::MatchesRegex("[0-9]+\\.0")) << rows[i];
    const double instances = std::stod(fields[0]);
    if (i - 1 >= 40 && i - 1 < 60) {
      EXPECT_GE(instances, 8.0);
    } else {
      EXPECT_LE(instances, 5.0);
    }
  }

  cairo_surface_t* png = cairo_image_surface_create_from_png((dir.path() + "/output/metrics.png").c_str());
  ASSERT_EQ(cairo_surface_status(png), CAIRO_STATUS_SUCCESS);
  EXPECT_EQ(cairo_image_surface_get_width(png), 1000);
  EXPECT_EQ(cairo_image_surface_get_height(png), 2000);  // 4 metrics × 500 px
  const int stride = cairo_image_surface_get_stride(png);
  const unsigned char* data = cairo_image_surface_get_data(png);
  long non_white = 0;
  for (int y = 0; y < 2000; ++y) {
    for (int x = 0; x < 1000; ++x) {
      const unsigned char* p = data + y * stride + x * 4;
      if (p[0] != 255 || p[1] != 255 || p[2] != 255) ++non_white;
    }
  }
  cairo_surface_destroy(png);
  EXPECT_GT(non_white, 20000);
}

TEST(BatchTest, TheImportedYamlGeneratesTheSameCsv) {
  TempDir dir;
  const CommandResult imported =
      RunCommand({kBinary, "import", "chaos", kChaosExample, "-o", dir.path() + "/chaos.yml"}, kTimeout);
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  const CommandResult from_toml =
      RunCommand({kBinary, "generate", "-c", kChaosExample, "-o", dir.path() + "/a", "--no-plot"}, kTimeout);
  const CommandResult from_yaml = RunCommand({kBinary, "generate", "--config.file", dir.path() + "/chaos.yml",
                                              "--samples", "150", "-o", dir.path() + "/b"},
                                             kTimeout);
  ASSERT_EQ(from_toml.exit_code, 0) << from_toml.output;
  ASSERT_EQ(from_yaml.exit_code, 0) << from_yaml.output;
  const std::string a = ReadFile(dir.path() + "/a/metrics.csv");
  EXPECT_FALSE(a.empty());
  EXPECT_EQ(a, ReadFile(dir.path() + "/b/metrics.csv"));
  // Printed to stdout without -o, and valid for check-config.
  const CommandResult printed = RunCommand({kBinary, "import", "chaos", kChaosExample}, kTimeout);
  EXPECT_EQ(printed.output, ReadFile(dir.path() + "/chaos.yml"));
  const CommandResult checked = RunCommand({kBinary, "check-config", dir.path() + "/chaos.yml"}, kTimeout);
  EXPECT_EQ(checked.exit_code, 0) << checked.output;
}

TEST(BatchTest, SeedZeroPicksASeedPrintsItAndThatSeedRepeatsTheRun) {
  TempDir dir;
  std::string toml = ReadFile(kChaosExample);
  const std::string random =
      dir.Write("random.toml", std::regex_replace(toml, std::regex("seed = 42"), "seed = 0"));
  const CommandResult run =
      RunCommand({kBinary, "generate", "-c", random, "-o", dir.path() + "/r", "--no-plot"}, kTimeout);
  ASSERT_EQ(run.exit_code, 0) << run.output;
  std::smatch match;
  ASSERT_TRUE(std::regex_search(run.output, match, std::regex("using seed ([0-9]+)"))) << run.output;
  const std::string fixed =
      dir.Write("fixed.toml", std::regex_replace(toml, std::regex("seed = 42"), "seed = " + match[1].str()));
  ASSERT_EQ(RunCommand({kBinary, "generate", "-c", fixed, "-o", dir.path() + "/f", "--no-plot"}, kTimeout)
                .exit_code,
            0);
  EXPECT_EQ(ReadFile(dir.path() + "/r/metrics.csv"), ReadFile(dir.path() + "/f/metrics.csv"));
}

// FailureBehaviour_FB29 (README.md, "Failure behaviour").
TEST(BatchTest, WhereTheOriginalFailsTheErrorNamesTheTomlLine) {
  TempDir dir;
  const std::string toml =
      std::regex_replace(ReadFile(kChaosExample), std::regex("recovery_time = 20"), "recovery_time = 200");
  const std::string bad = dir.Write("bad.toml", toml);
  const CommandResult run = RunCommand({kBinary, "generate", "-c", bad, "-o", dir.path() + "/x"}, kTimeout);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.output,
              HasSubstr("bad.toml:39:21: anomalies.instances.recovery_time: at + recovery_time = 240 "
                        "is beyond num_samples = 150"));
}

TEST(BatchTest, NoProgressBarInAPipeButOneOnATerminal) {
  TempDir dir;
  const std::vector<std::string> command = {kBinary, "generate",        "-c",       kChaosExample,
                                            "-o",    dir.path() + "/p", "--no-plot"};
  const CommandResult piped = RunCommand(command, kTimeout);
  ASSERT_EQ(piped.exit_code, 0) << piped.output;
  EXPECT_THAT(piped.output, Not(HasSubstr("\r")));
  EXPECT_THAT(piped.output, Not(HasSubstr("%")));
  // util-linux script(1) runs the command on a pseudo-terminal.
  std::string line;
  for (const std::string& word : command) line += "'" + word + "' ";
  const CommandResult terminal = RunCommand({"script", "-qec", line, "/dev/null"}, kTimeout);
  ASSERT_EQ(terminal.exit_code, 0) << terminal.output;
  EXPECT_THAT(terminal.output, HasSubstr("100%  150/150 samples"));
  EXPECT_THAT(terminal.output, HasSubstr("\r"));
}

/// The raw value text of the sample line `series value` in an exposition.
std::optional<std::string> SampleText(const std::string& text, const std::string& series) {
  for (const std::string& line : Lines(text, "\n")) {
    if (line.starts_with(series + " ")) return line.substr(series.size() + 1);
  }
  return std::nullopt;
}

std::string PrometheusText(double value) {
  char text[64];
  std::snprintf(text, sizeof text, "%.16g", value);  // the text format's digits (expo/sample_value.h)
  return text;
}

TEST(BatchTest, LiveAndBatchValuesAgreeTickForTick) {
  TempDir dir;
  // clock_seconds is the tick's own time: it tells which tick a scrape shows.
  const std::string config = dir.Write("live.yml", R"(global: {seed: 5, tick: 1s}
metrics:
  - name: clock_seconds
    help: The tick's time.
    generator: {kind: ramp, start: 0}
  - name: noisy
    help: A sine with smoothed noise.
    labels: {zone: [a, b]}
    generator:
      kind: sine
      amplitude: 5
      period: 30s
      offset: 10
      stages:
        - noise: {distribution: laplace, scale: 0.5, smoothing_window: 5}
  - name: bursts
    help: A repeating anomaly.
    generator:
      kind: gaussian
      loc: 100
      scale: 3
      stages:
        - anomaly: {pattern: oscillating, factor: 2, recovery_time: 7, every: 10}
        - step_size: 0.5
)");
  DaemonProcess daemon(config);
  const std::vector<std::string> series = {"noisy{zone=\"a\"}", "noisy{zone=\"b\"}", "bursts"};
  std::map<int64_t, std::vector<std::string>> live;  // tick time (s) → values as exported
  ASSERT_TRUE(WaitUntil(
      [&] {
        const HttpResponse response = Get(daemon.url() + "/metrics");
        const auto clock = SampleText(response.body, "clock_seconds");
        if (!clock) return false;
        std::vector<std::string> values;
        for (const std::string& name : series)
          values.push_back(SampleText(response.body, name).value_or("?"));
        live[static_cast<int64_t>(std::stod(*clock))] = values;
        return live.size() >= 4;
      },
      std::chrono::seconds(30), std::chrono::milliseconds(150)));
  const int64_t first = live.begin()->first;
  const int64_t last = live.rbegin()->first;
  const CommandResult batch =
      RunCommand({kBinary, "generate", "--config.file", config, "--start", std::to_string(first), "--end",
                  std::to_string(last), "--step", "1s", "--format", "csv", "-o", "-"},
                 kTimeout);
  ASSERT_EQ(batch.exit_code, 0) << batch.output;
  const std::vector<std::string> rows = Lines(batch.output, "\r\n");
  ASSERT_EQ(rows[0], "clock_seconds,\"noisy{zone=\"\"a\"\"}\",\"noisy{zone=\"\"b\"\"}\",bursts");
  ASSERT_EQ(rows.size(), static_cast<size_t>(last - first + 2));
  for (const auto& [tick, values] : live) {
    const std::vector<std::string> fields = Fields(rows[static_cast<size_t>(tick - first + 1)]);
    ASSERT_EQ(fields.size(), 4u);
    EXPECT_EQ(std::stod(fields[0]), static_cast<double>(tick));
    for (size_t i = 0; i < series.size(); ++i) {
      EXPECT_EQ(PrometheusText(std::stod(fields[i + 1])), values[i]) << series[i] << " at " << tick;
    }
  }
}

TEST(BatchTest, OpenMetricsBackfillIsQueryableInARealPrometheus) {
  TempDir dir;
  const std::string config = dir.Write("backfill.yml", R"(global: {seed: 8, tick: 15s}
metrics:
  - name: backfill_temperature_celsius
    help: Room temperature, backfilled.
    labels: {room: [kitchen, hall]}
    generator:
      kind: sine
      amplitude: 4
      period: 1h
      offset: 20
      stages:
        - noise: {distribution: gaussian, scale: 0.3}
        - round: 3
  - name: backfill_requests_total
    type: counter
    help: Requests, backfilled.
    generator: {kind: uniform, low: 1, high: 3}
)");
  const int64_t now =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
          .count();
  const int64_t start = (now - 3 * 3600) / 15 * 15;
  const CommandResult generated =
      RunCommand({kBinary, "generate", "--config.file", config, "--start", std::to_string(start), "--end",
                  std::to_string(start + 2 * 3600), "--step", "15s", "--format", "openmetrics", "-o",
                  dir.path() + "/out", "--no-plot"},
                 kTimeout);
  ASSERT_EQ(generated.exit_code, 0) << generated.output;
  const std::string om = ReadFile(dir.path() + "/out/metrics.om.txt");
  EXPECT_THAT(om, HasSubstr("# TYPE backfill_requests counter\n"));
  EXPECT_THAT(om, ::testing::EndsWith("# EOF\n"));
  // A known sample an hour in: its value as generated.
  const int64_t probe = start + 3600;
  std::smatch match;
  ASSERT_TRUE(std::regex_search(om, match,
                                std::regex("\nbackfill_temperature_celsius\\{room=\"hall\"\\} ([^ ]+) " +
                                           std::to_string(probe) + "\n")));
  const double expected = std::stod(match[1].str());

  const CommandResult blocks = RunCommand({"promtool", "tsdb", "create-blocks-from", "openmetrics",
                                           dir.path() + "/out/metrics.om.txt", dir.path() + "/tsdb"},
                                          std::chrono::seconds(120));
  ASSERT_EQ(blocks.exit_code, 0) << blocks.output;

  const std::string prometheus_config = dir.Write("prometheus.yml", "global: {scrape_interval: 1m}\n");
  const int port = FreePort();
  ChildProcess prometheus(
      {"prometheus", "--config.file=" + prometheus_config, "--storage.tsdb.path=" + dir.path() + "/tsdb",
       "--storage.tsdb.retention.time=10y", "--web.listen-address=127.0.0.1:" + std::to_string(port)},
      dir.path() + "/prometheus.log");
  const std::string api = "http://127.0.0.1:" + std::to_string(port);
  ASSERT_TRUE(WaitUntil([&] { return Get(api + "/-/ready").status == 200; }, std::chrono::seconds(60),
                        std::chrono::milliseconds(200)))
      << prometheus.Output();
  const HttpResponse response =
      Get(api + "/api/v1/query?query=backfill_temperature_celsius%7Broom%3D%22hall%22%7D&time=" +
          std::to_string(probe));
  ASSERT_EQ(response.status, 200) << response.body;
  rapidjson::Document document;
  ASSERT_FALSE(document.Parse(response.body.c_str()).HasParseError());
  const auto& result = document["data"]["result"];
  ASSERT_EQ(result.Size(), 1u) << response.body;
  EXPECT_EQ(result[0]["value"][0].GetDouble(), static_cast<double>(probe));
  EXPECT_EQ(std::stod(result[0]["value"][1].GetString()), expected);
  // The counter came through as a counter: its increase over the two hours is positive.
  const HttpResponse counter =
      Get(api + "/api/v1/query?query=backfill_requests_total&time=" + std::to_string(start + 2 * 3600));
  EXPECT_THAT(counter.body, HasSubstr("backfill_requests_total"));
  prometheus.Signal(SIGTERM);
  EXPECT_TRUE(prometheus.WaitExit(std::chrono::seconds(20)).has_value());
}

}  // namespace
}  // namespace promsynth::testing
