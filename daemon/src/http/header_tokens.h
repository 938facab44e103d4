#pragma once

#include <string_view>

namespace promsynth {

/// `text` without the spaces and tabs HTTP allows around list items and parameters.
std::string_view TrimHeaderSpace(std::string_view text);

/// Whether `a` and `b` are equal ignoring ASCII case (header tokens, media types, parameter names).
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

}  // namespace promsynth
