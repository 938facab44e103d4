#include "alerting/alertmanager_client.h"

#include <curl/curl.h>

#include <algorithm>

#include "util/logger.h"

namespace promsynth {
namespace {

constexpr std::chrono::milliseconds kFirstBackoff{500};

int64_t WallMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

size_t Discard(char*, size_t size, size_t count, void*) { return size * count; }

}  // namespace

AlertmanagerClient::AlertmanagerClient(AlertmanagerConfig config, std::function<void(double)> on_sent,
                                       std::function<void(double)> on_failed)
    : config_(std::move(config)), on_sent_(std::move(on_sent)), on_failed_(std::move(on_failed)) {
  thread_ = std::thread([this] { Run(); });
}

AlertmanagerClient::~AlertmanagerClient() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void AlertmanagerClient::Update(std::vector<PostableAlert> firing, std::vector<PostableAlert> resolved,
                                bool changed) {
  {
    std::lock_guard lock(mutex_);
    const bool had_firing = !firing_.empty();
    firing_ = std::move(firing);
    for (PostableAlert& alert : resolved) resolved_.push_back(std::move(alert));
    if (!changed) return;
    dirty_ = true;
    if (!had_firing) next_resend_ = Clock::now();
  }
  wake_.notify_all();
}

void AlertmanagerClient::Run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    const Clock::time_point now = Clock::now();
    const bool resend_due = !firing_.empty() && now >= next_resend_;
    const bool post_due = (dirty_ || resend_due) && now >= retry_at_;
    if (!post_due) {
      Clock::time_point until = Clock::time_point::max();
      if (dirty_) until = retry_at_;
      if (!firing_.empty()) until = std::min(until, std::max(next_resend_, retry_at_));
      if (until == Clock::time_point::max()) {
        wake_.wait(lock);
      } else {
        wake_.wait_until(lock, until);
      }
      continue;
    }
    std::vector<PostableAlert> batch = firing_;
    const size_t resolved_count = resolved_.size();
    batch.insert(batch.end(), resolved_.begin(), resolved_.end());
    dirty_ = false;
    const int64_t wall = WallMs();
    const std::string body = AlertsJson(batch, wall + 4 * config_.resend_interval.count());
    lock.unlock();
    const bool ok = batch.empty() || Post(body);
    lock.lock();
    const double count = static_cast<double>(batch.size());
    if (ok) {
      if (count > 0) on_sent_(count);
      resolved_.erase(resolved_.begin(), resolved_.begin() + static_cast<std::ptrdiff_t>(resolved_count));
      backoff_ = std::chrono::milliseconds(0);
      retry_at_ = Clock::time_point::min();
      next_resend_ = Clock::now() + config_.resend_interval;
    } else {
      on_failed_(count);
      backoff_ = std::min(backoff_.count() == 0 ? kFirstBackoff : backoff_ * 2,
                          std::chrono::duration_cast<std::chrono::milliseconds>(config_.resend_interval));
      retry_at_ = Clock::now() + backoff_;
      dirty_ = true;
    }
  }
}

bool AlertmanagerClient::Post(const std::string& body) {
  CURL* curl = curl_easy_init();
  if (curl == nullptr) return false;
  const std::string url = config_.url + "/api/v2/alerts";
  curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
  headers = curl_slist_append(headers, "Expect:");  // no 100-continue round trip
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(config_.timeout.count()));
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, Discard);
  // Abort a post in flight when the client is being destroyed, so shutdown never waits for it.
  curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(curl, CURLOPT_XFERINFODATA, this);
  curl_easy_setopt(
      curl, CURLOPT_XFERINFOFUNCTION, +[](void* self, curl_off_t, curl_off_t, curl_off_t, curl_off_t) -> int {
        auto* client = static_cast<AlertmanagerClient*>(self);
        std::lock_guard lock(client->mutex_);
        return client->stopping_ ? 1 : 0;
      });
  const CURLcode result = curl_easy_perform(curl);
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  const bool ok = result == CURLE_OK && status >= 200 && status < 300;
  if (!ok) {
    Log().Warn(
        "posting alerts to Alertmanager failed; retrying with backoff",
        {{"url", url},
         {"error", result != CURLE_OK ? curl_easy_strerror(result) : "HTTP " + std::to_string(status)}});
  }
  return ok;
}

}  // namespace promsynth
