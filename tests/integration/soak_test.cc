// Load and soak: many concurrent scrapers, a reload every second (now and then a bad one), SLO
// check requests and more stuck clients than HTTP workers, all against one daemon process for a
// bounded time. Zero failed requests, no scrape waiting for the stuck clients' request timeout,
// no memory growth after warm-up, and under the TSan preset no data race (the daemon is then a
// TSan build and exits non-zero when it saw one).
//
// PROMSYNTH_SOAK_SECONDS overrides the duration (the `soak` label runs it for minutes).

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>

#include "support/daemon_process.h"
#include "support/http_client.h"
#include "support/process.h"
#include "support/stuck_client.h"
#include "support/temp_dir.h"
#include "support/wait.h"

namespace promsynth::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using Clock = std::chrono::steady_clock;

#if defined(PROMSYNTH_DAEMON_UNDER_TSAN)
constexpr bool kThreadSanitizer = true;  // the daemon is a TSan build: a smaller, shorter run
#else
constexpr bool kThreadSanitizer = false;
#endif

/// Resident memory of `pid` in KiB, from /proc.
long RssKib(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with("VmRSS:")) return std::atol(line.c_str() + 6);
  }
  return -1;
}

/// Open file descriptors of `pid` (sockets included), from /proc.
long OpenFds(pid_t pid) {
  std::error_code error;
  long count = 0;
  for (std::filesystem::directory_iterator it("/proc/" + std::to_string(pid) + "/fd", error), end;
       !error && it != end; it.increment(error)) {
    ++count;
  }
  return error ? -1 : count;
}

/// A config of `replicas` × 10 × 10 series per family, in two variants that differ in one family
/// so every reload really changes the engine, or an invalid one.
std::string Config(int replicas, int variant) {
  const std::string range = "\"0.." + std::to_string(replicas - 1) + "\"";
  std::string text = "global: {tick: 1s, seed: 5}\nmetrics:\n";
  text += "  - {name: soak_gauge, labels: {replica: " + range +
          ", a: \"0..9\", b: \"0..9\"}, generator: {kind: gaussian, mu: 5, sigma: 1}}\n";
  text += "  - {name: soak_requests_total, type: counter, labels: {replica: " + range +
          ", a: \"0..9\", b: \"0..9\"}, generator: {kind: uniform, low: 1, high: 3}}\n";
  if (variant == 1) text += "  - {name: soak_extra, generator: {kind: sine, amplitude: 1, period: 1m}}\n";
  if (variant == 2) text += "  - {name: soak_broken, generator: {kind: no_such_kind}}\n";
  return text;
}

struct Counts {
  std::atomic<uint64_t> ok{0};
  std::atomic<uint64_t> failed{0};
  void Count(bool good) { (good ? ok : failed).fetch_add(1); }
};

TEST(SoakTest, ConcurrentScrapesReloadsAndSloChecksNeverFail) {
  const char* override_seconds = std::getenv("PROMSYNTH_SOAK_SECONDS");
  const int duration_s = override_seconds != nullptr ? std::atoi(override_seconds)
                         : kThreadSanitizer          ? 10
                                                     : 20;
  const int replicas = kThreadSanitizer ? 20 : 200;  // 4,000 or 40,000 series
  const int scrapers = kThreadSanitizer ? 3 : 8;

  TempDir dir;
  const std::string config_file = dir.Write("soak.yml", Config(replicas, 0));
  const std::string slo_request =
      ReadFile(std::string(PROMSYNTH_SOURCE_DIR) + "/tests/fixtures/slo/generic-1-rep-success.json");
  DaemonProcess daemon(config_file, {"--web.threads=16", "--web.request-timeout=30s"});
  const pid_t pid = daemon.process().pid();

  std::atomic<bool> stop{false};
  std::atomic<int64_t> slowest_scrape_ms{0};
  std::atomic<uint64_t> stuck_closed{0};
  Counts scrapes;
  Counts reloads;
  Counts slo_checks;
  std::atomic<uint64_t> bytes{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < scrapers; ++i) {
    threads.emplace_back([&, i] {
      while (!stop.load()) {
        const auto asked = Clock::now();
        const HttpResponse response = Fetch({.url = daemon.url() + "/metrics", .accept_gzip = i % 2 == 1});
        const int64_t took = std::chrono::duration_cast<milliseconds>(Clock::now() - asked).count();
        for (int64_t slowest = slowest_scrape_ms.load(); took > slowest;) {
          if (slowest_scrape_ms.compare_exchange_weak(slowest, took)) break;
        }
        const bool good = response.status == 200 && response.body.ends_with("\n") &&
                          response.body.find("promsynth_build_info{") != std::string::npos;
        scrapes.Count(good);
        if (!good) ADD_FAILURE() << "scrape failed: " << response.status << " " << response.error;
        bytes += response.body.size();
      }
    });
  }
  // More stuck clients than workers, each replaced as soon as the daemon closes it: without the
  // closing of idle connections (--web.busy-idle-timeout) the scrapers would wait behind them
  // for the 30 s request timeout.
  threads.emplace_back([&] {
    std::vector<std::unique_ptr<StuckClient>> stuck;
    while (!stop.load()) {
      for (auto& client : stuck) {
        if (client->ClosedByServer(milliseconds(0))) {
          client = std::make_unique<StuckClient>(daemon.port());
          stuck_closed.fetch_add(1);
        }
      }
      while (stuck.size() < 24) stuck.push_back(std::make_unique<StuckClient>(daemon.port()));
      std::this_thread::sleep_for(milliseconds(50));
    }
  });
  threads.emplace_back([&] {
    while (!stop.load()) {
      const HttpResponse response = Fetch({.method = "POST", .url = daemon.url() + "/", .body = slo_request});
      const bool good = response.status == 200 && response.body == "true";
      slo_checks.Count(good);
      if (!good) ADD_FAILURE() << "SLO check failed: " << response.status << " " << response.body;
    }
  });
  threads.emplace_back([&] {
    for (int round = 1; !stop.load(); ++round) {
      const int variant = round % 5 == 0 ? 2 : round % 2;  // every fifth reload is a bad config
      { std::ofstream(config_file, std::ios::trunc) << Config(replicas, variant); }
      const HttpResponse response = Fetch({.method = "POST", .url = daemon.url() + "/-/reload"});
      const bool good = response.status == (variant == 2 ? 500 : 200);
      reloads.Count(good);
      if (!good) ADD_FAILURE() << "reload " << round << ": " << response.status << " " << response.body;
      const auto next = Clock::now() + seconds(1);
      while (!stop.load() && Clock::now() < next) std::this_thread::sleep_for(milliseconds(20));
    }
  });

  // Warm-up is the first third; memory is compared from there to the end.
  const auto started = Clock::now();
  std::this_thread::sleep_for(seconds(duration_s) / 3);
  const long rss_warm = RssKib(pid);
  const long fds_warm = OpenFds(pid);
  std::this_thread::sleep_for(seconds(duration_s) - seconds(duration_s) / 3);
  const long rss_end = RssKib(pid);
  const long fds_end = OpenFds(pid);
  stop = true;
  for (std::thread& thread : threads) thread.join();
  const double elapsed = std::chrono::duration<double>(Clock::now() - started).count();

  const std::string metrics = Get(daemon.url() + "/metrics").body;
  const double overruns = SampleValue(metrics, "promsynth_tick_overruns_total").value_or(-1);
  const double ticks = SampleValue(metrics, "promsynth_ticks_total").value_or(-1);
  std::printf(
      "soak: %.0f s, %d scrapers: %llu scrapes (%.1f/s, %.1f MB/s), %llu SLO checks, %llu reloads; failed: "
      "%llu; slowest scrape %lld ms; stuck connections closed %llu; "
      "RSS %ld KiB after warm-up, %ld KiB at the end; ticks %.0f, overruns %.0f\n",
      elapsed, scrapers, static_cast<unsigned long long>(scrapes.ok.load()),
      static_cast<double>(scrapes.ok.load()) / elapsed, static_cast<double>(bytes.load()) / elapsed / 1e6,
      static_cast<unsigned long long>(slo_checks.ok.load()),
      static_cast<unsigned long long>(reloads.ok.load()),
      static_cast<unsigned long long>(scrapes.failed + slo_checks.failed + reloads.failed),
      static_cast<long long>(slowest_scrape_ms.load()), static_cast<unsigned long long>(stuck_closed.load()),
      rss_warm, rss_end, ticks, overruns);

  EXPECT_EQ(scrapes.failed.load() + slo_checks.failed.load() + reloads.failed.load(), 0u);
  EXPECT_GT(scrapes.ok.load(), static_cast<uint64_t>(duration_s));
  EXPECT_GE(reloads.ok.load(), static_cast<uint64_t>(duration_s / 2));
  EXPECT_GT(slo_checks.ok.load(), 0u);
  // Stuck clients were closed to make room, and no scrape waited for their request timeout.
  EXPECT_GT(stuck_closed.load(), 0u);
  EXPECT_LT(slowest_scrape_ms.load(), 10'000);
  // Overruns are counted, not hidden: on a 2-core machine busy with scrapers a tick may come late.
  EXPECT_GE(overruns, 0);
  // After warm-up, memory must not keep growing: allow allocator noise, not a leak per request.
  EXPECT_LE(rss_end, rss_warm + rss_warm / 5 + 8 * 1024) << "RSS grew from " << rss_warm << " to " << rss_end;
  // Nor the open descriptors: a leak per request would add thousands; the connections in flight
  // (one per client thread) and the kept-alive ones (at most one per worker) are the slack.
  EXPECT_GT(fds_warm, 0);
  EXPECT_LE(fds_end, fds_warm + scrapers + 2 + 16 + 24)
      << "open descriptors grew from " << fds_warm << " to " << fds_end;

  daemon.process().Signal(SIGTERM);
  EXPECT_EQ(daemon.process().WaitExit(seconds(30)), 0) << daemon.process().Output();
  EXPECT_THAT(daemon.process().Output(), ::testing::Not(::testing::HasSubstr("ThreadSanitizer")));
}

}  // namespace
}  // namespace promsynth::testing
