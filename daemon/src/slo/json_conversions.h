#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "slo/python_int.h"
#include "slo/python_json.h"

namespace promsynth::slo {

/// The outcome of a Python conversion: a value, or the message of the exception Python raises.
template <typename T>
struct Converted {
  std::optional<T> value;  ///< set on success
  std::string error;       ///< the exception message otherwise
};

/// Python's `float(x)` on a JSON value: numbers as parsed (an int too large for a double fails),
/// `true` 1.0, `false` 0.0, strings by PythonFloatFromString. `null`, arrays and objects fail
/// (TypeError).
Converted<double> PythonFloat(JsonValue value);

/// The value of a JSON number literal as Python's `json.loads` makes it: an int literal becomes the
/// correctly rounded double of the int (±inf when too large), a float literal the nearest double
/// (overflow gives ±inf, as Python's float() does), `NaN`/`Infinity`/`-Infinity` themselves.
double JsonNumberValue(JsonValue number);

/// JsonNumberValue of a literal as written, `integer` as JsonValue::is_integer() tells.
double JsonNumberValue(std::string_view literal, bool integer);

/// The int a JSON integer literal becomes.
PyInt JsonIntegerValue(JsonValue number);

/// JsonIntegerValue of an integer literal as written.
PyInt JsonIntegerValue(std::string_view literal);

/// Python's `int(x)` on a JSON value: ints as they are, floats truncated toward zero (NaN and ±inf
/// fail), `true` 1, `false` 0, strings by PyIntFromString. `null`, arrays and objects fail.
Converted<PyInt> PythonInt(JsonValue value);

}  // namespace promsynth::slo
