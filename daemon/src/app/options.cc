#include "app/options.h"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <boost/program_options.hpp>
#include <sstream>

#include "app/subcommand.h"
#include "engine/memory_estimate.h"
#include "ops/build_info.h"
#include "util/duration.h"

namespace promsynth {
namespace po = boost::program_options;

namespace {

/// Flags read as text and parsed after Program_options (their errors name the flag).
struct TextFlags {
  std::string log_level;
  std::string log_format;
  std::string request_timeout;
  std::string busy_idle_timeout;
  std::string shard;
  std::string memory_limit;
  std::string alertmanager_url;
};

po::options_description DaemonFlags(DaemonOptions& options, TextFlags& text) {
  po::options_description flags("Flags");
  flags.add_options()                                                            //
      ("help,h", "Show this help and exit.")                                     //
      ("version", "Show version, revision, build date and compiler, and exit.")  //
      ("config.file", po::value(&options.config_file)->default_value(options.config_file),
       "Configuration file: promsynth YAML (see README).")  //
      ("web.listen-address", po::value(&options.listen_address)->default_value(options.listen_address),
       "Address to listen on: host:port, :port or [ipv6]:port. Port 0 picks a free port.")  //
      ("web.telemetry-path", po::value(&options.telemetry_path)->default_value(options.telemetry_path),
       "Path under which to expose metrics.")  //
      ("web.threads", po::value(&options.web_threads)->default_value(options.web_threads),
       "HTTP worker threads: the connections served at once; more wait for a free worker.")  //
      ("web.config.file", po::value(&options.web_config_file)->default_value(options.web_config_file),
       "exporter-toolkit web config: TLS, basic auth users, response headers, rate limit (see README).")  //
      ("web.max-request-bytes",
       po::value(&options.web_max_request_bytes)->default_value(options.web_max_request_bytes),
       "Largest request body of a route without its own limit; larger ones get 413.")  //
      ("web.max-header-bytes",
       po::value(&options.web_max_header_bytes)->default_value(options.web_max_header_bytes),
       "Largest request line plus headers (at least 1024); larger ones get 413.")  //
      ("web.request-timeout", po::value(&text.request_timeout)->default_value("10s"),
       "Time a client has to send its request headers; also the limit for each body read, response "
       "write and TLS handshake, and the idle time of a kept-alive connection.")  //
      ("web.busy-idle-timeout", po::value(&text.busy_idle_timeout)->default_value("1s"),
       "While every HTTP worker is busy, connections that have had nothing sent to them this long "
       "(stuck clients, idle keep-alives, clients not reading their response) are closed, so a "
       "scrape never waits for them; 0 = never.")  //
      ("slo.max-request-bytes",
       po::value(&options.slo_max_request_bytes)->default_value(options.slo_max_request_bytes),
       "Largest SLO check request body (POST / and /evaluate-slope) accepted; larger ones get 413.")  //
      ("plugin.dir", po::value(&options.plugin_dir)->default_value(options.plugin_dir),
       "Directory of sequence plugins (*.so) to load; the config's plugins: list adds more.")  //
      ("custom-functions.prefix",
       po::value(&options.custom_functions_prefix)->default_value(options.custom_functions_prefix),
       "Metric name prefix for a custom-functions JSON config (seed 002).")  //
      ("custom-functions.advance",
       po::value(&options.custom_functions_advance_flag)
           ->default_value(options.custom_functions_advance_flag),
       "When the metrics of a custom-functions JSON config advance: tick (every tick), scrape (once "
       "per scrape: two scrapes give 1 then 4), interval (on a scrape, at most once per "
       "--custom-functions.advance-interval).")  //
      ("custom-functions.advance-interval",
       po::value(&options.custom_functions_advance_interval_flag)
           ->default_value(options.custom_functions_advance_interval_flag),
       "Least time between two advances in interval mode (the later original's 60s).")  //
      ("netops.seed", po::value(&options.netops_seed)->default_value(options.netops_seed),
       "Seed of the netops generator's sample draws (the scenario timeline keeps the original's "
       "fixed Random(42)).")  //
      ("netops.is-error", po::value(&options.netops_is_error)->default_value(options.netops_is_error),
       "Which netops ticks carry is_error: pinned (the pinned peak phase, as the later original) or "
       "window (the whole error window, as the README-era original).")  //
      ("limits.max-series", po::value(&options.max_series)->default_value(options.max_series),
       "Refuse a configuration that expands to more series than this.")  //
      ("shard", po::value(&text.shard)->default_value("0/1"),
       "Generate only share i of n of every family's series (i/n with 0 <= i < n, or auto/n: i from the "
       "host name's -<ordinal> suffix, as in a StatefulSet).")  //
      ("memory.limit", po::value(&text.memory_limit)->default_value("0"),
       "Refuse a configuration whose estimated memory exceeds this (bytes; units KB MB GB, KiB MiB GiB; "
       "0: no limit).")  //
      ("alertmanager.url", po::value(&text.alertmanager_url)->default_value(""),
       "Post the config's alerts straight to this Alertmanager (http://host:9093), as an "
       "alertmanager: section would; for a netops JSON config, the generator's own alerts. The "
       "config's own section wins.")  //
      ("log.level", po::value(&text.log_level)->default_value("info"),
       "Log level: debug, info, warn, error.")  //
      ("log.format", po::value(&text.log_format)->default_value("logfmt"), "Log format: logfmt, json.");
  return flags;
}

std::string Usage(const po::options_description& flags) {
  std::ostringstream text;
  text << "usage: promsynth [flags]\n";
  for (const Subcommand& command : Subcommands()) text << "       promsynth " << command.usage << "\n";
  text << "\nA Prometheus exporter of synthetic metrics: realistic, deterministic series with scripted\n"
          "incidents, for testing alerts, dashboards, SLO checks and Prometheus itself.\n\n"
          "Commands:\n"
          "  (none)         run the exporter\n";
  for (const Subcommand& command : Subcommands()) {
    std::string name(command.name);
    name.resize(std::max<size_t>(name.size() + 1, 15), ' ');
    text << "  " << name << command.summary << "\n";
  }
  text << "\n" << flags;
  return text.str();
}

/// Flags the daemon checks beyond what Program_options does; the error, if any.
std::optional<std::string> ValidateDaemonOptions(DaemonOptions& options, const TextFlags& text) {
  const std::string& log_level = text.log_level;
  const std::string& log_format = text.log_format;
  const std::string& request_timeout = text.request_timeout;
  auto level = Logger::ParseLevel(log_level);
  auto format = Logger::ParseFormat(log_format);
  if (!level) return "invalid --log.level \"" + log_level + "\" (allowed: debug, info, warn, error)";
  if (!format) return "invalid --log.format \"" + log_format + "\" (allowed: logfmt, json)";
  options.log_level = *level;
  options.log_format = *format;
  if (options.telemetry_path.empty() || options.telemetry_path.front() != '/') {
    return "invalid --web.telemetry-path \"" + options.telemetry_path + "\": must start with /";
  }
  if (options.web_threads < 1) return "invalid --web.threads: must be at least 1";
  const std::optional<Millis> timeout = ParseDuration(request_timeout);
  if (!timeout || timeout->count() < 1 || timeout->count() > 3'600'000) {
    return "invalid --web.request-timeout \"" + request_timeout +
           "\" (allowed: a duration from 1ms to 1h, e.g. 10s)";
  }
  options.web_request_timeout_ms = timeout->count();
  const std::optional<Millis> busy_idle =
      text.busy_idle_timeout == "0" ? Millis(0) : ParseDuration(text.busy_idle_timeout);
  if (!busy_idle || busy_idle->count() < 0 || busy_idle->count() > 3'600'000) {
    return "invalid --web.busy-idle-timeout \"" + text.busy_idle_timeout +
           "\" (allowed: 0 to turn it off, or a duration up to 1h, e.g. 1s)";
  }
  options.web_busy_idle_timeout_ms = busy_idle->count();
  if (options.web_max_header_bytes < 1024 || options.web_max_header_bytes > (1ULL << 30)) {
    return "invalid --web.max-header-bytes: must be from 1024 to 1073741824";
  }
  const std::string& advance = options.custom_functions_advance_flag;
  if (advance == "tick") {
    options.custom_functions_advance = AdvanceMode::kTick;
  } else if (advance == "scrape") {
    options.custom_functions_advance = AdvanceMode::kScrape;
  } else if (advance == "interval") {
    options.custom_functions_advance = AdvanceMode::kInterval;
  } else {
    return "invalid --custom-functions.advance \"" + advance + "\" (allowed: tick, scrape, interval)";
  }
  const std::optional<Millis> interval = ParseDuration(options.custom_functions_advance_interval_flag);
  if (!interval || interval->count() <= 0) {
    return "invalid --custom-functions.advance-interval \"" + options.custom_functions_advance_interval_flag +
           "\": a positive duration such as 60s";
  }
  options.custom_functions_advance_interval = *interval;
  if (options.netops_is_error != "pinned" && options.netops_is_error != "window") {
    return "invalid --netops.is-error \"" + options.netops_is_error + "\" (allowed: pinned, window)";
  }
  std::string shard_error;
  std::array<char, 256> hostname{};
  gethostname(hostname.data(), hostname.size() - 1);
  const std::optional<Shard> shard = ParseShard(text.shard, hostname.data(), shard_error);
  if (!shard) return shard_error;
  options.shard = *shard;
  const std::optional<uint64_t> bytes = ParseByteSize(text.memory_limit);
  if (!bytes) {
    return "invalid --memory.limit \"" + text.memory_limit +
           "\": want bytes with an optional unit (e.g. 512MiB, 2GB)";
  }
  options.memory_limit_bytes = *bytes;
  if (!text.alertmanager_url.empty()) {
    if (!text.alertmanager_url.starts_with("http://") && !text.alertmanager_url.starts_with("https://")) {
      return "invalid --alertmanager.url \"" + text.alertmanager_url +
             "\": want an http:// or https:// URL, e.g. http://127.0.0.1:9093";
    }
    options.alertmanager = AlertmanagerConfig{};
    options.alertmanager->url = text.alertmanager_url;
  }
  return std::nullopt;
}

}  // namespace

std::string VersionText() {
  const BuildInfo& info = GetBuildInfo();
  std::ostringstream text;
  text << "promsynth, version " << info.version << " (revision: " << info.revision << ")\n"
       << "  build date:       " << info.build_date << "\n"
       << "  compiler:         " << info.compiler << "\n"
       << "  platform:         linux/"
       <<
#if defined(__x86_64__)
      "amd64"
#elif defined(__aarch64__)
      "arm64"
#else
      "unknown"
#endif
       << "\n";
  return text.str();
}

std::optional<std::string> ParseDaemonFlags(const std::vector<std::string>& flags, DaemonOptions& options) {
  TextFlags text;
  const po::options_description description = DaemonFlags(options, text);
  try {
    po::variables_map values;
    po::store(po::command_line_parser(flags).options(description).run(), values);
    po::notify(values);
  } catch (const po::error& error) {
    return std::string(error.what()) + "; see --help";
  }
  return ValidateDaemonOptions(options, text);
}

CommandLine ParseCommandLine(int argc, const char* const* argv) {
  CommandLine result;
  TextFlags text;
  po::options_description flags = DaemonFlags(result.daemon, text);

  std::vector<std::string> arguments(argv + 1, argv + argc);
  size_t name_words = 0;
  if (const Subcommand* command = FindSubcommand(arguments, name_words)) {
    result.subcommand = command;
    result.arguments.assign(arguments.begin() + static_cast<std::ptrdiff_t>(name_words), arguments.end());
    for (const std::string& argument : result.arguments) {
      if (argument == "--help" || argument == "-h") {
        result.action = CommandLine::Action::kPrintHelp;
        result.text =
            "usage: promsynth " + std::string(command->usage) + "\n\n" + std::string(command->summary) + "\n";
        return result;
      }
    }
    result.action = CommandLine::Action::kRunSubcommand;
    return result;
  }
  if (!arguments.empty() && !arguments.front().starts_with("-")) {
    std::string known;
    for (const Subcommand& command : Subcommands())
      known += (known.empty() ? "" : ", ") + std::string(command.name);
    result.action = CommandLine::Action::kUsageError;
    result.text = "unknown command \"" + arguments.front() + "\" (known: " + known + "); see --help";
    return result;
  }
  po::variables_map values;
  try {
    po::store(po::command_line_parser(arguments).options(flags).run(), values);
    po::notify(values);
  } catch (const po::error& error) {
    result.action = CommandLine::Action::kUsageError;
    result.text = std::string(error.what()) + "; see --help";
    return result;
  }
  if (values.count("help") != 0) {
    result.action = CommandLine::Action::kPrintHelp;
    result.text = Usage(flags);
    return result;
  }
  if (values.count("version") != 0) {
    result.action = CommandLine::Action::kPrintVersion;
    result.text = VersionText();
    return result;
  }
  if (const std::optional<std::string> error = ValidateDaemonOptions(result.daemon, text)) {
    result.action = CommandLine::Action::kUsageError;
    result.text = *error;
  }
  return result;
}

}  // namespace promsynth
