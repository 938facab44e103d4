#pragma once

#include <string>
#include <string_view>

namespace promsynth {

/// Appends `text`, exposition in the text format 0.0.4 as prometheus-cpp writes it (the daemon's
/// own metrics, the netops generator's), translated to OpenMetrics 1.0.0: a counter family's
/// `# TYPE`/`# HELP` name loses its `_total` (a counter sample without `_total` gains it),
/// `untyped` becomes `unknown`, the value `Nan` becomes `NaN`, `"` in HELP is escaped; blank
/// lines and other comments are dropped. No `# EOF`: the caller ends the exposition.
/// Allocates a little (meant for small texts, not for the generated series).
void AppendTextAsOpenMetrics(std::string& out, std::string_view text);

}  // namespace promsynth
