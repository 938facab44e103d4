// Fault injection through the control API, against the real daemon: failed, slow, truncated
// scrapes, pause and resume, and what GET /api/v1/state reports.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/daemon_process.h"
#include "support/http_client.h"
#include "support/process.h"
#include "support/temp_dir.h"
#include "support/wait.h"

namespace promsynth::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using ::testing::HasSubstr;

constexpr const char* kConfig = R"(global: {tick: 200ms, seed: 1}
metrics:
  - {name: fault_requests_total, type: counter, generator: {kind: constant, value: 1}}
)";

HttpResponse Post(const DaemonProcess& daemon, const std::string& path, const std::string& body = "") {
  return Fetch({.method = "POST", .url = daemon.url() + path, .body = body});
}

double Requests(const DaemonProcess& daemon) {
  return SampleValue(Get(daemon.url() + "/metrics").body, "fault_requests_total").value_or(-1);
}

class FaultsTest : public ::testing::Test {
 protected:
  TempDir dir_;
  DaemonProcess daemon_{dir_.Write("faults.yml", kConfig)};
};

TEST_F(FaultsTest, ErrorRateOneFailsEveryScrapeUntilCleared) {
  const HttpResponse set = Post(daemon_, "/api/v1/faults", R"({"error_rate": 1})");
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_THAT(set.body, HasSubstr("\"error_rate\":1.0"));
  for (int i = 0; i < 3; ++i) {
    const HttpResponse scrape = Get(daemon_.url() + "/metrics");
    EXPECT_EQ(scrape.status, 500);
    EXPECT_THAT(scrape.body, HasSubstr("injected fault: error_rate"));
  }
  EXPECT_THAT(Get(daemon_.url() + "/api/v1/state").body, HasSubstr("\"scrapes\":3,\"failed\":3"));
  ASSERT_EQ(Fetch({.method = "DELETE", .url = daemon_.url() + "/api/v1/faults"}).status, 200);
  EXPECT_EQ(Get(daemon_.url() + "/metrics").status, 200);
}

TEST_F(FaultsTest, AFaultForADurationEndsByItself) {
  ASSERT_EQ(Post(daemon_, "/api/v1/faults", R"({"error_rate": 1, "for": "1s"})").status, 200);
  EXPECT_EQ(Get(daemon_.url() + "/metrics").status, 500);
  EXPECT_TRUE(WaitUntil([&] { return Get(daemon_.url() + "/metrics").status == 200; }, seconds(5)));
}

TEST_F(FaultsTest, ATruncatedScrapeEndsMidBodyAndTheNextOneIsWhole) {
  ASSERT_EQ(Post(daemon_, "/api/v1/faults", R"({"truncate_rate": 1})").status, 200);
  for (bool gzip : {false, true}) {
    const HttpResponse cut =
        Fetch({.url = daemon_.url() + "/metrics", .accept_gzip = gzip, .timeout_ms = 10000});
    // libcurl reports the body that stops before the chunked encoding's end as a failed transfer.
    EXPECT_FALSE(cut.error.empty()) << "gzip " << gzip << ": a truncated body was taken as complete";
    EXPECT_THAT(cut.error, ::testing::Not(HasSubstr("Timeout"))) << "the connection must close, not hang";
  }
  ASSERT_EQ(Fetch({.method = "DELETE", .url = daemon_.url() + "/api/v1/faults"}).status, 200);
  const HttpResponse whole = Get(daemon_.url() + "/metrics");
  EXPECT_EQ(whole.status, 200);
  EXPECT_TRUE(whole.error.empty());
  EXPECT_THAT(whole.body, HasSubstr("promsynth_build_info{"));
}

TEST_F(FaultsTest, ScrapeDelayHoldsTheAnswer) {
  ASSERT_EQ(Post(daemon_, "/api/v1/faults", R"({"scrape_delay": "1200ms"})").status, 200);
  const auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(Get(daemon_.url() + "/metrics").status, 200);
  EXPECT_GE(std::chrono::steady_clock::now() - started, milliseconds(1200));
  // Other routes are not delayed.
  const auto probe = std::chrono::steady_clock::now();
  EXPECT_EQ(Get(daemon_.url() + "/-/healthy").status, 200);
  EXPECT_LT(std::chrono::steady_clock::now() - probe, milliseconds(1000));
}

TEST_F(FaultsTest, PauseFreezesTheValuesAndResumeGoesOn) {
  ASSERT_TRUE(WaitUntil([&] { return Requests(daemon_) > 0; }, seconds(5)));
  const HttpResponse paused = Post(daemon_, "/api/v1/pause");
  ASSERT_EQ(paused.status, 200);
  EXPECT_THAT(paused.body, HasSubstr("\"paused\":true"));
  const double frozen = Requests(daemon_);
  // Four ticks go by without a change: the value stays what it was when the pause began.
  const auto until = std::chrono::steady_clock::now() + milliseconds(800);
  while (std::chrono::steady_clock::now() < until) EXPECT_LE(Requests(daemon_), frozen + 1);
  const double later = Requests(daemon_);
  ASSERT_EQ(Post(daemon_, "/api/v1/resume").status, 200);
  EXPECT_TRUE(WaitUntil([&] { return Requests(daemon_) > later; }, seconds(5)));
}

/// The value of the `churn` label on the generated series, or "" without one.
std::string ChurnLabel(const DaemonProcess& daemon) {
  const std::string body = Get(daemon.url() + "/metrics").body;
  const size_t at = body.find("fault_requests_total{churn=\"");
  if (at == std::string::npos) return "";
  const size_t start = at + std::string_view("fault_requests_total{churn=\"").size();
  return body.substr(start, body.find('"', start) - start);
}

TEST_F(FaultsTest, ChurnReplacesEverySeriesEachPeriodAndNewCountersStartAgain) {
  ASSERT_EQ(Post(daemon_, "/api/v1/faults", R"({"churn": "2s"})").status, 200);
  std::string first;
  ASSERT_TRUE(WaitUntil([&] { return !(first = ChurnLabel(daemon_)).empty(); }, seconds(5)));
  std::string second;
  ASSERT_TRUE(
      WaitUntil([&] { return !(second = ChurnLabel(daemon_)).empty() && second != first; }, seconds(6)));
  EXPECT_EQ(std::stoll(second), std::stoll(first) + 1);
  // A churned series is a new series: its counter counts from zero (one tick is 1).
  const double fresh =
      SampleValue(Get(daemon_.url() + "/metrics").body, "fault_requests_total{churn=\"" + second + "\"}")
          .value_or(-1);
  EXPECT_GE(fresh, 1);
  EXPECT_LE(fresh, 11);  // at most the ten ticks of one period, plus one
  ASSERT_EQ(Fetch({.method = "DELETE", .url = daemon_.url() + "/api/v1/faults"}).status, 200);
  EXPECT_TRUE(WaitUntil([&] { return ChurnLabel(daemon_).empty(); }, seconds(5)));
}

TEST_F(FaultsTest, AValueOverrideShowsUntilItEndsThenTheGeneratedValueReturns) {
  ASSERT_TRUE(WaitUntil([&] { return Requests(daemon_) > 0; }, seconds(5)));
  const HttpResponse set =
      Post(daemon_, "/api/v1/overrides", R"({"metric": "fault_requests_total", "value": 1e9, "for": "1s"})");
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_THAT(set.body,
              HasSubstr(R"("overrides":[{"metric":"fault_requests_total","labels":{},"value":1000000000.0)"));
  EXPECT_TRUE(WaitUntil([&] { return Requests(daemon_) == 1e9; }, seconds(5)));
  // The counter kept counting underneath and shows its own value again when the override ends.
  EXPECT_TRUE(WaitUntil([&] { return Requests(daemon_) < 1e9; }, seconds(5)));
  EXPECT_GT(Requests(daemon_), 1);
  EXPECT_EQ(Post(daemon_, "/api/v1/overrides", R"({"metric": "no_such_metric", "value": 1})").status, 404);
  EXPECT_EQ(Post(daemon_, "/api/v1/overrides", R"({"metric": "fault_requests_total"})").status, 400);
}

TEST_F(FaultsTest, TargetDownRefusesConnectionsThenListensAgainOnTheSamePort) {
  ASSERT_EQ(Post(daemon_, "/api/v1/faults", R"({"down": "4s"})").status, 200);
  // The listener closes: a connection is refused (libcurl: status 0), not answered.
  EXPECT_TRUE(WaitUntil([&] { return Get(daemon_.url() + "/-/healthy").status == 0; }, seconds(5)));
  const HttpResponse refused = Get(daemon_.url() + "/metrics");
  EXPECT_EQ(refused.status, 0) << refused.body;
  // It comes back by itself on the same port, and the daemon kept ticking meanwhile.
  EXPECT_TRUE(WaitUntil([&] { return Get(daemon_.url() + "/-/healthy").status == 200; }, seconds(10)));
  EXPECT_GT(Requests(daemon_), 1);
  EXPECT_THAT(daemon_.process().Output(), HasSubstr("fault over: listening again"));
}

// FailureBehaviour_FB16 (README.md, "Failure behaviour").
TEST_F(FaultsTest, BadFaultRequestsAre400AndChangeNothing) {
  for (const char* body :
       {"", "{", "[]", R"({"error_rate": 2})", R"({"scrape_delay": "soon"})", R"({"nope": 1})"}) {
    const HttpResponse response = Post(daemon_, "/api/v1/faults", body);
    EXPECT_EQ(response.status, 400) << body;
    EXPECT_THAT(response.body, HasSubstr("fault request: ")) << body;
  }
  EXPECT_THAT(Get(daemon_.url() + "/api/v1/state").body,
              HasSubstr(R"("settings":{"scrape_delay":"0s","error_rate":0.0,"truncate_rate":0.0)"));
  EXPECT_EQ(Get(daemon_.url() + "/metrics").status, 200);
}

TEST(FaultsConfigTest, TheConfigsBaselineAndScheduleApplyFromTheLoad) {
  TempDir dir;
  // Every scrape fails from the start (the baseline); one second after the load the listener
  // goes down for a second. DELETE /api/v1/faults returns to the baseline, not to no faults.
  DaemonProcess daemon(dir.Write("faults.yml", std::string(kConfig) + R"(faults:
  error_rate: 1
  scheduled:
    - {at: 1s, down: 1s}
)"));
  EXPECT_EQ(Get(daemon.url() + "/metrics").status, 500);
  EXPECT_THAT(Get(daemon.url() + "/api/v1/state").body, HasSubstr(R"("error_rate":1.0)"));
  ASSERT_EQ(Fetch({.method = "DELETE", .url = daemon.url() + "/api/v1/faults"}).status, 200);
  EXPECT_EQ(Get(daemon.url() + "/metrics").status, 500);
  EXPECT_TRUE(WaitUntil([&] { return Get(daemon.url() + "/-/healthy").status == 0; }, seconds(10)));
  EXPECT_TRUE(WaitUntil([&] { return Get(daemon.url() + "/-/healthy").status == 200; }, seconds(10)));
  EXPECT_THAT(daemon.process().Output(),
              HasSubstr(R"(scheduled fault injected" request="{\"down\": \"1s\"}")"));
}

}  // namespace
}  // namespace promsynth::testing
