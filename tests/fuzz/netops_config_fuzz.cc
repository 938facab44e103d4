// Fuzz target for the netops generator's JSON config (seed 000): any body either parses or is
// refused with ConfigErrors, as `POST /start` answers 400 then; never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "config/config_error.h"
#include "netops/netops_config.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)promsynth::netops::LooksLikeNetopsJson(text);
  try {
    (void)promsynth::netops::ParseNetopsConfig(text, "fuzz.json");
  } catch (const promsynth::ConfigErrors&) {
  }
  return 0;
}
