#include "expo/exemplar.h"

#include <cmath>

#include "expo/openmetrics_value.h"
#include "signal/random_stream.h"

namespace promsynth {
namespace {

StreamKey PositionKey(const FamilyLayout& family, const ExemplarPosition& position) {
  const StreamKey series = CombineKey(family.exemplar_key, family.expansion_offset + position.series);
  return CombineKey(CombineKey(series, static_cast<uint64_t>(position.tick)), position.line);
}

void AppendHex(std::string& out, uint64_t word) {
  static constexpr char kDigits[] = "0123456789abcdef";
  char text[16];
  for (int i = 15; i >= 0; --i) {
    text[i] = kDigits[word & 0xf];
    word >>= 4;
  }
  out.append(text, sizeof text);
}

}  // namespace

void AppendExemplar(std::string& out, const FamilyLayout& family, const ExemplarPosition& position,
                    double value, int64_t time_ms) {
  const StreamKey key = PositionKey(family, position);
  out += " # {";
  for (size_t j = 0; j < family.exemplars.size(); ++j) {
    const ExemplarLabel& label = family.exemplars[j];
    if (j > 0) out += ',';
    out += label.name;
    out += "=\"";
    for (size_t word = 0; word * 16 < label.hex_digits; ++word)
      AppendHex(out, CombineKey(key, (j << 8) | word));
    out += '"';
  }
  out += "} ";
  AppendOpenMetricsValue(out, value);
  out += ' ';
  AppendSecondsTimestamp(out, time_ms);
}

double ExemplarBucketValue(const FamilyLayout& family, const ExemplarPosition& position) {
  const std::vector<double>& bounds = family.buckets;
  const size_t bucket = position.line - 1;
  double lower = 0;
  double upper = 0;
  if (bounds.empty()) {
    upper = 1;
  } else if (bucket == 0) {
    upper = bounds[0];
    lower = upper > 0 ? 0 : upper - 1;
  } else if (bucket < bounds.size()) {
    lower = bounds[bucket - 1];
    upper = bounds[bucket];
  } else {
    lower = bounds.back();
    upper = lower + std::max(std::fabs(lower), 1.0);
  }
  // A uniform u in [0, 1) from the key's top 53 bits; upper − u·width lies in (lower, upper].
  const double u = static_cast<double>(Mix64(PositionKey(family, position)) >> 11) * 0x1.0p-53;
  return upper - u * (upper - lower);
}

}  // namespace promsynth
