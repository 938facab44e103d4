#include <iostream>

#include "app/daemon.h"
#include "app/options.h"
#include "app/subcommand.h"

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
    case Action::kRunSubcommand:
      return command.subcommand->run(command.arguments);
    case Action::kRunDaemon:
      break;
  }
  promsynth::Log().Configure(command.daemon.log_level, command.daemon.log_format);
  promsynth::Daemon daemon(command.daemon);
  return daemon.Run();
}
