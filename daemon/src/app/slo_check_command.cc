#include <fstream>
#include <iostream>
#include <sstream>

#include "app/commands.h"
#include "slo/generic_checker.h"
#include "slo/slope_checker.h"

namespace promsynth {

int RunSloCheck(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  bool evaluate_slope = false;
  for (size_t i = 0; i < args.size(); ++i) {
    if ((args[i] == "-f" || args[i] == "--file") && i + 1 < args.size()) {
      files.push_back(args[++i]);
    } else if (args[i] == "--evaluate-slope") {
      evaluate_slope = true;
    } else {
      std::cerr << "promsynth slo check: unexpected argument \"" << args[i]
                << "\"; usage: promsynth slo check -f REQUEST.json [--evaluate-slope]\n";
      return 2;
    }
  }
  if (files.size() != 1) {
    std::cerr << "promsynth slo check: needs exactly one -f REQUEST.json\n";
    return 2;
  }
  std::ifstream in(files.front(), std::ios::binary);
  if (!in) {
    std::cerr << "promsynth slo check: cannot read " << files.front() << "\n";
    return 2;
  }
  std::ostringstream body;
  body << in.rdbuf();
  const slo::CheckResponse response =
      evaluate_slope ? slo::EvaluateSlopeRequest(body.str()) : slo::EvaluateGenericRequest(body.str());
  if (response.status != 200) {
    std::cerr << response.body << "\n";
    return 2;
  }
  std::cout << response.body << "\n";
  return response.body == "true" ? 0 : 1;
}

}  // namespace promsynth
