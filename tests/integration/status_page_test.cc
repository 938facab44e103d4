// The status page at `/` as a person sees it: rendered by a real headless Chromium, with the
// page's own script having fetched /api/v1/status and drawn the sparklines and lists.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>

#include "support/daemon_process.h"
#include "support/http_client.h"
#include "support/process.h"
#include "support/temp_dir.h"
#include "support/wait.h"

namespace promsynth::testing {
namespace {

using std::chrono::seconds;
using ::testing::HasSubstr;

/// The page's DOM after its script ran for a few seconds of (virtual) time.
std::string RenderedDom(const std::string& url) {
  TempDir profile;  // a throwaway profile: nothing is read from or left in $HOME
  const CommandResult chromium =
      RunCommand({"chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--user-data-dir=" + profile.path(), "--virtual-time-budget=4000", "--dump-dom", url},
                 seconds(90));
  EXPECT_EQ(chromium.exit_code, 0) << chromium.output;
  return chromium.output;
}

/// The `d` attribute of the sparkline drawn in the table row of `family`, or "".
std::string SparklinePath(const std::string& dom, const std::string& family) {
  const std::regex row("<tr data-family=\"" + family + "\">.*?<path d=\"([^\"]*)\"");
  std::smatch match;
  return std::regex_search(dom, match, row) ? match[1].str() : "";
}

/// The text of the `last` cell in the row of `family`.
std::string LastValue(const std::string& dom, const std::string& family) {
  const std::regex row("<tr data-family=\"" + family + "\">.*?<td class=\"last\">([^<]*)</td>");
  std::smatch match;
  return std::regex_search(dom, match, row) ? match[1].str() : "";
}

size_t Points(const std::string& path) {
  return path.empty() ? 0 : 1 + std::count(path.begin(), path.end(), 'L');
}

constexpr const char* kConfig = R"(global: {tick: 1s, seed: 3}
metrics:
  - {name: page_steps, help: Steps., labels: {shard: [a, b]}, generator: {kind: series, values: "0+1x50", mode: loop}}
  - {name: page_constant, help: Constant., generator: {kind: constant, value: 42}}
  - {name: page_requests_total, type: counter, help: Requests., generator: {kind: uniform, low: 1, high: 2}}
slos:
  - {name: constant_below_50, series: page_constant, window: 1m, interval: 1s, warmup: 0s,
     query_aggregation: mean, repetition_aggregation: max, operator: lt, threshold: 50}
)";

TEST(StatusPageTest, ChromiumDrawsASparklinePerFamilyAndTheSloStates) {
  TempDir dir;
  DaemonProcess daemon(dir.Write("page.yml", kConfig));
  // Wait for a few ticks of history and the SLO's first evaluation.
  ASSERT_TRUE(WaitUntil(
      [&] {
        return Get(daemon.url() + "/api/v1/status").body.find("\"ticks\":3") != std::string::npos ||
               Get(daemon.url() + "/api/v1/slos").body.find("\"evaluated\":true") != std::string::npos;
      },
      seconds(15)));
  const std::string dom = RenderedDom(daemon.url() + "/");
  for (const char* family : {"page_steps", "page_constant", "page_requests_total"}) {
    EXPECT_GE(Points(SparklinePath(dom, family)), 2u) << family << " has no drawn sparkline";
  }
  EXPECT_EQ(LastValue(dom, "page_constant"), "42");
  EXPECT_THAT(dom, HasSubstr("<div class=\"sample\">page_steps{shard=\"a\"}</div>"));
  EXPECT_THAT(dom, HasSubstr("<li class=\"ok\">constant_below_50: ok (42 lt 50)</li>"));
  EXPECT_THAT(dom, HasSubstr("<li class=\"none\">no scenarios configured</li>"));
  EXPECT_THAT(dom, ::testing::ContainsRegex("<span id=\"updated\">tick [0-9]+, 20[0-9-]+T"));
}

TEST(StatusPageTest, ChromiumShowsAScenarioStartedThroughTheApiAndTheAlerts) {
  DaemonProcess daemon(std::string(PROMSYNTH_SOURCE_DIR) + "/tests/fixtures/netops/example.json");
  ASSERT_EQ(Fetch({.method = "POST", .url = daemon.url() + "/api/v1/scenarios/1/start"}).status, 202);
  ASSERT_TRUE(WaitUntil(
      [&] { return Get(daemon.url() + "/api/v1/status").body.find("\"active\": true") != std::string::npos; },
      seconds(15)));
  const std::string dom = RenderedDom(daemon.url() + "/");
  EXPECT_THAT(dom, HasSubstr("<li class=\"active\">1: active</li>"));
  EXPECT_THAT(dom, HasSubstr("<li class=\"idle\">0: idle</li>"));
  EXPECT_THAT(dom,
              ::testing::ContainsRegex("<li class=\"(firing|inactive)\">cpu_utilization: (firing|inactive) "
                                       "\\(value [0-9.]+\\)"));
}

TEST(StatusPageTest, EveryLinkOnThePageAnswers) {
  DaemonProcess daemon(std::string(PROMSYNTH_SOURCE_DIR) + "/etc/promsynth.yml");
  const std::string page = Get(daemon.url() + "/").body;
  const std::regex link("<a href=\"([^\"]+)\">");
  size_t links = 0;
  for (auto it = std::sregex_iterator(page.begin(), page.end(), link); it != std::sregex_iterator(); ++it) {
    const std::string path = (*it)[1].str();
    ++links;
    const HttpResponse response = Get(daemon.url() + path);
    // /api/v1/scenarios answers 409 without a netops config; what matters is that the route exists.
    EXPECT_NE(response.status, 404) << path;
    EXPECT_NE(response.status, 405) << path;
  }
  EXPECT_GE(links, 6u);
}

}  // namespace
}  // namespace promsynth::testing
