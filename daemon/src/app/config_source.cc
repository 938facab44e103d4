#include "app/config_source.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "config/config_error.h"
#include "config/yaml_config_loader.h"
#include "engine/memory_estimate.h"
#include "plugin/custom_functions_config.h"
#include "plugin/plugin_error.h"

namespace promsynth {

LoadOptions LoadOptionsFrom(const DaemonOptions& options) {
  LoadOptions load;
  load.custom_functions_prefix = options.custom_functions_prefix;
  load.plugin_dir = options.plugin_dir;
  load.limits.max_series = options.max_series;
  load.limits.shard = options.shard;
  load.limits.memory_limit_bytes = options.memory_limit_bytes;
  load.custom_functions_advance = options.custom_functions_advance;
  load.custom_functions_advance_interval = options.custom_functions_advance_interval;
  return load;
}

LoadedConfig LoadConfigFile(const std::string& path, const LoadOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw ConfigErrors(
        {{{path, 0, 0}, "", "cannot read the config file", "", "a readable YAML or JSON file"}});
  }
  std::ostringstream text;
  text << in.rdbuf();
  LoadedConfig loaded;
  if (netops::LooksLikeNetopsJson(text.str())) {
    loaded.config.source_file = path;
    loaded.netops = std::make_shared<const netops::NetopsConfig>(netops::ParseNetopsConfig(text.str(), path));
  } else if (LooksLikeCustomFunctionsJson(text.str())) {
    CustomFunctionsOptions custom;
    custom.prefix = options.custom_functions_prefix;
    custom.advance = options.custom_functions_advance;
    custom.advance_interval = options.custom_functions_advance_interval;
    loaded.config = ParseCustomFunctionsConfig(text.str(), path, custom);
  } else {
    loaded.config = ParseYamlConfig(text.str(), path);
  }
  return loaded;
}

GeneratorRegistry BuildGeneratorRegistry(PluginLoader& loader, const LoadedConfig& loaded,
                                         const LoadOptions& options) {
  std::vector<ConfigError> errors;
  try {
    if (!options.plugin_dir.empty()) loader.LoadDirectory(options.plugin_dir);
  } catch (const PluginError& error) {
    errors.push_back(
        {{options.plugin_dir, 0, 0}, "--plugin.dir", error.what(), "", "loadable promsynth plugins"});
  }
  const std::filesystem::path base = std::filesystem::path(loaded.config.source_file).parent_path();
  for (const PluginPath& plugin : loaded.config.plugins) {
    const std::filesystem::path written(plugin.path);
    const std::filesystem::path file = written.is_absolute() ? written : base / written;
    try {
      loader.Load(file.string());
    } catch (const PluginError& error) {
      errors.push_back({plugin.location, "plugins", error.what(), plugin.path, "a promsynth plugin (.so)"});
    }
  }
  if (!errors.empty()) throw ConfigErrors(std::move(errors));
  GeneratorRegistry registry = GeneratorRegistry::WithBuiltins();
  loader.RegisterPluginFunctions(registry);
  return registry;
}

void ValidateConfig(const LoadedConfig& loaded, const GeneratorRegistry& registry,
                    const EngineLimits& limits) {
  const Config& config = loaded.config;
  std::vector<ConfigError> errors;
  ResolveConfigGenerators(config, registry, errors);
  if (auto too_many = SeriesLimitError(config, limits)) errors.push_back(*too_many);
  if (auto too_big = MemoryLimitError(config, limits)) errors.push_back(*too_big);
  if (!errors.empty()) throw ConfigErrors(std::move(errors));
}

}  // namespace promsynth
