#include "support/prometheus_server.h"

#include <rapidjson/document.h>

#include <cctype>
#include <cstdio>

#include "support/http_client.h"
#include "support/wait.h"

namespace promsynth::testing {

PrometheusServer::PrometheusServer(const TempDir& dir, const std::string& config_yaml,
                                   std::vector<std::string> extra_flags) {
  const int port = FreePort();
  api_ = "http://127.0.0.1:" + std::to_string(port);
  std::vector<std::string> argv = {"prometheus", "--config.file=" + dir.Write("prometheus.yml", config_yaml),
                                   "--storage.tsdb.path=" + dir.path() + "/data",
                                   "--web.listen-address=127.0.0.1:" + std::to_string(port)};
  argv.insert(argv.end(), extra_flags.begin(), extra_flags.end());
  process_ = std::make_unique<ChildProcess>(std::move(argv), dir.path() + "/prometheus.log");
}

bool PrometheusServer::WaitReady(std::chrono::milliseconds timeout) const {
  return WaitUntil([&] { return Get(api_ + "/-/ready").status == 200; }, timeout,
                   std::chrono::milliseconds(200));
}

std::vector<QueryRow> PrometheusServer::Query(const std::string& promql) const {
  const HttpResponse response = Get(api_ + "/api/v1/query?query=" + UrlEncode(promql));
  std::vector<QueryRow> rows;
  rapidjson::Document document;
  if (response.status != 200 || document.Parse(response.body.c_str()).HasParseError()) return rows;
  for (const auto& row : document["data"]["result"].GetArray()) {
    std::string labels;
    for (const auto& label : row["metric"].GetObject()) {
      labels += std::string(label.name.GetString()) + "=" + label.value.GetString() + ",";
    }
    rows.emplace_back(labels, row["value"][1].GetString());
  }
  return rows;
}

std::string ScrapeConfig(int target_port, const std::string& job) {
  return "global: {scrape_interval: 1s, evaluation_interval: 1s}\n"
         "scrape_configs:\n  - job_name: " +
         job + "\n    static_configs: [{targets: ['127.0.0.1:" + std::to_string(target_port) + "']}]\n";
}

std::string UrlEncode(const std::string& text) {
  std::string encoded;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
      encoded += c;
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", static_cast<unsigned char>(c));
      encoded += hex;
    }
  }
  return encoded;
}

}  // namespace promsynth::testing
