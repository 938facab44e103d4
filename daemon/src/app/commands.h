#pragma once

#include <string>
#include <vector>

/// The entry points of the subcommands listed in subcommand.cc. Each takes the arguments after
/// its name and returns the exit code (0 success, 1 failure, 2 usage error).
namespace promsynth {

/// `check-config FILE... [flags]`: validates configuration files.
int RunCheckConfig(const std::vector<std::string>& args);

/// `slo check -f REQUEST.json [--evaluate-slope]`: the embedded SLO checker for CI pipelines.
int RunSloCheck(const std::vector<std::string>& args);

/// `import custom FILE [-o OUT]`: a seed-002 custom-functions JSON array as promsynth YAML.
int RunImportCustom(const std::vector<std::string>& args);

/// `import netops FILE [-o OUT]`: a seed-000 netops generator config as promsynth YAML.
int RunImportNetops(const std::vector<std::string>& args);

}  // namespace promsynth
