#include "slo/exact_decimal.h"

#include <limits>

namespace promsynth::slo {

std::optional<std::uint32_t> EightDigitsValue(std::uint64_t chunk) {
  if (exact_decimal_detail::NonDigitBytes(chunk) != 0) return std::nullopt;
  return exact_decimal_detail::CombineEightDigits(chunk - 0x3030303030303030);
}

double ExactDecimal(std::string_view literal) {
  const char* p = literal.data();
  const char* const end = p + literal.size();
  DecimalDigits digits;
  if (!ScanDecimal<DecimalGrammar::kPythonFloat>(p, end, digits) || p != end) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  return ExactDecimalValue(digits);
}

}  // namespace promsynth::slo
