#include <filesystem>
#include <iostream>

#include "alerting/dashboard_writer.h"
#include "app/commands.h"
#include "app/config_source.h"
#include "app/options.h"
#include "config/config_error.h"
#include "plugin/plugin_loader.h"

namespace promsynth {

int RunDashboard(const std::vector<std::string>& args) {
  std::vector<std::string> flags;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--config.file" && i + 1 < args.size()) {
      flags.push_back("--config.file=" + args[++i]);
    } else {
      flags.push_back(args[i]);
    }
  }
  DaemonOptions daemon;
  daemon.config_file.clear();
  if (const std::optional<std::string> error = ParseDaemonFlags(flags, daemon)) {
    std::cerr << "promsynth dashboard: " << *error << "\nusage: promsynth dashboard --config.file=FILE\n";
    return 2;
  }
  if (daemon.config_file.empty()) {
    std::cerr << "promsynth dashboard: needs --config.file\nusage: promsynth dashboard --config.file=FILE\n";
    return 2;
  }
  const LoadOptions options{daemon.custom_functions_prefix, daemon.plugin_dir, {daemon.max_series}};
  PluginLoader loader;
  try {
    const LoadedConfig loaded = LoadConfigFile(daemon.config_file, options);
    const GeneratorRegistry registry = BuildGeneratorRegistry(loader, loaded, options);
    ValidateConfig(loaded, registry, options.limits);
    const DashboardSpec spec =
        loaded.netops ? DashboardOf(*loaded.netops, std::filesystem::path(daemon.config_file).stem().string())
                      : DashboardOf(loaded.config);
    std::cout << RenderDashboard(spec);
  } catch (const ConfigErrors& errors) {
    std::cerr << daemon.config_file << ": invalid\n" << errors.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace promsynth
