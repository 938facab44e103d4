#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace promsynth::slo {

/// Decodes the code point at `pos` of a string in the checker's internal encoding and advances `pos`.
/// The internal encoding is UTF-8 in which every code point is encoded on its own, including the lone
/// UTF-16 surrogates that a Python `str` may hold (3 bytes `ED A0..BF xx`). The text must be valid in
/// that encoding, which the JSON parser guarantees for every string it hands out.
char32_t NextCodePoint(std::string_view text, std::size_t& pos);

/// Appends `code_point` (0..0x10FFFF, surrogates allowed) to `out` in the internal encoding.
void AppendCodePoint(char32_t code_point, std::string& out);

/// Number of code points of a string in the internal encoding: Python's `len(str)`.
std::size_t CodePointCount(std::string_view text);

/// Python's `str.isspace()` for one code point.
bool IsPythonSpace(char32_t code_point);

/// The value 0-9 of a Unicode decimal digit (category Nd as in Python 3.10, Unicode 13.0), or -1.
int DecimalDigitValue(char32_t code_point);

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`, the first step of `float(str)` and
/// `int(str)`: code points below 127 stay, other white space becomes ' ', other decimal digits
/// become '0'..'9', and the first other code point becomes '?' and ends the result.
std::string TransformDecimalAndSpaceToAscii(std::string_view text);

/// CPython's `Py_ISSPACE` on an ASCII byte: space, \t, \n, \v, \f, \r.
constexpr bool IsAsciiSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/// An ASCII decimal digit, '0' to '9'.
constexpr bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

/// Quotes a string for an error message the way Python's `repr` would for simple text, e.g. `'abc'`,
/// cut to `max_code_points`.
std::string QuoteForMessage(std::string_view text, std::size_t max_code_points = 40);

}  // namespace promsynth::slo
