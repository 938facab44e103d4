// Fuzz target for the exporter-toolkit web config loader (`--web.config.file`: TLS, basic auth,
// headers, rate limit): any text either loads or is refused with ConfigErrors; never a crash,
// another exception or UB. Relative paths resolve under a directory that does not exist, so the
// target reads no file but what an absolute path names.
#include <cstddef>
#include <cstdint>
#include <string>

#include "config/config_error.h"
#include "http/web_config.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    (void)promsynth::ParseWebConfig(text, "fuzz.yml", "/nonexistent-promsynth-fuzz");
  } catch (const promsynth::ConfigErrors&) {
  }
  return 0;
}
