#include "app/options.h"

#include <unistd.h>

#include <array>
#include <boost/program_options.hpp>
#include <sstream>

#include "engine/memory_estimate.h"
#include "ops/build_info.h"

namespace promsynth {
namespace po = boost::program_options;

namespace {

po::options_description DaemonFlags(DaemonOptions& options, std::string& log_level, std::string& log_format,
                                    std::string& shard, std::string& memory_limit) {
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
       "HTTP worker threads (concurrent requests).")  //
      ("slo.max-request-bytes",
       po::value(&options.slo_max_request_bytes)->default_value(options.slo_max_request_bytes),
       "Largest SLO check request body (POST / and /evaluate-slope) accepted; larger ones get 413.")  //
      ("plugin.dir", po::value(&options.plugin_dir)->default_value(options.plugin_dir),
       "Directory of sequence plugins (*.so) to load; the config's plugins: list adds more.")  //
      ("custom-functions.prefix",
       po::value(&options.custom_functions_prefix)->default_value(options.custom_functions_prefix),
       "Metric name prefix for a custom-functions JSON config (seed 002).")  //
      ("limits.max-series", po::value(&options.max_series)->default_value(options.max_series),
       "Refuse a configuration that expands to more series than this.")  //
      ("shard", po::value(&shard)->default_value("0/1"),
       "Generate only share i of n of every family's series (i/n with 0 <= i < n, or auto/n: i from the "
       "host name's -<ordinal> suffix, as in a StatefulSet).")  //
      ("memory.limit", po::value(&memory_limit)->default_value("0"),
       "Refuse a configuration whose estimated memory exceeds this (bytes; units KB MB GB, KiB MiB GiB; "
       "0: no limit).")                                                                                    //
      ("log.level", po::value(&log_level)->default_value("info"), "Log level: debug, info, warn, error.")  //
      ("log.format", po::value(&log_format)->default_value("logfmt"), "Log format: logfmt, json.");
  return flags;
}

std::string Usage(const po::options_description& flags) {
  std::ostringstream text;
  text << "usage: promsynth [flags]\n"
          "       promsynth check-config FILE...\n"
          "       promsynth slo check -f REQUEST.json [--evaluate-slope]\n\n"
          "A Prometheus exporter of synthetic metrics: realistic, deterministic series with scripted\n"
          "incidents, for testing alerts, dashboards, SLO checks and Prometheus itself.\n\n"
          "Commands:\n"
          "  (none)         run the exporter\n"
          "  check-config   validate configuration files; exit 0 when all are valid, 1 otherwise\n"
          "  slo check -f REQUEST.json [--evaluate-slope]\n"
          "                 evaluate a Theodolite SLO check request; print true/false; exit 0 / 1 (2: bad "
          "request)\n\n"
       << flags;
  return text.str();
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

CommandLine ParseCommandLine(int argc, const char* const* argv) {
  CommandLine result;
  std::string log_level;
  std::string log_format;
  std::string shard;
  std::string memory_limit;
  po::options_description flags = DaemonFlags(result.daemon, log_level, log_format, shard, memory_limit);

  std::vector<std::string> arguments(argv + 1, argv + argc);
  if (!arguments.empty() && arguments.front() == "check-config") {
    result.action = CommandLine::Action::kCheckConfig;
    // Files, and the daemon's flags that change how files are read (--plugin.dir, …).
    std::vector<std::string> check_flags;
    for (size_t i = 1; i < arguments.size(); ++i) {
      if (arguments[i] == "--help" || arguments[i] == "-h") {
        result.action = CommandLine::Action::kPrintHelp;
        result.text = Usage(flags);
        return result;
      }
      (arguments[i].starts_with("--") ? check_flags : result.files).push_back(arguments[i]);
    }
    try {
      po::variables_map values;
      po::store(po::command_line_parser(check_flags).options(flags).run(), values);
      po::notify(values);
    } catch (const po::error& error) {
      result.action = CommandLine::Action::kUsageError;
      result.text = std::string(error.what()) + "; see --help";
      return result;
    }
    if (result.files.empty()) {
      result.action = CommandLine::Action::kUsageError;
      result.text = "check-config needs at least one FILE";
    }
    if (auto bytes = ParseByteSize(memory_limit)) result.daemon.memory_limit_bytes = *bytes;
    return result;
  }
  if (arguments.size() >= 2 && arguments[0] == "slo" && arguments[1] == "check") {
    result.action = CommandLine::Action::kSloCheck;
    for (size_t i = 2; i < arguments.size(); ++i) {
      if ((arguments[i] == "-f" || arguments[i] == "--file") && i + 1 < arguments.size()) {
        result.files.push_back(arguments[++i]);
      } else if (arguments[i] == "--evaluate-slope") {
        result.evaluate_slope = true;
      } else {
        result.action = CommandLine::Action::kUsageError;
        result.text = "slo check: unexpected argument \"" + arguments[i] +
                      "\"; usage: promsynth slo check -f "
                      "REQUEST.json [--evaluate-slope]";
        return result;
      }
    }
    if (result.files.size() != 1) {
      result.action = CommandLine::Action::kUsageError;
      result.text = "slo check needs exactly one -f REQUEST.json";
    }
    return result;
  }
  if (!arguments.empty() && !arguments.front().starts_with("-")) {
    result.action = CommandLine::Action::kUsageError;
    result.text =
        "unknown command \"" + arguments.front() + "\" (known: check-config, slo check); see --help";
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
  auto level = Logger::ParseLevel(log_level);
  auto format = Logger::ParseFormat(log_format);
  if (!level || !format) {
    result.action = CommandLine::Action::kUsageError;
    result.text = !level ? "invalid --log.level \"" + log_level + "\" (allowed: debug, info, warn, error)"
                         : "invalid --log.format \"" + log_format + "\" (allowed: logfmt, json)";
    return result;
  }
  result.daemon.log_level = *level;
  result.daemon.log_format = *format;
  if (result.daemon.telemetry_path.empty() || result.daemon.telemetry_path.front() != '/') {
    result.action = CommandLine::Action::kUsageError;
    result.text = "invalid --web.telemetry-path \"" + result.daemon.telemetry_path + "\": must start with /";
    return result;
  }
  if (result.daemon.web_threads < 1) {
    result.action = CommandLine::Action::kUsageError;
    result.text = "invalid --web.threads: must be at least 1";
    return result;
  }
  std::string shard_error;
  std::array<char, 256> hostname{};
  gethostname(hostname.data(), hostname.size() - 1);
  if (auto parsed = ParseShard(shard, hostname.data(), shard_error)) {
    result.daemon.shard = *parsed;
  } else {
    result.action = CommandLine::Action::kUsageError;
    result.text = shard_error;
    return result;
  }
  if (auto bytes = ParseByteSize(memory_limit)) {
    result.daemon.memory_limit_bytes = *bytes;
  } else {
    result.action = CommandLine::Action::kUsageError;
    result.text = "invalid --memory.limit \"" + memory_limit +
                  "\": want bytes with an optional unit (e.g. 512MiB, 2GB)";
  }
  return result;
}

}  // namespace promsynth
