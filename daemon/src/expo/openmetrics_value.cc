#include "expo/openmetrics_value.h"

#include <cmath>

#include "compat/python_float_format.h"

namespace promsynth {

void AppendOpenMetricsValue(std::string& out, double value) {
  if (std::isnan(value)) {
    out += "NaN";
  } else if (std::isinf(value)) {
    out += value > 0 ? "+Inf" : "-Inf";
  } else {
    compat::AppendPythonFloat(out, value);
  }
}

void AppendSecondsTimestamp(std::string& out, int64_t time_ms) {
  if (time_ms < 0) {
    out += '-';
    AppendSecondsTimestamp(out, -time_ms);
    return;
  }
  out += std::to_string(time_ms / 1000);
  int64_t millis = time_ms % 1000;
  if (millis == 0) return;
  char digits[4] = {static_cast<char>('0' + millis / 100), static_cast<char>('0' + millis / 10 % 10),
                    static_cast<char>('0' + millis % 10), 0};
  size_t length = 3;
  while (digits[length - 1] == '0') --length;
  out += '.';
  out.append(digits, length);
}

void AppendOpenMetricsEscaped(std::string& out, std::string_view text) {
  for (char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '"') {
      out += "\\\"";
    } else {
      out += c;
    }
  }
}

}  // namespace promsynth
