#include "remote_write/remote_write_client.h"

#include <curl/curl.h>

#include <fstream>
#include <sstream>

namespace promsynth {
namespace {

size_t CollectBody(char* data, size_t size, size_t count, void* user) {
  auto* body = static_cast<std::string*>(user);
  const size_t bytes = size * count;
  if (body->size() < 512) body->append(data, std::min(bytes, 512 - body->size()));  // for the error only
  return bytes;
}

/// A secret file's content without trailing newlines (read at every request, so rotation works).
std::string ReadSecret(const std::string& path) {
  std::ifstream file(path);
  std::ostringstream text;
  text << file.rdbuf();
  std::string secret = text.str();
  while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r')) secret.pop_back();
  return secret;
}

int AbortWhenAsked(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  const auto* abort = static_cast<const std::atomic<bool>*>(user);
  return abort != nullptr && abort->load() ? 1 : 0;
}

}  // namespace

struct RemoteWriteClient::Curl {
  CURL* handle = curl_easy_init();
  ~Curl() { curl_easy_cleanup(handle); }
};

RemoteWriteClient::RemoteWriteClient(RemoteWriteConfig config, const std::atomic<bool>* abort)
    : config_(std::move(config)), abort_(abort), curl_(std::make_unique<Curl>()) {}

RemoteWriteClient::~RemoteWriteClient() = default;

PushOutcome RemoteWriteClient::Push(const std::string& compressed, std::string& error) noexcept {
  try {
    CURL* curl = curl_->handle;
    if (curl == nullptr) {
      error = "cannot create an HTTP client";
      return PushOutcome::kRetryable;
    }
    curl_easy_reset(curl);  // keeps the connection cache
    curl_slist* headers = nullptr;
    headers = curl_slist_append(headers, "Content-Type: application/x-protobuf");
    headers = curl_slist_append(headers, "Content-Encoding: snappy");
    headers = curl_slist_append(headers, "X-Prometheus-Remote-Write-Version: 0.1.0");
    headers = curl_slist_append(headers, "Expect:");  // no 100-continue round trip
    std::string token = config_.bearer_token;
    if (!config_.bearer_token_file.empty()) token = ReadSecret(config_.bearer_token_file);
    if (!token.empty()) headers = curl_slist_append(headers, ("Authorization: Bearer " + token).c_str());
    for (const auto& [name, value] : config_.headers) {
      headers = curl_slist_append(headers, (name + ": " + value).c_str());
    }
    std::string password = config_.password;
    if (!config_.password_file.empty()) password = ReadSecret(config_.password_file);
    if (!config_.username.empty()) {
      curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
      curl_easy_setopt(curl, CURLOPT_USERNAME, config_.username.c_str());
      curl_easy_setopt(curl, CURLOPT_PASSWORD, password.c_str());
    }
    std::string body;
    curl_easy_setopt(curl, CURLOPT_URL, config_.url.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "promsynth");
    curl_easy_setopt(curl, CURLOPT_POST, 1L);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, compressed.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(compressed.size()));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 30000L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, CollectBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, AbortWhenAsked);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, abort_);
    const CURLcode code = curl_easy_perform(curl);
    curl_slist_free_all(headers);
    if (code != CURLE_OK) {
      error = curl_easy_strerror(code);
      return PushOutcome::kRetryable;
    }
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    if (status >= 200 && status < 300) return PushOutcome::kSent;
    error = "HTTP " + std::to_string(status) + ": " + body;
    return status >= 500 || status == 429 ? PushOutcome::kRetryable : PushOutcome::kRejected;
  } catch (const std::exception& exception) {  // allocation failure: count it, never throw on the push path
    error = exception.what();
    return PushOutcome::kRetryable;
  }
}

}  // namespace promsynth
