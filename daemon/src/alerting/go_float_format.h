#pragma once

#include <string>

namespace promsynth {

/// Formats a float64 as Go's `fmt.Sprint` (`%v`) does: the shortest digits that read back
/// exactly, in plain notation for exponents from −4 to 5 and as `d.ddde±XX` otherwise
/// (`90`, `0.5`, `1e+06`, `1.5e-05`), `NaN`, `+Inf`, `-Inf`.
///
/// This is how Prometheus prints `{{ $value }}` in an annotation and how Helm prints a number
/// from the values, so the rules and the expectations promsynth writes match both byte for byte.
std::string FormatGoFloat(double value);

}  // namespace promsynth
