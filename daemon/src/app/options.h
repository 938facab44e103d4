#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/alert_config.h"
#include "config/config.h"
#include "engine/shard.h"
#include "util/duration.h"
#include "util/logger.h"

namespace promsynth {

struct Subcommand;

/// Everything the command line sets for the daemon.
struct DaemonOptions {
  std::string config_file = "/etc/promsynth/promsynth.yml";
  std::string listen_address = ":9877";
  std::string telemetry_path = "/metrics";
  LogLevel log_level = LogLevel::kInfo;
  LogFormat log_format = LogFormat::kLogfmt;
  uint64_t max_series = 20'000'000;
  int web_threads = 16;
  std::string web_config_file;                   ///< exporter-toolkit web config (TLS, basic auth); "" = none
  uint64_t web_max_request_bytes = 16ULL << 20;  ///< request body of routes without their own limit
  uint64_t web_max_header_bytes = 64ULL << 10;   ///< request line + headers
  int64_t web_request_timeout_ms = 10000;        ///< see HttpLimits::request_timeout_ms
  int64_t web_busy_idle_timeout_ms = 1000;       ///< see HttpLimits::busy_idle_timeout_ms
  uint64_t slo_max_request_bytes = 64ULL << 20;
  std::string plugin_dir;                                      ///< load every *.so here as sequence plugins
  std::string custom_functions_prefix = "test_metrics_";       ///< seed-002 configs: metric name prefix
  std::string custom_functions_advance_flag = "tick";          ///< as given; parsed into the next two
  AdvanceMode custom_functions_advance = AdvanceMode::kTick;   ///< seed-002 configs: when values advance
  std::string custom_functions_advance_interval_flag = "60s";  ///< as given; parsed into the next one
  Millis custom_functions_advance_interval{60000};             ///< seed-002 configs: `interval` period
  uint64_t netops_seed = 0;                                    ///< seed of the netops sample draws
  std::string netops_is_error = "pinned";  ///< netops `is_error`: `pinned` phase or whole error `window`
  Shard shard;                             ///< --shard=i/n: this replica's share of the series
  uint64_t memory_limit_bytes = 0;         ///< --memory.limit: refuse larger configs (0: off)
  std::optional<AlertmanagerConfig>
      alertmanager;  ///< --alertmanager.url: used without alertmanager: in the config
};

/// What the command line asks for.
struct CommandLine {
  enum class Action { kRunDaemon, kRunSubcommand, kPrintVersion, kPrintHelp, kUsageError };
  Action action = Action::kRunDaemon;
  DaemonOptions daemon;
  const Subcommand* subcommand = nullptr;  ///< kRunSubcommand: which one
  std::vector<std::string> arguments;      ///< kRunSubcommand: the arguments after its name
  std::string text;                        ///< help text, or the usage error
};

/// Parses argv in the exporter-toolkit style (`--web.listen-address=:9877`), or recognises a
/// subcommand (subcommand.h) and leaves its arguments to it. Never throws: errors come back as
/// kUsageError.
CommandLine ParseCommandLine(int argc, const char* const* argv);

/// Parses the daemon's flags (for subcommands that read configs as the daemon would, e.g.
/// `--plugin.dir`) into `options`; the usage error, if any.
std::optional<std::string> ParseDaemonFlags(const std::vector<std::string>& flags, DaemonOptions& options);

/// `promsynth, version …` as printed by --version.
std::string VersionText();

}  // namespace promsynth
