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

/// `generate -c FILE [-o DIR|-] [--format …] [--start/--end/--samples/--step]`: batch generation of
/// a promsynth config or a seed-001 chaos TOML file with the daemon's engine (README "Batch generation").
int RunGenerate(const std::vector<std::string>& args);

/// `import chaos FILE.toml [-o FILE.yml]`: converts a seed-001 chaos TOML file to promsynth YAML.
int RunImportChaos(const std::vector<std::string>& args);
/// `rules --config.file=F -o DIR [--tests]`: Prometheus alerting rules (and promtool tests) from the config.
int RunRules(const std::vector<std::string>& args);

/// `dashboard --config.file=F`: a Grafana dashboard for the config on stdout.
int RunDashboard(const std::vector<std::string>& args);

/// `import custom FILE [-o OUT]`: a seed-002 custom-functions JSON array as promsynth YAML.
int RunImportCustom(const std::vector<std::string>& args);

/// `import netops FILE [-o OUT]`: a seed-000 netops generator config as promsynth YAML.
int RunImportNetops(const std::vector<std::string>& args);

}  // namespace promsynth
