#pragma once

#include <cstddef>
#include <string>

namespace promsynth::compat {

/// The most bytes `WritePythonFloat` writes: a negative 17-digit mantissa in either layout, e.g.
/// "-2.2250738585072014e-308" (24 chars) or "-0.00012345678901234567" (23 chars), with room to spare.
inline constexpr size_t kMaxPythonFloatLength = 32;

/// Formats `value` exactly as Python 3's `repr(float)` and `str(float)` do (they are the same
/// since Python 3.2): the shortest digit string that reads back to the same double, laid out in
/// scientific notation when the decimal exponent is below -4 or at least 16 (`1e-05`, `1e+16`,
/// `1.8446744073709552e+19`; the exponent always has a sign and at least two digits), and in
/// positional notation otherwise, with `.0` appended to integral values (`2000.0`, `60.1`,
/// `0.0001`). Special values print as `nan` (whatever the sign bit), `inf`, `-inf`; negative zero
/// as `-0.0`. numpy's `str(numpy.float64)` prints the same text.
///
/// Thread-safe (no shared state). Allocates only the returned string.
std::string FormatPythonFloat(double value);

/// Appends `FormatPythonFloat(value)` to `out` without building a temporary string: the only
/// allocation is the growth of `out`, if any. Meant for serialisation loops.
void AppendPythonFloat(std::string& out, double value);

/// Writes `FormatPythonFloat(value)` to `out`, which has room for kMaxPythonFloatLength bytes, and
/// returns the number of bytes written (no terminator). Values from 1e-4 to 1e16 in magnitude (the
/// positional layout, where generated series live) take an exact 128-bit integer path (Ryu's
/// shortest-digit search on exactly computed bounds, ~10 ns); the rest go through std::to_chars.
/// Thread-safe, allocates nothing.
size_t WritePythonFloat(char* out, double value) noexcept;

/// The same text as WritePythonFloat computed through std::to_chars for every value: the reference
/// the fast path is tested against. Thread-safe, allocates nothing.
size_t WritePythonFloatReference(char* out, double value) noexcept;

}  // namespace promsynth::compat
