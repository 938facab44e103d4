#include "config/config.h"

#include <bit>
#include <limits>
#include <vector>

namespace promsynth {
namespace {

uint64_t SaturatingMultiply(uint64_t a, uint64_t b) {
  if (a != 0 && b > std::numeric_limits<uint64_t>::max() / a) return std::numeric_limits<uint64_t>::max();
  return a * b;
}

// The sum of `count(metric)` over `metrics`, saturating at UINT64_MAX.
template <typename Count>
uint64_t SaturatingSum(const std::vector<MetricConfig>& metrics, Count count) {
  uint64_t total = 0;
  for (const MetricConfig& metric : metrics) {
    const uint64_t n = count(metric);
    total =
        n > std::numeric_limits<uint64_t>::max() - total ? std::numeric_limits<uint64_t>::max() : total + n;
  }
  return total;
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

std::string_view MetricTypeName(MetricType type) {
  switch (type) {
    case MetricType::kGauge:
      return "gauge";
    case MetricType::kCounter:
      return "counter";
    case MetricType::kHistogram:
      return "histogram";
    case MetricType::kSummary:
      return "summary";
  }
  return "untyped";
}

size_t MetricConfig::ValuesPerSeries() const {
  switch (type) {
    case MetricType::kHistogram:
      return buckets.size() + 2;
    case MetricType::kSummary:
      return quantiles.size() + 2;
    case MetricType::kGauge:
    case MetricType::kCounter:
      break;
  }
  return 1;
}

uint64_t MetricConfig::SeriesCount() const {
  uint64_t count = 1;
  for (const LabelDimension& dimension : labels) count = SaturatingMultiply(count, dimension.values.size());
  return count;
}

uint64_t MetricConfig::ExposedSeriesCount() const {
  const uint64_t per_label_set = type == MetricType::kHistogram ? buckets.size() + 3 : ValuesPerSeries();
  return SaturatingMultiply(SeriesCount(), per_label_set);
}

bool MetricConfig::SameDefinition(const MetricConfig& other) const {
  return name == other.name && type == other.type && labels == other.labels && tick == other.tick &&
         generator == other.generator && counter_mode == other.counter_mode && resets == other.resets &&
         gaps == other.gaps && buckets == other.buckets && quantiles == other.quantiles &&
         window == other.window && observations == other.observations && advance == other.advance &&
         advance_interval == other.advance_interval;
}

uint64_t Config::SeriesCount() const {
  return SaturatingSum(metrics, [](const MetricConfig& metric) { return metric.ExposedSeriesCount(); });
}

uint64_t Config::LabelSetCount() const {
  return SaturatingSum(metrics, [](const MetricConfig& metric) { return metric.SeriesCount(); });
}

}  // namespace promsynth
