#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "support/process.h"
#include "support/temp_dir.h"

namespace promsynth::testing {

/// One row of an instant query's result: the labels as `name=value,` text, and the value.
using QueryRow = std::pair<std::string, std::string>;

/// A real Prometheus (the Debian package) for end-to-end tests: listens on a free port of
/// 127.0.0.1, keeps its TSDB and log in `dir`, and is ended by PID with the object.
class PrometheusServer {
 public:
  /// Starts `prometheus` with `config_yaml` written to dir/prometheus.yml, plus `extra_flags`.
  PrometheusServer(const TempDir& dir, const std::string& config_yaml,
                   std::vector<std::string> extra_flags = {});

  /// `http://127.0.0.1:<port>`.
  const std::string& api() const { return api_; }
  ChildProcess& process() { return *process_; }

  /// Waits until `/-/ready` answers 200.
  bool WaitReady(std::chrono::milliseconds timeout = std::chrono::seconds(60)) const;

  /// Runs an instant query; its rows (none when Prometheus is not answering yet).
  std::vector<QueryRow> Query(const std::string& promql) const;

 private:
  std::string api_;
  std::unique_ptr<ChildProcess> process_;
};

/// A Prometheus config that scrapes one target on 127.0.0.1 every second under job `job`.
std::string ScrapeConfig(int target_port, const std::string& job = "promsynth");

/// `text` percent-encoded for a URL query value (letters, digits and `_` stay as they are).
std::string UrlEncode(const std::string& text);

}  // namespace promsynth::testing
