#include "config/config.h"

#include <bit>
#include <limits>

namespace promsynth {
namespace {

uint64_t SaturatingMultiply(uint64_t a, uint64_t b) {
  if (a != 0 && b > std::numeric_limits<uint64_t>::max() / a) return std::numeric_limits<uint64_t>::max();
  return a * b;
}

}  // namespace

bool GeneratorConfig::operator==(const GeneratorConfig& other) const {
  if (kind != other.kind || params.size() != other.params.size()) return false;
  for (const auto& [name, param] : params) {
    auto it = other.params.find(name);
    if (it == other.params.end()) return false;
    const GeneratorParam& o = it->second;
    if (param.kind != o.kind || param.text != o.text || param.numbers != o.numbers) return false;
    // Compare bit patterns so that a NaN parameter still equals itself.
    if (std::bit_cast<uint64_t>(param.number) != std::bit_cast<uint64_t>(o.number)) return false;
  }
  return terms == other.terms && input == other.input && stages == other.stages;
}

uint64_t MetricConfig::SeriesCount() const {
  uint64_t count = 1;
  for (const LabelDimension& dimension : labels) count = SaturatingMultiply(count, dimension.values.size());
  return count;
}

bool MetricConfig::SameDefinition(const MetricConfig& other) const {
  return name == other.name && type == other.type && labels == other.labels && tick == other.tick &&
         generator == other.generator && advance == other.advance &&
         advance_interval == other.advance_interval;
}

uint64_t Config::SeriesCount() const {
  uint64_t total = 0;
  for (const MetricConfig& metric : metrics) {
    const uint64_t count = metric.SeriesCount();
    total = count > std::numeric_limits<uint64_t>::max() - total ? std::numeric_limits<uint64_t>::max()
                                                                 : total + count;
  }
  return total;
}

}  // namespace promsynth
