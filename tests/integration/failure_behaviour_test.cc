// README.md's "Failure behaviour" table, matched one-to-one by tests: every row ID (FBnn) is named by
// a `FailureBehaviour_FBnn` tag in the comment right above a TEST in tests/, and every tag names a
// row. The rows no other test covered have their tests here, against the real daemon.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/daemon_process.h"
#include "support/http_client.h"
#include "support/process.h"
#include "support/raw_connection.h"
#include "support/temp_dir.h"
#include "support/wait.h"

namespace promsynth::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using ::testing::HasSubstr;

std::string ReadText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The row IDs of the README's "## Failure behaviour" table, in order.
std::vector<std::string> ReadmeRows(const std::string& readme) {
  std::vector<std::string> rows;
  std::istringstream lines(readme);
  std::string line;
  bool inside = false;
  const std::regex row(R"(^\| (FB[0-9]{2}) \|)");
  while (std::getline(lines, line)) {
    if (line.starts_with("## ")) inside = line == "## Failure behaviour";
    std::smatch match;
    if (inside && std::regex_search(line, match, row)) rows.push_back(match[1]);
  }
  return rows;
}

struct Tag {
  std::string where;  ///< file:line
  bool above_a_test = false;
};

/// Every `FailureBehaviour_FBnn` tag in the C++ tests under `root`, with whether it sits in the
/// comment block right above a TEST, TEST_F or TEST_P.
std::multimap<std::string, Tag> TestTags(const std::filesystem::path& root) {
  std::multimap<std::string, Tag> tags;
  const std::regex tag("FailureBehaviour_(FB[0-9]{2})");
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".cc") continue;
    std::vector<std::string> lines;
    std::istringstream text(ReadText(entry.path()));
    for (std::string line; std::getline(text, line);) lines.push_back(line);
    for (size_t i = 0; i < lines.size(); ++i) {
      const std::string trimmed = lines[i].substr(std::min(lines[i].find_first_not_of(' '), lines[i].size()));
      if (!trimmed.starts_with("//")) continue;  // the checker's own patterns are not tags
      for (auto it = std::sregex_iterator(lines[i].begin(), lines[i].end(), tag);
           it != std::sregex_iterator(); ++it) {
        size_t next = i + 1;
        while (next < lines.size() && lines[next].starts_with("//")) ++next;
        const bool above =
            next < lines.size() && std::regex_search(lines[next], std::regex("^TEST(_F|_P)?\\("));
        tags.emplace((*it)[1], Tag{entry.path().filename().string() + ":" + std::to_string(i + 1), above});
      }
    }
  }
  return tags;
}

TEST(FailureBehaviourTableTest, EveryRowHasATestAndEveryTestARow) {
  const std::filesystem::path source(PROMSYNTH_SOURCE_DIR);
  const std::vector<std::string> rows = ReadmeRows(ReadText(source / "README.md"));
  ASSERT_GE(rows.size(), 20u) << "README.md has no \"## Failure behaviour\" table with FBnn rows";
  const std::set<std::string> row_set(rows.begin(), rows.end());
  EXPECT_EQ(row_set.size(), rows.size()) << "a row ID appears twice in the table";
  for (size_t i = 0; i < rows.size(); ++i) {
    const std::string number = std::to_string(i + 1);
    EXPECT_EQ(rows[i], (number.size() < 2 ? "FB0" : "FB") + number)
        << "row IDs are numbered FB01, FB02, … in order";
  }
  const std::multimap<std::string, Tag> tags = TestTags(source / "tests");
  for (const std::string& row : rows) {
    EXPECT_TRUE(tags.contains(row)) << row << " has no test: tag one with // FailureBehaviour_" << row;
  }
  for (const auto& [id, tag] : tags) {
    EXPECT_TRUE(row_set.contains(id)) << tag.where << " names " << id << ", which is not a README row";
    EXPECT_TRUE(tag.above_a_test) << tag.where << ": the tag of " << id
                                  << " must be in the comment right above a TEST";
  }
}

constexpr const char* kTenSeries = R"(
global: {tick: 100ms}
metrics:
  - {name: wide, labels: {i: "0..9"}, generator: {kind: constant, value: 3}}
)";

constexpr const char* kOneSeries = R"(
global: {tick: 100ms}
metrics:
  - {name: narrow, generator: {kind: constant, value: 1}}
)";

/// Checks that `bad` (config text) is refused with `message` at start (exit 1) and at reload
/// (`POST /-/reload`: 500), the reload keeping the running configuration (kOneSeries). A limit
/// (`max_series`, `memory`) that refuses it is counted in promsynth_config_limit_hits_total.
void ExpectRefusedAtStartAndReload(const std::string& bad, const std::vector<std::string>& flags,
                                   const std::string& message, const std::string& limit = "") {
  TempDir dir;
  const std::string config = dir.Write("c.yml", bad);
  std::vector<std::string> command = {PROMSYNTH_BINARY, "--config.file=" + config,
                                      "--web.listen-address=127.0.0.1:0"};
  command.insert(command.end(), flags.begin(), flags.end());
  const CommandResult start = RunCommand(command, seconds(20));
  EXPECT_EQ(start.exit_code, 1) << start.output;
  EXPECT_THAT(start.output, HasSubstr(message));

  dir.Write("c.yml", kOneSeries);
  DaemonProcess daemon(config, flags);
  dir.Write("c.yml", bad);
  const HttpResponse reload = Fetch({.method = "POST", .url = daemon.url() + "/-/reload"});
  EXPECT_EQ(reload.status, 500);
  EXPECT_THAT(reload.body, HasSubstr(message));
  const std::string metrics = Get(daemon.url() + "/metrics").body;
  EXPECT_EQ(SampleValue(metrics, "narrow"), 1);  // the running configuration
  EXPECT_EQ(SampleValue(metrics, "promsynth_config_last_reload_successful"), 0);
  for (const char* each : {"max_series", "memory"}) {
    EXPECT_EQ(SampleValue(metrics, std::string("promsynth_config_limit_hits_total{limit=\"") + each + "\"}"),
              each == limit ? 1 : 0)
        << each;
  }
}

// FailureBehaviour_FB04: more series than --limits.max-series is refused with the count.
TEST(FailureBehaviourTest, MoreSeriesThanTheLimitAreRefusedWithTheCount) {
  ExpectRefusedAtStartAndReload(kTenSeries, {"--limits.max-series=9"},
                                "the config expands to 10 series, more than the limit", "max_series");
  ExpectRefusedAtStartAndReload(kTenSeries, {"--limits.max-series=9"}, "at most 9 series", "max_series");
}

// FailureBehaviour_FB05: a config whose memory estimate is over --memory.limit is refused (16 MiB
// base + 100000 x 48 B > 17 MiB; one series fits).
TEST(FailureBehaviourTest, AConfigOverTheMemoryLimitIsRefused) {
  ExpectRefusedAtStartAndReload(R"(
metrics:
  - {name: big, labels: {i: "0..99999"}, generator: {kind: constant}}
)",
                                {"--memory.limit=17MiB"}, "(100000 series x 48 B", "memory");
}

// FailureBehaviour_FB06: an SLO over a metric the config does not define is a config error.
TEST(FailureBehaviourTest, AnSloOverAnUnknownMetricIsAConfigError) {
  ExpectRefusedAtStartAndReload(std::string(kOneSeries) + R"(slos:
  - {name: lost, series: nowhere, interval: 1s, query_aggregation: max, operator: lt, threshold: 1}
)",
                                {}, "slos[0].series: no configured metric has this name");
}

// FailureBehaviour_FB11: a plugin built for another ABI major is refused with the reason.
TEST(FailureBehaviourTest, APluginForAnotherAbiIsRefused) {
  ExpectRefusedAtStartAndReload(
      std::string("plugins: [\"") + PROMSYNTH_TEST_FIXTURE_DIR + "/abi_mismatch.so\"]\n" + kOneSeries, {},
      "was built for sequence plugin ABI 2.0, this promsynth needs ABI major 1");
}

// FailureBehaviour_FB21: a body that stops arriving is answered 408 after the request timeout,
// counted as request_timeout and logged; scrapes go on meanwhile.
TEST(FailureBehaviourTest, ABodyThatStopsArrivingIs408AndCounted) {
  TempDir dir;
  DaemonProcess daemon(dir.Write("c.yml", kOneSeries), {"--web.request-timeout=1s"});
  // The headers of a POST with a 100-byte body, then only part of the body.
  RawConnection client(daemon.port());
  ASSERT_TRUE(
      client.Send("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                  "100\r\n\r\n{\"res"));
  const auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(Fetch({.url = daemon.url() + "/metrics", .timeout_ms = 5000}).status, 200);
  EXPECT_LT(std::chrono::steady_clock::now() - started, milliseconds(500));
  const std::string answer = client.ReadUntil("", seconds(10));
  EXPECT_THAT(answer, ::testing::StartsWith("HTTP/1.1 408")) << answer;
  EXPECT_THAT(answer, HasSubstr("the request body did not arrive completely"));
  EXPECT_EQ(SampleValue(Get(daemon.url() + "/metrics").body,
                        "promsynth_http_limit_hits_total{limit=\"request_timeout\"}"),
            1);
  EXPECT_TRUE(daemon.process().WaitForOutput("limit=request_timeout", seconds(5)));
}

// FailureBehaviour_FB26: an unreachable remote write receiver is retried with backoff, then its
// samples count as failed and the failure is logged; generation and scrapes go on.
TEST(FailureBehaviourTest, AnUnreachableRemoteWriteReceiverIsRetriedCountedAndServingGoesOn) {
  TempDir dir;
  DaemonProcess daemon(
      dir.Write("c.yml", std::string(kOneSeries) +
                             "remote_write:\n  - url: http://127.0.0.1:" + std::to_string(FreePort()) +
                             "/api/v1/write\n"
                             "    queue: {max_retries: 2, min_backoff: 10ms, max_backoff: 20ms}\n"));
  std::string metrics;
  ASSERT_TRUE(WaitUntil(
      [&] {
        metrics = Get(daemon.url() + "/metrics").body;
        return SampleValue(metrics, "promsynth_remote_write_samples_failed_total").value_or(0) >= 1;
      },
      seconds(20), milliseconds(100)))
      << metrics;
  EXPECT_EQ(SampleValue(metrics, "promsynth_remote_write_samples_sent_total"), 0);
  EXPECT_EQ(SampleValue(metrics, "narrow"), 1);
  EXPECT_TRUE(daemon.process().WaitForOutput("remote write failed", seconds(5)));
  EXPECT_TRUE(daemon.process().WaitForOutput("attempts=3", seconds(5)));
  EXPECT_EQ(Get(daemon.url() + "/-/ready").status, 200);
}

}  // namespace
}  // namespace promsynth::testing
