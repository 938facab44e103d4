#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace promsynth {

/// A `promsynth <name> …` command: everything the binary does besides running the exporter.
///
/// Each command parses its own arguments and returns the process exit code: 0 for success,
/// 1 for a failure it reported (an invalid file, a failed check), 2 for a usage error.
struct Subcommand {
  std::string_view name;     ///< the words that select it, e.g. "check-config" or "slo check"
  std::string_view usage;    ///< its synopsis after "promsynth ", for --help
  std::string_view summary;  ///< what it does, one line, for --help
  int (*run)(const std::vector<std::string>& args);  ///< called with the arguments after `name`
};

/// Every subcommand, in the order --help lists them.
std::span<const Subcommand> Subcommands();

/// The subcommand that `arguments` (argv without the program name) starts with, and how many
/// words its name took; nullptr when the first argument names none.
const Subcommand* FindSubcommand(const std::vector<std::string>& arguments, size_t& name_words);

}  // namespace promsynth
