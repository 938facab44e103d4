#include "plugin/plugin_generator_kind.h"

#include <string>
#include <vector>

#include "config/config_error.h"
#include "plugin/plugin_error.h"
#include "plugin/plugin_generator.h"

namespace promsynth {
namespace {

// Beyond this a reset interval could not be reached in the lifetime of the universe anyway,
// and it still converts to int64 exactly.
constexpr double kMaxResetInterval = 1e15;

}  // namespace

GeneratorKind PluginGeneratorKind(std::shared_ptr<const PluginLibrary> library,
                                  const PluginFunction& function) {
  GeneratorKind kind;
  kind.name = function.name;
  kind.foreign = true;
  kind.help = function.help;
  for (const PluginParam& param : function.params) {
    kind.params.push_back({.name = param.name,
                           .type = param.type,
                           .default_value = param.default_value,
                           .required = param.required,
                           .min = param.min,
                           .max = param.max,
                           .help = param.help,
                           .integer = param.integer});
  }
  kind.params.push_back({.name = kResetIntervalParam,
                         .default_value = 0,
                         .min = -kMaxResetInterval,
                         .max = kMaxResetInterval,
                         .help = "restart the sequence every this many steps (seed 002 semantics); 0 = never",
                         .integer = true});
  const PluginFunction* function_ptr = &function;
  kind.make = [library, function_ptr](const ResolvedParams& params,
                                      size_t series_count) -> std::unique_ptr<Generator> {
    std::vector<double> values;
    for (const PluginParam& param : function_ptr->params) values.push_back(params.Get(param.name));
    const auto reset_interval = static_cast<int64_t>(params.Get(kResetIntervalParam));
    try {
      return std::make_unique<PluginGenerator>(library, *function_ptr, std::move(values), reset_interval,
                                               series_count);
    } catch (const PluginError& e) {
      throw ConfigErrors({ConfigError{.key = function_ptr->name, .message = e.what()}});
    }
  };
  return kind;
}

}  // namespace promsynth
