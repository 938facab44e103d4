#include <charconv>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <variant>

#include "app/commands.h"
#include "app/config_source.h"
#include "batch/batch_runner.h"
#include "batch/chaos_config.h"
#include "batch/chaos_import.h"
#include "batch/csv_writer.h"
#include "batch/json_writer.h"
#include "batch/openmetrics_writer.h"
#include "batch/output_stream.h"
#include "batch/plot_png.h"
#include "batch/progress_bar.h"
#include "batch/remote_write_sink.h"
#include "batch/time_argument.h"
#include "config/config_error.h"
#include "config/yaml_config_loader.h"
#include "plugin/plugin_loader.h"

namespace promsynth {
namespace {

constexpr std::string_view kUsage =
    "usage: promsynth generate -c FILE [-o DIR|-] [--format csv|json|openmetrics]\n"
    "         [--start TIME] [--end TIME] [--samples N] [--step DURATION]\n"
    "         [--no-plot] [--no-progress] [--independent-noise] [--plugin.dir DIR]\n"
    "         [--remote-write.url URL [--remote-write.username U --remote-write.password-file F]\n"
    "          [--remote-write.bearer-token-file F] [--remote-write.header 'Name: value']...\n"
    "          [--remote-write.max-samples N]] [--remote-write]\n";

/// The flags of `generate` after parsing: name → value ("" for a switch).
struct GenerateFlags {
  std::map<std::string, std::string> values;
  std::vector<std::string> headers;  ///< --remote-write.header, repeatable
  bool Has(const std::string& name) const { return values.count(name) != 0; }
  const std::string& Get(const std::string& name) const { return values.at(name); }
};

std::optional<std::string> ParseFlags(const std::vector<std::string>& args, GenerateFlags& flags) {
  static const std::map<std::string, std::string> kValueFlags = {
      {"-c", "config"},
      {"--config", "config"},
      {"--config.file", "config"},
      {"-o", "output"},
      {"--output", "output"},
      {"--format", "format"},
      {"--start", "start"},
      {"--end", "end"},
      {"--samples", "samples"},
      {"--step", "step"},
      {"--plugin.dir", "plugin.dir"},
      {"--remote-write.url", "rw.url"},
      {"--remote-write.username", "rw.username"},
      {"--remote-write.password-file", "rw.password-file"},
      {"--remote-write.bearer-token-file", "rw.bearer-token-file"},
      {"--remote-write.header", "rw.header"},
      {"--remote-write.max-samples", "rw.max-samples"}};
  static const std::map<std::string, std::string> kSwitches = {{"--no-plot", "no-plot"},
                                                               {"--no-progress", "no-progress"},
                                                               {"--independent-noise", "independent-noise"},
                                                               {"--remote-write", "remote-write"}};
  for (size_t i = 0; i < args.size(); ++i) {
    std::string name = args[i];
    std::optional<std::string> value;
    if (const size_t equals = name.find('='); name.starts_with("--") && equals != std::string::npos) {
      value = name.substr(equals + 1);
      name.resize(equals);
    }
    if (const auto flag = kSwitches.find(name); flag != kSwitches.end() && !value) {
      flags.values[flag->second] = "";
      continue;
    }
    const auto flag = kValueFlags.find(name);
    if (flag == kValueFlags.end()) return "unknown argument " + args[i];
    if (!value) {
      if (i + 1 >= args.size()) return name + " needs a value";
      value = args[++i];
    }
    if (flag->second == "rw.header") {
      flags.headers.push_back(*value);
      continue;
    }
    flags.values[flag->second] = *value;
  }
  if (!flags.Has("config")) return "-c FILE (or --config.file FILE) is required";
  return std::nullopt;
}

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigErrors({{{path, 0, 0}, "", "cannot read the config file", "", "a readable file"}});
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

/// The sample times of a promsynth config from --start, --end, --samples and --step.
std::variant<BatchRange, std::string> RangeFromFlags(const GenerateFlags& flags, const Config& config) {
  BatchRange range;
  range.step_ms = config.global.tick.count();
  if (flags.Has("step")) {
    const std::optional<Millis> step = ParseDuration(flags.Get("step"));
    if (!step || step->count() <= 0)
      return "--step: not a positive duration: " + flags.Get("step") + " (e.g. 15s)";
    range.step_ms = step->count();
  }
  const int64_t now = NowMs();
  std::optional<int64_t> start;
  std::optional<int64_t> end;
  std::optional<int64_t> samples;
  if (flags.Has("start") && !(start = ParseTimeArgument(flags.Get("start"), now))) {
    return "--start: not a time: " + flags.Get("start") + " (RFC 3339, unix seconds, now or now-6h)";
  }
  if (flags.Has("end") && !(end = ParseTimeArgument(flags.Get("end"), now))) {
    return "--end: not a time: " + flags.Get("end") + " (RFC 3339, unix seconds, now or now-6h)";
  }
  if (flags.Has("samples")) {
    const std::string& text = flags.Get("samples");
    int64_t count = 0;
    const auto [ptr, error] = std::from_chars(text.data(), text.data() + text.size(), count);
    if (error != std::errc() || ptr != text.data() + text.size() || count < 1) {
      return "--samples: not a positive whole number: " + text;
    }
    samples = count;
  }
  if (start && end && samples) return "give two of --start, --end and --samples, not all three";
  if (end && !start && !samples) return "--end needs --start or --samples";
  if (!end && !samples) return "say how long: --end TIME or --samples N";
  if (start && end) {
    if (*end < *start) return "--end is before --start";
    range.start_ms = *start;
    range.samples = (*end - *start) / range.step_ms + 1;
  } else if (end) {
    range.samples = *samples;
    range.start_ms = *end - (*samples - 1) * range.step_ms;
  } else {
    range.start_ms = start.value_or(0);  // default: the epoch, where a seed-001 run starts
    range.samples = *samples;
  }
  return range;
}

/// The remote write targets of the run: --remote-write.url with its flags, and/or the config's
/// own `remote_write:` list (--remote-write). An error message instead when a flag is bad.
std::variant<std::vector<RemoteWriteConfig>, std::string> RemoteWriteTargets(const GenerateFlags& flags,
                                                                             const Config& config) {
  std::vector<RemoteWriteConfig> targets;
  if (flags.Has("remote-write")) {
    if (config.remote_write.empty())
      return std::string("--remote-write: the config has no remote_write: section");
    targets = config.remote_write;
  }
  const bool any_flag = flags.Has("rw.username") || flags.Has("rw.password-file") ||
                        flags.Has("rw.bearer-token-file") || flags.Has("rw.max-samples") ||
                        !flags.headers.empty();
  if (!flags.Has("rw.url")) {
    if (any_flag) return std::string("--remote-write.* flags need --remote-write.url");
    return targets;
  }
  RemoteWriteConfig target;
  target.url = flags.Get("rw.url");
  if (!target.url.starts_with("http://") && !target.url.starts_with("https://")) {
    return "--remote-write.url: not an http:// or https:// URL: " + target.url;
  }
  if (flags.Has("rw.username")) target.username = flags.Get("rw.username");
  if (flags.Has("rw.password-file")) {
    if (target.username.empty())
      return std::string("--remote-write.password-file needs --remote-write.username");
    target.password_file = flags.Get("rw.password-file");
  }
  if (flags.Has("rw.bearer-token-file")) target.bearer_token_file = flags.Get("rw.bearer-token-file");
  for (const std::string& header : flags.headers) {
    const size_t colon = header.find(':');
    if (colon == std::string::npos || colon == 0) {
      return "--remote-write.header: not \"Name: value\": " + header;
    }
    std::string value = header.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    target.headers.emplace_back(header.substr(0, colon), value);
  }
  if (flags.Has("rw.max-samples")) {
    const std::string& text = flags.Get("rw.max-samples");
    size_t count = 0;
    const auto [ptr, error] = std::from_chars(text.data(), text.data() + text.size(), count);
    if (error != std::errc() || ptr != text.data() + text.size() || count < 1) {
      return "--remote-write.max-samples: not a positive whole number: " + text;
    }
    target.max_samples = count;
  }
  target.max_retries = 3;  // a command line run reports a dead receiver within seconds
  targets.push_back(std::move(target));
  return targets;
}

int Fail(const std::string& message, int code) {
  std::cerr << "promsynth generate: " << message << "\n";
  if (code == 2) std::cerr << kUsage;
  return code;
}

}  // namespace

int RunGenerate(const std::vector<std::string>& args) {
  GenerateFlags flags;
  if (const std::optional<std::string> error = ParseFlags(args, flags)) return Fail(*error, 2);
  const std::string format = flags.Has("format") ? flags.Get("format") : "csv";
  if (format != "csv" && format != "json" && format != "openmetrics") {
    return Fail("--format: unknown format " + format + " (csv, json, openmetrics)", 2);
  }
  const std::string& path = flags.Get("config");
  const std::string output = flags.Has("output") ? flags.Get("output") : "output";
  try {
    const std::string text = ReadText(path);
    Config config;
    BatchRange range;
    const LoadOptions options{"test_metrics_", flags.Has("plugin.dir") ? flags.Get("plugin.dir") : "", {}};
    PluginLoader loader;
    std::unique_ptr<GeneratorRegistry> registry;
    if (LooksLikeChaosToml(text)) {
      for (const char* flag : {"start", "end", "samples", "step"}) {
        if (flags.Has(flag)) {
          return Fail(
              std::string("--") + flag + " does not apply to a seed-001 TOML file (num_samples sets the run)",
              2);
        }
      }
      ChaosConfig chaos = ParseChaosToml(text, path);
      if (flags.Has("independent-noise")) chaos.independent_noise = true;
      if (ChooseRandomSeed(chaos)) {
        std::cerr << "promsynth generate: seed = 0 asks for a random seed; using seed " << chaos.seed
                  << " (write seed = " << chaos.seed << " in [general] to repeat this run)\n";
      }
      config = ParseYamlConfig(ChaosToYaml(chaos), path + " (converted to promsynth YAML)");
      range = ChaosRange(chaos);
      registry = std::make_unique<GeneratorRegistry>(GeneratorRegistry::WithBuiltins());
    } else {
      if (flags.Has("independent-noise"))
        return Fail("--independent-noise applies only to seed-001 TOML files", 2);
      LoadedConfig loaded = LoadConfigFile(path, options);
      if (loaded.netops)
        return Fail(path + ": a seed-000 netops body has no batch mode (it runs live only)", 1);
      registry = std::make_unique<GeneratorRegistry>(BuildGeneratorRegistry(loader, loaded, options));
      ValidateConfig(loaded, *registry, options.limits);
      config = std::move(loaded.config);
      // The batch writers have one column per series; a histogram or summary series has many.
      for (const MetricConfig& metric : config.metrics) {
        if (metric.type == MetricType::kHistogram || metric.type == MetricType::kSummary) {
          return Fail(path + ": " + metric.name + " is a " + std::string(MetricTypeName(metric.type)) +
                          "; batch generation covers gauges and counters (generate without it, or scrape the "
                          "daemon for it)",
                      1);
        }
      }
      auto parsed = RangeFromFlags(flags, config);
      if (const std::string* error = std::get_if<std::string>(&parsed)) return Fail(*error, 2);
      range = std::get<BatchRange>(parsed);
    }
    Engine engine(config, *registry, options.limits);

    auto remote = RemoteWriteTargets(flags, config);
    if (const std::string* error = std::get_if<std::string>(&remote)) return Fail(*error, 2);
    std::vector<std::unique_ptr<RemoteWriteSink>> pushers;
    for (const RemoteWriteConfig& target : std::get<std::vector<RemoteWriteConfig>>(remote)) {
      pushers.push_back(std::make_unique<RemoteWriteSink>(target));
    }
    // Pushing alone writes no file unless -o or --format asks for one too.
    const bool write_file = pushers.empty() || flags.Has("output") || flags.Has("format");

    const bool to_stdout = output == "-";
    if (write_file && !to_stdout) std::filesystem::create_directories(output);
    const std::string extension = format == "openmetrics" ? "om.txt" : format;
    const std::string data_file =
        to_stdout ? "-" : (std::filesystem::path(output) / ("metrics." + extension)).string();
    std::unique_ptr<OutputStream> stream;
    std::unique_ptr<BatchSink> writer;
    std::vector<BatchSink*> sinks;
    if (write_file) {
      stream = std::make_unique<OutputStream>(data_file);
      if (format == "csv") writer = std::make_unique<CsvWriter>(*stream);
      if (format == "json") writer = std::make_unique<JsonWriter>(*stream);
      if (format == "openmetrics") writer = std::make_unique<OpenMetricsWriter>(*stream);
      sinks.push_back(writer.get());
    }
    std::unique_ptr<PlotPng> plot;
    const std::string plot_file = (std::filesystem::path(output) / "metrics.png").string();
    if (write_file && !to_stdout && !flags.Has("no-plot")) {
      plot = std::make_unique<PlotPng>(plot_file);
      sinks.push_back(plot.get());
    }
    for (const auto& pusher : pushers) sinks.push_back(pusher.get());
    const bool show_progress = !flags.Has("no-progress") && ProgressBar::StderrIsTerminal();
    ProgressBar progress(range.samples, 2, show_progress, "promsynth generate");
    RunBatch(engine, range, sinks, &progress,
             [&] { return std::make_unique<Engine>(config, *registry, options.limits); });
    if (write_file && !to_stdout) {
      std::cerr << "promsynth generate: wrote " << data_file << (plot ? " and " + plot_file : "") << " ("
                << range.samples << " samples of " << engine.series_count() << " series)\n";
    }
    for (const auto& pusher : pushers) {
      std::cerr << "promsynth generate: pushed " << pusher->samples_sent() << " samples in "
                << pusher->requests_sent() << " remote write requests\n";
    }
    return 0;
  } catch (const ConfigErrors& errors) {
    std::cerr << path << ": invalid (" << errors.errors().size() << " error"
              << (errors.errors().size() == 1 ? "" : "s") << ")\n"
              << errors.what() << "\n";
    return 1;
  } catch (const std::exception& error) {
    return Fail(error.what(), 1);
  }
}

}  // namespace promsynth
