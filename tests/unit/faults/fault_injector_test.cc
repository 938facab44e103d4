#include "faults/fault_injector.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace promsynth {
namespace {

using ::testing::HasSubstr;
constexpr int64_t kNow = 1'700'000'000'000;

FaultRequest Parse(std::string_view json) {
  std::string error;
  std::optional<FaultRequest> request = ParseFaultRequest(json, error);
  EXPECT_TRUE(request.has_value()) << error;
  return request.value_or(FaultRequest{});
}

std::string ErrorOf(std::string_view json) {
  std::string error;
  EXPECT_FALSE(ParseFaultRequest(json, error).has_value()) << json;
  return error;
}

TEST(FaultSettingsTest, ParsesEveryKey) {
  const FaultRequest request = Parse(
      R"({"scrape_delay": "1500ms", "error_rate": 0.25, "truncate_rate": 1, "churn": "1m", "down": "30s",
          "pause": "2m", "for": "5m"})");
  EXPECT_EQ(request.scrape_delay, Millis(1500));
  EXPECT_EQ(request.error_rate, 0.25);
  EXPECT_EQ(request.truncate_rate, 1.0);
  EXPECT_EQ(request.churn, Millis(60'000));
  EXPECT_EQ(request.down, Millis(30'000));
  EXPECT_EQ(request.pause, Millis(120'000));
  EXPECT_EQ(request.duration, Millis(300'000));
}

TEST(FaultSettingsTest, BadRequestsNameTheKeyTheValueAndWhatIsAllowed) {
  EXPECT_THAT(ErrorOf("{"), HasSubstr("invalid JSON at offset 1"));
  EXPECT_THAT(ErrorOf("[]"), HasSubstr("must be a JSON object"));
  EXPECT_THAT(ErrorOf("{}"), HasSubstr("nothing to inject"));
  EXPECT_THAT(ErrorOf(R"({"for": "1m"})"), HasSubstr("nothing to inject"));
  EXPECT_THAT(ErrorOf(R"({"error_rate": 1.5})"), HasSubstr("error_rate: must be a number from 0 to 1"));
  EXPECT_THAT(ErrorOf(R"({"truncate_rate": "half"})"),
              HasSubstr("truncate_rate: must be a number from 0 to 1"));
  EXPECT_THAT(ErrorOf(R"({"scrape_delay": "2 seconds"})"),
              HasSubstr("scrape_delay: invalid duration \"2 seconds\" (allowed: Prometheus notation"));
  EXPECT_THAT(ErrorOf(R"({"scrape_delay": 2})"), HasSubstr("scrape_delay: must be a duration string"));
  EXPECT_THAT(ErrorOf(R"({"down": "0s"})"), HasSubstr("down: must be longer than 0s"));
  EXPECT_THAT(ErrorOf(R"({"explode": true})"), HasSubstr("unknown key \"explode\" (allowed: scrape_delay"));
}

TEST(FaultInjectorTest, TheSameSeedFailsTheSameScrapesAtTheConfiguredRate) {
  FaultInjector a;
  FaultInjector b;
  FaultInjector other_seed;
  a.SetBaseline({}, 7);
  b.SetBaseline({}, 7);
  other_seed.SetBaseline({}, 8);
  for (FaultInjector* injector : {&a, &b, &other_seed})
    injector->Apply(Parse(R"({"error_rate": 0.3})"), kNow);
  int failed = 0;
  int differs = 0;
  for (int i = 0; i < 10'000; ++i) {
    const bool fail = a.NextScrape(kNow).fail;
    EXPECT_EQ(fail, b.NextScrape(kNow).fail) << "scrape " << i;
    differs += fail != other_seed.NextScrape(kNow).fail ? 1 : 0;
    failed += fail ? 1 : 0;
  }
  EXPECT_NEAR(failed, 3000, 150);  // ±3.3 standard deviations of a binomial(10000, 0.3)
  EXPECT_GT(differs, 1000);
}

TEST(FaultInjectorTest, AFailedScrapeIsNotAlsoTruncated) {
  FaultInjector injector;
  injector.Apply(Parse(R"({"error_rate": 0.5, "truncate_rate": 0.5, "scrape_delay": "250ms"})"), kNow);
  int failed = 0;
  int truncated = 0;
  for (int i = 0; i < 4'000; ++i) {
    const ScrapeFault fault = injector.NextScrape(kNow);
    EXPECT_EQ(fault.delay, Millis(250));
    EXPECT_FALSE(fault.fail && fault.truncate);
    failed += fault.fail ? 1 : 0;
    truncated += fault.truncate ? 1 : 0;
  }
  EXPECT_NEAR(failed, 2000, 150);
  EXPECT_NEAR(truncated, 1000, 150);  // half of the half that did not fail
  EXPECT_THAT(injector.StateJson(kNow), HasSubstr("\"scrapes\":4000,\"failed\":" + std::to_string(failed)));
}

TEST(FaultInjectorTest, AnOverlayForADurationRevertsToTheBaseline) {
  FaultInjector injector;
  injector.SetBaseline({.scrape_delay = Millis(100)}, 0);
  injector.Apply(Parse(R"({"error_rate": 1, "for": "10s"})"), kNow);
  EXPECT_EQ(injector.Effective(kNow + 9'999).error_rate, 1.0);
  EXPECT_EQ(injector.Effective(kNow + 9'999).scrape_delay, Millis(100));  // the baseline stays under it
  EXPECT_EQ(injector.Effective(kNow + 10'000), (FaultSettings{.scrape_delay = Millis(100)}));
  EXPECT_FALSE(injector.NextScrape(kNow + 10'000).fail);
}

TEST(FaultInjectorTest, PauseDownAndChurnWindows) {
  FaultInjector injector;
  injector.Apply(Parse(R"({"pause": "30s", "down": "5s", "churn": "1m"})"), kNow);
  EXPECT_TRUE(injector.Paused(kNow));
  EXPECT_TRUE(injector.Paused(kNow + 29'999));
  EXPECT_FALSE(injector.Paused(kNow + 30'000));
  EXPECT_EQ(injector.DownUntil(kNow + 1), kNow + 5'000);
  EXPECT_EQ(injector.DownUntil(kNow + 5'000), 0);
  EXPECT_EQ(injector.ChurnGeneration(kNow), kNow / 60'000);
  EXPECT_EQ(injector.ChurnGeneration(kNow + 60'000), kNow / 60'000 + 1);
  EXPECT_THAT(injector.StateJson(kNow),
              HasSubstr("\"paused\":true,\"paused_until\":" + std::to_string(kNow + 30'000)));
  injector.Clear();
  EXPECT_FALSE(injector.Paused(kNow));
  injector.Pause();
  EXPECT_TRUE(injector.Paused(kNow + 365LL * 86'400'000));
  EXPECT_THAT(injector.StateJson(kNow), HasSubstr("\"paused\":true,\"paused_until\":null"));
  injector.Resume();
  EXPECT_FALSE(injector.Paused(kNow));
  EXPECT_EQ(injector.ChurnGeneration(kNow), -1);
  EXPECT_THAT(injector.StateJson(kNow),
              HasSubstr("\"paused\":false,\"paused_until\":null,\"down_until\":null"));
}

}  // namespace
}  // namespace promsynth
