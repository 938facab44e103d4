// Fuzz target for the text-to-OpenMetrics translator of the daemon's own metrics: any text is
// translated without a crash or UB, and the translation never ends the exposition (`# EOF` is
// the caller's).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "expo/text_to_openmetrics.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string out;
  promsynth::AppendTextAsOpenMetrics(out, text);
  if (out.starts_with("# EOF") || out.find("\n# EOF") != std::string::npos) std::abort();
  return 0;
}
