#include <filesystem>
#include <fstream>
#include <iostream>

#include "alerting/alert_rules_writer.h"
#include "alerting/netops_alert_rules.h"
#include "alerting/rules_test_writer.h"
#include "app/commands.h"
#include "app/config_source.h"
#include "app/options.h"
#include "config/config_error.h"
#include "plugin/plugin_loader.h"

namespace promsynth {
namespace {

constexpr std::string_view kUsage =
    "usage: promsynth rules --config.file=FILE -o DIR [--tests] [--tests.duration=15m] "
    "[--tests.max-series=10]";

bool WriteFile(const std::filesystem::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  out.close();
  if (!out) std::cerr << "promsynth rules: cannot write " << path.string() << "\n";
  return static_cast<bool>(out);
}

}  // namespace

int RunRules(const std::vector<std::string>& args) {
  std::string output_dir;
  bool tests = false;
  RulesTestOptions test_options;
  std::vector<std::string> flags;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if ((arg == "-o" || arg == "--output") && i + 1 < args.size()) {
      output_dir = args[++i];
    } else if (arg.starts_with("--output=")) {
      output_dir = arg.substr(9);
    } else if (arg == "--tests") {
      tests = true;
    } else if (arg.starts_with("--tests.duration=")) {
      const std::optional<Millis> duration = ParseDuration(arg.substr(17));
      if (!duration || duration->count() <= 0) {
        std::cerr << "promsynth rules: --tests.duration needs a positive duration such as 15m\n";
        return 2;
      }
      test_options.duration = *duration;
    } else if (arg.starts_with("--tests.max-series=")) {
      try {
        test_options.max_series_per_family = std::stoul(arg.substr(19));
      } catch (const std::exception&) {
        std::cerr << "promsynth rules: --tests.max-series needs a number\n";
        return 2;
      }
    } else if (arg == "--config.file" && i + 1 < args.size()) {
      flags.push_back("--config.file=" + args[++i]);
    } else {
      flags.push_back(arg);
    }
  }
  DaemonOptions daemon;
  daemon.config_file.clear();
  if (const std::optional<std::string> error = ParseDaemonFlags(flags, daemon)) {
    std::cerr << "promsynth rules: " << *error << "\n" << kUsage << "\n";
    return 2;
  }
  if (daemon.config_file.empty() || output_dir.empty()) {
    std::cerr << "promsynth rules: needs --config.file and -o\n" << kUsage << "\n";
    return 2;
  }
  const LoadOptions options{daemon.custom_functions_prefix, daemon.plugin_dir, {daemon.max_series}};
  PluginLoader loader;
  try {
    const LoadedConfig loaded = LoadConfigFile(daemon.config_file, options);
    const GeneratorRegistry registry = BuildGeneratorRegistry(loader, loaded, options);
    ValidateConfig(loaded, registry, options.limits);
    const std::vector<AlertRule> rules =
        loaded.netops ? NetopsAlertRules(*loaded.netops) : CollectAlertRules(loaded.config);
    std::filesystem::create_directories(output_dir);
    const std::filesystem::path dir(output_dir);
    if (!WriteFile(dir / test_options.rules_file, RenderRulesFile(rules, daemon.config_file))) return 1;
    std::cout << (dir / test_options.rules_file).string() << ": " << rules.size() << " alerting rules\n";
    if (tests) {
      if (loaded.netops) {
        std::cerr
            << "promsynth rules: --tests needs a promsynth YAML config (a netops generator's values are "
               "drawn per run)\n";
        return 1;
      }
      if (rules.empty()) {
        std::cerr << "promsynth rules: --tests: the config has no alerts to test\n";
        return 1;
      }
      const std::string text = RenderRulesTestFile(loaded.config, registry, test_options);
      if (!WriteFile(dir / "rules_test.yml", text)) return 1;
      std::cout << (dir / "rules_test.yml").string() << ": promtool tests over "
                << FormatDuration(test_options.duration) << "\n";
    }
  } catch (const ConfigErrors& errors) {
    std::cerr << daemon.config_file << ": invalid\n" << errors.what() << "\n";
    return 1;
  } catch (const std::filesystem::filesystem_error& error) {
    std::cerr << "promsynth rules: " << error.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace promsynth
