#include <iostream>

#include "app/commands.h"
#include "app/config_source.h"
#include "app/options.h"
#include "config/config_error.h"
#include "http/web_config.h"
#include "plugin/plugin_loader.h"
#include "signal/generator_registry.h"

namespace promsynth {

int RunCheckConfig(const std::vector<std::string>& args) {
  // Files, and the daemon's flags that change how files are read (--plugin.dir, …).
  std::vector<std::string> files;
  std::vector<std::string> flags;
  for (const std::string& arg : args) (arg.starts_with("-") ? flags : files).push_back(arg);
  DaemonOptions daemon;
  if (const std::optional<std::string> error = ParseDaemonFlags(flags, daemon)) {
    std::cerr << "promsynth check-config: " << *error << "\n";
    return 2;
  }
  if (files.empty()) {
    std::cerr << "promsynth check-config: needs at least one FILE\n";
    return 2;
  }
  const LoadOptions options = LoadOptionsFrom(daemon);
  PluginLoader loader;
  int status = 0;
  for (const std::string& file : files) {
    try {
      const LoadedConfig loaded = LoadConfigFile(file, options);
      const GeneratorRegistry registry = BuildGeneratorRegistry(loader, loaded, options);
      ValidateConfig(loaded, registry, options.limits);
      if (loaded.netops) {
        std::cout << file << ": valid netops generator config (" << loaded.netops->metrics.size()
                  << " metrics, " << loaded.netops->scenarios.size() << " error scenarios)\n";
      } else {
        std::cout << file << ": valid (" << loaded.config.metrics.size() << " metric families, "
                  << loaded.config.SeriesCount() << " series)\n";
      }
    } catch (const ConfigErrors& errors) {
      std::cerr << file << ": invalid (" << errors.errors().size() << " error"
                << (errors.errors().size() == 1 ? "" : "s") << ")\n"
                << errors.what() << "\n";
      status = 1;
    }
  }
  if (!daemon.web_config_file.empty()) {
    const std::string& file = daemon.web_config_file;
    try {
      const WebConfig web = LoadWebConfigFile(file);
      std::cout << file << ": valid web config (TLS " << (web.tls ? "on" : "off") << ", "
                << web.basic_auth_users.size() << " basic auth users)\n";
    } catch (const ConfigErrors& errors) {
      std::cerr << file << ": invalid web config\n" << errors.what() << "\n";
      status = 1;
    }
  }
  return status;
}

}  // namespace promsynth
