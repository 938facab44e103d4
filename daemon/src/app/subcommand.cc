#include "app/subcommand.h"

#include <array>

#include "app/commands.h"

namespace promsynth {
namespace {

constexpr std::array kSubcommands = {
    Subcommand{"check-config",
               "check-config FILE... [--plugin.dir=DIR] [--web.config.file=FILE] [--limits.max-series=N]",
               "validate configuration files; exit 0 when all are valid, 1 otherwise", RunCheckConfig},
    Subcommand{"slo check", "slo check -f REQUEST.json [--evaluate-slope]",
               "evaluate a Theodolite SLO check request; print true/false; exit 0 / 1 (2: bad request)",
               RunSloCheck},
    Subcommand{
        "generate",
        "generate -c FILE [-o DIR|-] [--format csv|json|openmetrics] [--start T] [--end T] [--samples N] "
        "[--step D] [--no-plot] [--no-progress] [--independent-noise]",
        "generate a config's series offline (CSV, JSON, OpenMetrics for promtool backfill, PNG plot)",
        RunGenerate},
    Subcommand{"import chaos", "import chaos FILE.toml [-o FILE.yml] [--independent-noise]",
               "convert a seed-001 chaos-experiment TOML file to promsynth YAML", RunImportChaos},
    Subcommand{
        "rules", "rules --config.file=FILE -o DIR [--tests] [--tests.duration=15m]",
        "write DIR/rules.yml (Prometheus alerting rules) and, with --tests, DIR/rules_test.yml (promtool)",
        RunRules},
    Subcommand{"dashboard", "dashboard --config.file=FILE",
               "print a Grafana dashboard (JSON) for the config: a panel per metric, alert thresholds",
               RunDashboard},
    Subcommand{
        "import custom",
        "import custom FILE [-o OUT.yml] [--custom-functions.prefix=P] [--custom-functions.advance=MODE]",
        "convert a custom metrics generator JSON array (seed 002) to promsynth YAML", RunImportCustom},
    Subcommand{"import netops", "import netops FILE [-o OUT.yml]",
               "convert a netops generator config (seed 000) to promsynth YAML with a scenario group",
               RunImportNetops},
};

/// The words of a subcommand's name ("slo check" has two).
std::vector<std::string_view> Words(std::string_view name) {
  std::vector<std::string_view> words;
  while (!name.empty()) {
    const size_t space = name.find(' ');
    words.push_back(name.substr(0, space));
    name = space == std::string_view::npos ? std::string_view() : name.substr(space + 1);
  }
  return words;
}

}  // namespace

std::span<const Subcommand> Subcommands() { return kSubcommands; }

const Subcommand* FindSubcommand(const std::vector<std::string>& arguments, size_t& name_words) {
  for (const Subcommand& command : kSubcommands) {
    const std::vector<std::string_view> words = Words(command.name);
    if (arguments.size() < words.size()) continue;
    bool match = true;
    for (size_t i = 0; i < words.size() && match; ++i) match = arguments[i] == words[i];
    if (match) {
      name_words = words.size();
      return &command;
    }
  }
  return nullptr;
}

}  // namespace promsynth
