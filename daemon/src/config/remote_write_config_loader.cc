#include "config/remote_write_config_loader.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace promsynth {
namespace {

/// A whole number ≥ `min` at `node`, or nothing (error reported).
std::optional<double> ReadCount(Walker& walker, const YAML::Node& node, const std::string& key, double min) {
  const auto number = node.IsScalar() ? ParseNumber(node.Scalar()) : std::nullopt;
  if (!number || *number != std::floor(*number) || *number < min || *number > 1e12) {
    walker.Fail(node, key, "not a whole number in range", Walker::Describe(node),
                "an integer of at least " + std::to_string(static_cast<long long>(min)));
    return std::nullopt;
  }
  return number;
}

/// A non-empty string at `node`, or nothing (error reported).
std::optional<std::string> ReadText(Walker& walker, const YAML::Node& node, const std::string& key) {
  if (!node.IsScalar() || node.Scalar().empty()) {
    walker.Fail(node, key, "expected a non-empty string", Walker::Describe(node), "a string");
    return std::nullopt;
  }
  return node.Scalar();
}

bool IsReservedHeader(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  return name == "content-type" || name == "content-encoding" || name == "content-length" ||
         name == "x-prometheus-remote-write-version" || name == "authorization" || name == "host";
}

void ReadOne(Walker& walker, const YAML::Node& node, const std::string& path, RemoteWriteConfig& target) {
  walker.CheckKeys(node, path,
                   {"url", "basic_auth", "bearer_token", "bearer_token_file", "headers", "batch", "queue"});
  target.location = walker.Where(node);
  const YAML::Node url = node["url"];
  if (!url || !url.IsScalar() ||
      !(url.Scalar().starts_with("http://") || url.Scalar().starts_with("https://"))) {
    walker.Fail(url ? url : node, path + ".url", "not a remote write URL", Walker::Describe(url),
                "http://host:port/path or https://host:port/path, e.g. http://prometheus:9090/api/v1/write");
  } else {
    target.url = url.Scalar();
  }
  int auth_kinds = 0;
  if (const YAML::Node basic = node["basic_auth"]) {
    ++auth_kinds;
    const std::string key = path + ".basic_auth";
    if (walker.ExpectMap(basic, key)) {
      walker.CheckKeys(basic, key, {"username", "password", "password_file"});
      if (const YAML::Node user = basic["username"]) {
        target.username = ReadText(walker, user, key + ".username").value_or("");
      } else {
        walker.Fail(basic, key + ".username", "basic_auth needs a username", "", "a string");
      }
      const YAML::Node password = basic["password"];
      const YAML::Node password_file = basic["password_file"];
      if (static_cast<bool>(password) == static_cast<bool>(password_file)) {
        walker.Fail(basic, key, "basic_auth needs exactly one of password and password_file", "",
                    "password: TEXT or password_file: PATH");
      } else if (password) {
        target.password = ReadText(walker, password, key + ".password").value_or("");
      } else {
        target.password_file = ReadText(walker, password_file, key + ".password_file").value_or("");
      }
    }
  }
  if (const YAML::Node token = node["bearer_token"]) {
    ++auth_kinds;
    target.bearer_token = ReadText(walker, token, path + ".bearer_token").value_or("");
  }
  if (const YAML::Node token_file = node["bearer_token_file"]) {
    ++auth_kinds;
    target.bearer_token_file = ReadText(walker, token_file, path + ".bearer_token_file").value_or("");
  }
  if (auth_kinds > 1) {
    walker.Fail(node, path, "more than one kind of authorization", "",
                "at most one of basic_auth, bearer_token and bearer_token_file");
  }
  if (const YAML::Node headers = node["headers"]; headers && walker.ExpectMap(headers, path + ".headers")) {
    for (const auto& entry : headers) {
      const std::string name = entry.first.Scalar();
      const std::string key = path + ".headers." + name;
      if (IsReservedHeader(name)) {
        walker.Fail(entry.first, key, "this header is set by promsynth", name,
                    "any header but Content-Type, Content-Encoding, Content-Length, Authorization, Host and "
                    "X-Prometheus-Remote-Write-Version");
      } else if (!entry.second.IsScalar()) {
        walker.Fail(entry.second, key, "a header value must be a string", Walker::Describe(entry.second),
                    "a string");
      } else {
        target.headers.emplace_back(name, entry.second.Scalar());
      }
    }
  }
  if (const YAML::Node batch = node["batch"]; batch && walker.ExpectMap(batch, path + ".batch")) {
    walker.CheckKeys(batch, path + ".batch", {"max_samples"});
    if (const YAML::Node max = batch["max_samples"]) {
      if (auto n = ReadCount(walker, max, path + ".batch.max_samples", 1))
        target.max_samples = static_cast<size_t>(*n);
    }
  }
  if (const YAML::Node queue = node["queue"]; queue && walker.ExpectMap(queue, path + ".queue")) {
    const std::string key = path + ".queue";
    walker.CheckKeys(queue, key, {"capacity", "max_retries", "min_backoff", "max_backoff"});
    if (const YAML::Node capacity = queue["capacity"]) {
      if (auto n = ReadCount(walker, capacity, key + ".capacity", 1))
        target.capacity = static_cast<size_t>(*n);
    }
    if (const YAML::Node retries = queue["max_retries"]) {
      if (auto n = ReadCount(walker, retries, key + ".max_retries", 0))
        target.max_retries = static_cast<int>(std::min(*n, 1e6));
    }
    if (const YAML::Node min = queue["min_backoff"]) {
      if (auto d = ReadPositiveDuration(walker, min, key + ".min_backoff", "backoff"))
        target.min_backoff = *d;
    }
    if (const YAML::Node max = queue["max_backoff"]) {
      if (auto d = ReadPositiveDuration(walker, max, key + ".max_backoff", "backoff"))
        target.max_backoff = *d;
    }
    if (target.min_backoff > target.max_backoff) {
      walker.Fail(queue, key, "min_backoff is longer than max_backoff", "", "min_backoff <= max_backoff");
    }
  }
}

}  // namespace

void ReadRemoteWrite(Walker& walker, const YAML::Node& node, std::vector<RemoteWriteConfig>& targets) {
  if (!node.IsSequence()) {
    walker.Fail(node, "remote_write", "expected a list of remote write targets", Walker::Describe(node),
                "- url: http://host:9090/api/v1/write");
    return;
  }
  for (size_t i = 0; i < node.size(); ++i) {
    const std::string path = "remote_write[" + std::to_string(i) + "]";
    if (!walker.ExpectMap(node[i], path)) continue;
    RemoteWriteConfig target;
    ReadOne(walker, node[i], path, target);
    targets.push_back(std::move(target));
  }
}

}  // namespace promsynth
