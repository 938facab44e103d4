#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/shard.h"
#include "util/logger.h"

namespace promsynth {

/// Everything the command line sets for the daemon.
struct DaemonOptions {
  std::string config_file = "/etc/promsynth/promsynth.yml";
  std::string listen_address = ":9877";
  std::string telemetry_path = "/metrics";
  LogLevel log_level = LogLevel::kInfo;
  LogFormat log_format = LogFormat::kLogfmt;
  uint64_t max_series = 20'000'000;
  int web_threads = 16;
  uint64_t slo_max_request_bytes = 64ULL << 20;
  std::string plugin_dir;                                 ///< load every *.so here as sequence plugins
  std::string custom_functions_prefix = "test_metrics_";  ///< seed-002 configs: metric name prefix
  Shard shard;                                            ///< --shard=i/n: this replica's share of the series
  uint64_t memory_limit_bytes = 0;                        ///< --memory.limit: refuse larger configs (0: off)
};

/// What the command line asks for.
struct CommandLine {
  enum class Action { kRunDaemon, kCheckConfig, kSloCheck, kPrintVersion, kPrintHelp, kUsageError };
  Action action = Action::kRunDaemon;
  DaemonOptions daemon;
  std::vector<std::string> files;  ///< check-config's files, or slo check's request file
  bool evaluate_slope = false;     ///< slo check: the lag-trend checker instead of the generic one
  std::string text;                ///< help text, or the usage error
};

/// Parses argv in the exporter-toolkit style (`--web.listen-address=:9877`), with the
/// subcommand `check-config FILE...`. Never throws: errors come back as kUsageError.
CommandLine ParseCommandLine(int argc, const char* const* argv);

/// `promsynth, version …` as printed by --version.
std::string VersionText();

}  // namespace promsynth
