#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace promsynth::slo {

/// The value of `literal` when it is exactly `digits[.digits][(e|E)[sign]digits]` (one digit run
/// may be empty, not both) and one IEEE operation gives it correctly rounded: at most 19
/// significant digits, a significand of at most 2^53 once trailing zeros are folded into the
/// exponent, and a decimal exponent within ±22 (Clinger's fast path). NaN otherwise (no decimal
/// literal has that value), which leaves the literal to a full correctly rounded conversion.
/// Covers nearly every sample value and timestamp a Prometheus or Theodolite body carries. A plain
/// double, not an optional: GCC returns `std::optional<double>` through the stack, and the reload
/// stalled the hot loops that call this.
double ExactDecimal(std::string_view literal);

/// The value of the eight ASCII digits of `chunk` (its first character in the lowest byte, as
/// loaded from memory on a little-endian machine), or nothing when any of them is not a digit.
std::optional<std::uint32_t> EightDigitsValue(std::uint64_t chunk);

}  // namespace promsynth::slo
