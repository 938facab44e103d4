// Fuzz target for the YAML config loader and the engine build after it: any text either loads
// (and then builds an engine, or is refused with ConfigErrors) or is refused with ConfigErrors.
// Any other exception, a crash or undefined behaviour is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "config/config_error.h"
#include "config/yaml_config_loader.h"
#include "engine/engine.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const promsynth::GeneratorRegistry registry = promsynth::GeneratorRegistry::WithBuiltins();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const promsynth::Config config = promsynth::ParseYamlConfig(text, "fuzz.yml");
    // A small series limit keeps a fuzzer-made "0..999999999" range from exhausting memory.
    promsynth::Engine engine(config, registry, promsynth::EngineLimits{.max_series = 10'000});
    engine.Step(1'700'000'000'000);
    engine.Step(1'700'000'001'000);
    engine.Publish();
  } catch (const promsynth::ConfigErrors&) {
  }
  return 0;
}
