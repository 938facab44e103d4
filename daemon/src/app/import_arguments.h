#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/options.h"

namespace promsynth {

/// The arguments every `promsynth import <format>` takes: the input FILE, `-o OUT` (default:
/// standard output) and the daemon's flags that change how the input is read.
struct ImportArguments {
  std::string input;
  std::optional<std::string> output;
  DaemonOptions daemon;
};

/// Parses `args` for the command `name` ("import custom"); prints the usage error and returns
/// nothing when they are wrong.
std::optional<ImportArguments> ParseImportArguments(const std::vector<std::string>& args,
                                                    const std::string& name);

/// Reads the input file whole; prints the error and returns nothing when it cannot.
std::optional<std::string> ReadImportInput(const ImportArguments& arguments, const std::string& name);

/// Writes `yaml` to the output (a file is written under a temporary name and renamed); the exit code.
int WriteImportOutput(const ImportArguments& arguments, const std::string& name, const std::string& yaml);

}  // namespace promsynth
