// Fuzz target for the seed-001 chaos-experiment TOML loader: any text either parses into a
// validated ChaosConfig or is refused with ConfigErrors; never a crash, another exception or UB.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "batch/chaos_config.h"
#include "config/config_error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)promsynth::LooksLikeChaosToml(text);
  try {
    const promsynth::ChaosConfig config = promsynth::ParseChaosToml(text, "fuzz.toml");
    // What the loader promises the generator (chaos_config.h): checked here so a loader that
    // lets a bad value through fails the fuzzer, not only one that crashes.
    if (config.num_samples < 1) std::abort();
    for (const promsynth::ChaosMetric& metric : config.metrics) {
      if (metric.smoothing_window < 1 || metric.smoothing_window > config.num_samples) std::abort();
      if (metric.anomaly && (metric.anomaly->at < 0 || metric.anomaly->recovery_time < 0 ||
                             metric.anomaly->recovery_time > config.num_samples - metric.anomaly->at)) {
        std::abort();
      }
    }
  } catch (const promsynth::ConfigErrors&) {
  }
  return 0;
}
