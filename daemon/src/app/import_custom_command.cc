#include <iostream>

#include "app/commands.h"
#include "app/import_arguments.h"
#include "config/config_error.h"
#include "config/yaml_config_writer.h"
#include "plugin/custom_functions_config.h"

namespace promsynth {

int RunImportCustom(const std::vector<std::string>& args) {
  const std::string name = "import custom";
  const std::optional<ImportArguments> arguments = ParseImportArguments(args, name);
  if (!arguments) return 2;
  const std::optional<std::string> text = ReadImportInput(*arguments, name);
  if (!text) return 1;
  CustomFunctionsOptions options;
  options.prefix = arguments->daemon.custom_functions_prefix;
  options.advance = arguments->daemon.custom_functions_advance;
  options.advance_interval = arguments->daemon.custom_functions_advance_interval;
  try {
    const Config config = ParseCustomFunctionsConfig(*text, arguments->input, options);
    return WriteImportOutput(
        *arguments, name,
        WriteYamlConfig(config,
                        "Imported by `promsynth import custom` from " + arguments->input +
                            " (custom metrics generator, seed 002).\n"
                            "The seed_* kinds come from the example plugin seed_functions.so: run with\n"
                            "--plugin.dir=<dir of seed_functions.so> or add it under plugins:."));
  } catch (const ConfigErrors& errors) {
    std::cerr << arguments->input << ": invalid\n" << errors.what() << "\n";
    return 1;
  }
}

}  // namespace promsynth
