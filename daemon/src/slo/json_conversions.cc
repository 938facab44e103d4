#include "slo/json_conversions.h"

#include <cmath>
#include <limits>
#include <string_view>

#include "slo/python_float.h"
#include "slo/unicode_text.h"

namespace promsynth::slo {
namespace {

std::string TypeError(const char* what, JsonValue value) {
  return std::string(what) + ", not '" + std::string(value.PythonTypeName()) + "'";
}

}  // namespace

double JsonNumberValue(JsonValue number) {
  return JsonNumberValue(number.number_text(), number.is_integer());
}

double JsonNumberValue(std::string_view text, bool integer) {
  if (text == "NaN") return std::numeric_limits<double>::quiet_NaN();
  if (text == "Infinity") return std::numeric_limits<double>::infinity();
  if (text == "-Infinity") return -std::numeric_limits<double>::infinity();
  if (integer) return JsonIntegerValue(text).approx;
  const bool negative = text.front() == '-';
  if (negative) text.remove_prefix(1);
  const double magnitude = ParseUnsignedDecimal(text);
  return negative ? -magnitude : magnitude;
}

PyInt JsonIntegerValue(JsonValue number) { return JsonIntegerValue(number.number_text()); }

PyInt JsonIntegerValue(std::string_view text) {
  const bool negative = text.front() == '-';
  if (negative) text.remove_prefix(1);
  return PyIntFromDigits(negative, text);
}

Converted<double> PythonFloat(JsonValue value) {
  switch (value.kind()) {
    case JsonKind::kTrue:
      return {1.0, {}};
    case JsonKind::kFalse:
      return {0.0, {}};
    case JsonKind::kNumber:
      if (value.is_integer()) {
        const PyInt i = JsonIntegerValue(value);
        if (i.float_overflow) return {std::nullopt, "int too large to convert to float"};
        return {i.approx, {}};
      }
      return {JsonNumberValue(value), {}};
    case JsonKind::kString:
      if (const std::optional<double> d = PythonFloatFromString(value.string())) return {*d, {}};
      return {std::nullopt, "could not convert string to float: " + QuoteForMessage(value.string())};
    default:
      return {std::nullopt, TypeError("float() argument must be a string or a real number", value)};
  }
}

Converted<PyInt> PythonInt(JsonValue value) {
  switch (value.kind()) {
    case JsonKind::kTrue:
      return {PyIntFromInt64(1), {}};
    case JsonKind::kFalse:
      return {PyIntFromInt64(0), {}};
    case JsonKind::kNumber: {
      if (value.is_integer()) return {JsonIntegerValue(value), {}};
      const double d = JsonNumberValue(value);
      if (std::isnan(d)) return {std::nullopt, "cannot convert float NaN to integer"};
      if (std::isinf(d)) return {std::nullopt, "cannot convert float infinity to integer"};
      return {PyIntFromDouble(d), {}};
    }
    case JsonKind::kString:
      if (const std::optional<PyInt> i = PyIntFromString(value.string())) return {*i, {}};
      return {std::nullopt, "invalid literal for int() with base 10: " + QuoteForMessage(value.string())};
    default:
      return {std::nullopt,
              TypeError("int() argument must be a string, a bytes-like object or a real number", value)};
  }
}

}  // namespace promsynth::slo
