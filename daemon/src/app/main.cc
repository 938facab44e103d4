#include <fstream>
#include <iostream>
#include <sstream>

#include "app/config_source.h"
#include "app/daemon.h"
#include "app/options.h"
#include "config/config_error.h"
#include "plugin/plugin_loader.h"
#include "signal/generator_registry.h"
#include "slo/generic_checker.h"
#include "slo/slope_checker.h"

namespace {

/// `promsynth check-config FILE...`: validates each file; 0 when all are valid.
int CheckConfig(const promsynth::CommandLine& command) {
  const promsynth::LoadOptions options{
      command.daemon.custom_functions_prefix,
      command.daemon.plugin_dir,
      {command.daemon.max_series, command.daemon.shard, command.daemon.memory_limit_bytes}};
  promsynth::PluginLoader loader;
  int status = 0;
  for (const std::string& file : command.files) {
    try {
      const promsynth::LoadedConfig loaded = promsynth::LoadConfigFile(file, options);
      const promsynth::GeneratorRegistry registry =
          promsynth::BuildGeneratorRegistry(loader, loaded, options);
      promsynth::ValidateConfig(loaded, registry, options.limits);
      if (loaded.netops) {
        std::cout << file << ": valid netops generator config (" << loaded.netops->metrics.size()
                  << " metrics, " << loaded.netops->scenarios.size() << " error scenarios)\n";
      } else {
        std::cout << file << ": valid (" << loaded.config.metrics.size() << " metric families, "
                  << loaded.config.SeriesCount() << " series)\n";
      }
    } catch (const promsynth::ConfigErrors& errors) {
      std::cerr << file << ": invalid (" << errors.errors().size() << " error"
                << (errors.errors().size() == 1 ? "" : "s") << ")\n"
                << errors.what() << "\n";
      status = 1;
    }
  }
  return status;
}

/// `promsynth slo check -f REQUEST.json`: the embedded SLO checker for CI pipelines. Prints the
/// checker's answer; exit 0 for true, 1 for false, 2 for a request the checker rejects.
int SloCheck(const promsynth::CommandLine& command) {
  std::ifstream in(command.files.front(), std::ios::binary);
  if (!in) {
    std::cerr << "promsynth: cannot read " << command.files.front() << "\n";
    return 2;
  }
  std::ostringstream body;
  body << in.rdbuf();
  const promsynth::slo::CheckResponse response = command.evaluate_slope
                                                     ? promsynth::slo::EvaluateSlopeRequest(body.str())
                                                     : promsynth::slo::EvaluateGenericRequest(body.str());
  if (response.status != 200) {
    std::cerr << response.body << "\n";
    return 2;
  }
  std::cout << response.body << "\n";
  return response.body == "true" ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  using Action = promsynth::CommandLine::Action;
  const promsynth::CommandLine command = promsynth::ParseCommandLine(argc, argv);
  switch (command.action) {
    case Action::kPrintHelp:
    case Action::kPrintVersion:
      std::cout << command.text;
      return 0;
    case Action::kUsageError:
      std::cerr << "promsynth: " << command.text << "\n";
      return 2;
    case Action::kCheckConfig:
      return CheckConfig(command);
    case Action::kSloCheck:
      return SloCheck(command);
    case Action::kRunDaemon:
      break;
  }
  promsynth::Log().Configure(command.daemon.log_level, command.daemon.log_format);
  promsynth::Daemon daemon(command.daemon);
  return daemon.Run();
}
