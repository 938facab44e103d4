// Fuzz target for the custom metrics generator's JSON array config (seed 002): parses or is
// refused with ConfigErrors; never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "config/config_error.h"
#include "plugin/custom_functions_config.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)promsynth::LooksLikeCustomFunctionsJson(text);
  try {
    (void)promsynth::ParseCustomFunctionsConfig(text, "fuzz.json");
  } catch (const promsynth::ConfigErrors&) {
  }
  return 0;
}
