#include <fstream>
#include <iostream>

#include "app/commands.h"
#include "batch/chaos_config.h"
#include "batch/chaos_import.h"
#include "config/config_error.h"

namespace promsynth {

int RunImportChaos(const std::vector<std::string>& args) {
  std::string input;
  std::string output = "-";
  bool independent_noise = false;
  for (size_t i = 0; i < args.size(); ++i) {
    if ((args[i] == "-o" || args[i] == "--output") && i + 1 < args.size()) {
      output = args[++i];
    } else if (args[i].starts_with("--output=")) {
      output = args[i].substr(9);
    } else if (args[i] == "--independent-noise") {
      independent_noise = true;
    } else if (input.empty() && !args[i].starts_with("-")) {
      input = args[i];
    } else {
      std::cerr << "promsynth import chaos: unexpected argument " << args[i]
                << "\nusage: promsynth import chaos FILE.toml [-o FILE.yml] [--independent-noise]\n";
      return 2;
    }
  }
  if (input.empty()) {
    std::cerr << "usage: promsynth import chaos FILE.toml [-o FILE.yml] [--independent-noise]\n";
    return 2;
  }
  try {
    ChaosConfig chaos = LoadChaosTomlFile(input);
    if (independent_noise) chaos.independent_noise = true;
    if (ChooseRandomSeed(chaos)) {
      std::cerr << "promsynth import chaos: seed = 0 asks for a random seed; the YAML uses seed "
                << chaos.seed << "\n";
    }
    const std::string yaml = ChaosToYaml(chaos);
    if (output == "-") {
      std::cout << yaml;
      return std::cout.flush() ? 0 : 1;
    }
    std::ofstream out(output, std::ios::binary);
    out << yaml;
    if (!out.flush()) {
      std::cerr << "promsynth import chaos: cannot write " << output << "\n";
      return 1;
    }
    return 0;
  } catch (const ConfigErrors& errors) {
    std::cerr << input << ": invalid (" << errors.errors().size() << " error"
              << (errors.errors().size() == 1 ? "" : "s") << ")\n"
              << errors.what() << "\n";
    return 1;
  }
}

}  // namespace promsynth
