#pragma once

#include <string>
#include <string_view>

#include "config/config.h"

namespace promsynth {

/// Writes a configuration as promsynth YAML that `ParseYamlConfig` reads back into the same
/// metrics, scenario groups and plugins (`promsynth import …`). Names are written as exported
/// (namespace applied, `_total` included), so no `global.namespace` is written; a metric's tick
/// is written when it differs from the global one. SLOs are not written. `header` is written
/// first as `#` comment lines.
std::string WriteYamlConfig(const Config& config, std::string_view header = {});

}  // namespace promsynth
