#include <iostream>

#include "app/commands.h"
#include "app/import_arguments.h"
#include "config/config_error.h"
#include "config/yaml_config_writer.h"
#include "netops/netops_config.h"
#include "netops/netops_to_config.h"

namespace promsynth {

int RunImportNetops(const std::vector<std::string>& args) {
  const std::string name = "import netops";
  const std::optional<ImportArguments> arguments = ParseImportArguments(args, name);
  if (!arguments) return 2;
  const std::optional<std::string> text = ReadImportInput(*arguments, name);
  if (!text) return 1;
  try {
    const netops::NetopsConfig netops = netops::ParseNetopsConfig(*text, arguments->input);
    std::string alerts;
    const Config config = netops::NetopsToConfig(netops, arguments->input, &alerts);
    const std::string header =
        "Imported by `promsynth import netops` from " + arguments->input +
        " (netops generator, seed 000).\n"
        "The scenario group replays the original's timeline (Random(42)) tick for tick; the samples\n"
        "are drawn from global.seed. Not carried over (load the JSON itself for them): the alert\n"
        "series and texts, is_error, and /start /generate. The alerts were:\n" +
        alerts;
    return WriteImportOutput(*arguments, name, WriteYamlConfig(config, header));
  } catch (const ConfigErrors& errors) {
    std::cerr << arguments->input << ": invalid\n" << errors.what() << "\n";
    return 1;
  }
}

}  // namespace promsynth
