#pragma once

#include <memory>
#include <string>

#include "app/options.h"
#include "config/config.h"
#include "engine/engine.h"
#include "netops/netops_config.h"
#include "plugin/plugin_loader.h"
#include "signal/generator_registry.h"

namespace promsynth {

/// A loaded configuration: promsynth YAML, a seed-002 custom-functions JSON array (turned into
/// promsynth metrics), or a seed-000 netops JSON body (then `config` has no metrics and `netops`
/// holds the netops generator's configuration).
struct LoadedConfig {
  Config config;
  std::shared_ptr<const netops::NetopsConfig> netops;
};

/// How configuration files are read.
struct LoadOptions {
  std::string custom_functions_prefix = "test_metrics_";  ///< seed-002 metric names: prefix + name
  std::string plugin_dir;                                 ///< --plugin.dir; empty for none
  EngineLimits limits;
  AdvanceMode custom_functions_advance = AdvanceMode::kTick;  ///< seed-002 metrics: when they advance
  Millis custom_functions_advance_interval{60000};            ///< seed-002 metrics, advance interval
};

/// The load options the daemon's flags ask for.
LoadOptions LoadOptionsFrom(const DaemonOptions& options);

/// Reads a configuration file, detecting its format by content (not by extension). Throws
/// ConfigErrors with file, line and column.
LoadedConfig LoadConfigFile(const std::string& path, const LoadOptions& options);

/// The generator kinds a configuration may use: the built-in ones and every function of the
/// plugins in `options.plugin_dir` and in the config's `plugins:` list (relative paths are relative
/// to the config file). Throws ConfigErrors naming the plugin and the loader's reason.
GeneratorRegistry BuildGeneratorRegistry(PluginLoader& loader, const LoadedConfig& loaded,
                                         const LoadOptions& options);

/// Checks a loaded configuration completely (every generator's parameters, the series limit)
/// without starting anything. Throws ConfigErrors.
void ValidateConfig(const LoadedConfig& loaded, const GeneratorRegistry& registry,
                    const EngineLimits& limits);

}  // namespace promsynth
