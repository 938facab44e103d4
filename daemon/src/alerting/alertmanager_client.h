#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "alerting/postable_alert.h"
#include "config/alert_config.h"

namespace promsynth {

/// Posts promsynth's own alerts to an Alertmanager (`POST <url>/api/v2/alerts`) from a thread
/// of its own, so the tick never waits for the network.
///
/// `Update` hands over the alerts firing now and those just resolved. The thread posts at once
/// when an alert started or stopped firing, and re-sends the firing ones every
/// `resend_interval` (with `endsAt` = now + 4 × resend_interval, so Alertmanager resolves them by
/// itself if promsynth goes away). Resolved alerts (`endsAt` = when they cleared) are sent until
/// one post succeeds. A failed post is retried after 0.5 s, 1 s, 2 s … up to resend_interval.
/// `on_sent(n)` / `on_failed(n)` count the alerts of each successful / failed post
/// (`promsynth_alerts_sent_total` / `promsynth_alerts_failed_total`). Thread-safe.
class AlertmanagerClient {
 public:
  AlertmanagerClient(AlertmanagerConfig config, std::function<void(double)> on_sent,
                     std::function<void(double)> on_failed);
  /// Stops the thread; a post in flight is aborted.
  ~AlertmanagerClient();
  AlertmanagerClient(const AlertmanagerClient&) = delete;
  AlertmanagerClient& operator=(const AlertmanagerClient&) = delete;

  /// The alerts firing now, and alerts resolved since the last call; `changed` posts at once.
  /// Never blocks on the network.
  void Update(std::vector<PostableAlert> firing, std::vector<PostableAlert> resolved, bool changed);

  const AlertmanagerConfig& config() const { return config_; }

 private:
  using Clock = std::chrono::steady_clock;
  void Run();
  /// One POST; true on a 2xx answer.
  bool Post(const std::string& body);

  const AlertmanagerConfig config_;
  const std::function<void(double)> on_sent_;
  const std::function<void(double)> on_failed_;

  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool dirty_ = false;  ///< something to post now (subject to the backoff)
  std::vector<PostableAlert> firing_;
  std::vector<PostableAlert> resolved_;  ///< not yet delivered
  Clock::time_point next_resend_ = Clock::time_point::max();
  Clock::time_point retry_at_ = Clock::time_point::min();
  std::chrono::milliseconds backoff_{0};
  std::thread thread_;  ///< last: starts after everything above exists
};

}  // namespace promsynth
