#include "app/import_arguments.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

namespace promsynth {

std::optional<ImportArguments> ParseImportArguments(const std::vector<std::string>& args,
                                                    const std::string& name) {
  ImportArguments arguments;
  std::vector<std::string> flags;
  std::vector<std::string> files;
  for (size_t i = 0; i < args.size(); ++i) {
    if ((args[i] == "-o" || args[i] == "--output") && i + 1 < args.size()) {
      arguments.output = args[++i];
    } else if (args[i].starts_with("--output=")) {
      arguments.output = args[i].substr(9);
    } else if (args[i].starts_with("-")) {
      flags.push_back(args[i]);
    } else {
      files.push_back(args[i]);
    }
  }
  if (files.size() != 1) {
    std::cerr << "promsynth " << name << ": needs exactly one input FILE; usage: promsynth " << name
              << " FILE [-o OUT.yml]\n";
    return std::nullopt;
  }
  arguments.input = files.front();
  if (const std::optional<std::string> error = ParseDaemonFlags(flags, arguments.daemon)) {
    std::cerr << "promsynth " << name << ": " << *error << "\n";
    return std::nullopt;
  }
  return arguments;
}

std::optional<std::string> ReadImportInput(const ImportArguments& arguments, const std::string& name) {
  std::ifstream in(arguments.input, std::ios::binary);
  if (!in) {
    std::cerr << "promsynth " << name << ": cannot read " << arguments.input << "\n";
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

int WriteImportOutput(const ImportArguments& arguments, const std::string& name, const std::string& yaml) {
  if (!arguments.output) {
    std::cout << yaml;
    return std::cout.good() ? 0 : 1;
  }
  const std::string temporary = *arguments.output + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << yaml;
    if (!out.good()) {
      std::cerr << "promsynth " << name << ": cannot write " << temporary << "\n";
      return 1;
    }
  }
  if (std::rename(temporary.c_str(), arguments.output->c_str()) != 0) {
    std::cerr << "promsynth " << name << ": cannot rename " << temporary << " to " << *arguments.output
              << "\n";
    return 1;
  }
  return 0;
}

}  // namespace promsynth
