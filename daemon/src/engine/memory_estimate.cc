#include "engine/memory_estimate.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <utility>

namespace promsynth {
namespace {

// The objectives area refuses an SLO whose history holds more samples (ObjectiveSet).
constexpr uint64_t kMaxSamplesPerSlo = 10'000'000;

std::string Mebibytes(uint64_t bytes) {
  std::array<char, 32> text{};
  std::snprintf(text.data(), text.size(), "%.1f MiB", static_cast<double>(bytes) / (1 << 20));
  return text.data();
}

}  // namespace

std::string MemoryEstimate::Describe() const {
  return Mebibytes(total_bytes) + " (" + std::to_string(series) + " series x " +
         std::to_string(kBytesPerSeries) + " B + " + std::to_string(history_samples) +
         " SLO history samples x " + std::to_string(kBytesPerHistorySample) + " B + " +
         Mebibytes(kBaseBytes) + " base)";
}

MemoryEstimate EstimateMemory(const Config& config, const EngineLimits& limits) {
  MemoryEstimate estimate;
  for (const MetricConfig& metric : config.metrics) {
    const auto whole = static_cast<size_t>(metric.SeriesCount());
    estimate.series += limits.shard.End(whole) - limits.shard.Begin(whole);
  }
  for (const SloConfig& slo : config.slos) {
    if (slo.source != SloConfig::Source::kSeries) continue;
    const auto metric = std::find_if(config.metrics.begin(), config.metrics.end(),
                                     [&](const MetricConfig& m) { return m.name == slo.metric; });
    if (metric == config.metrics.end() || metric->tick.count() <= 0) continue;
    // Upper bound: the selector matches every series of the family in this shard.
    const auto whole = static_cast<size_t>(metric->SeriesCount());
    const uint64_t series = limits.shard.End(whole) - limits.shard.Begin(whole);
    const auto per_series = static_cast<uint64_t>(slo.window.count() / metric->tick.count()) + 1;
    estimate.history_samples += std::min(kMaxSamplesPerSlo, series * per_series);
  }
  estimate.total_bytes = MemoryEstimate::kBaseBytes + estimate.series * MemoryEstimate::kBytesPerSeries +
                         estimate.history_samples * MemoryEstimate::kBytesPerHistorySample;
  return estimate;
}

std::optional<ConfigError> MemoryLimitError(const Config& config, const EngineLimits& limits) {
  if (limits.memory_limit_bytes == 0) return std::nullopt;
  const MemoryEstimate estimate = EstimateMemory(config, limits);
  if (estimate.total_bytes <= limits.memory_limit_bytes) return std::nullopt;
  return ConfigError{{config.source_file, 0, 0},
                     "metrics",
                     "the config would need about " + estimate.Describe() + ", more than --memory.limit",
                     std::to_string(estimate.total_bytes) + " bytes",
                     "at most " + std::to_string(limits.memory_limit_bytes) +
                         " bytes (raise --memory.limit, shard with --shard=i/n, or shrink the label lists)"};
}

std::optional<uint64_t> ParseByteSize(std::string_view text) {
  uint64_t number = 0;
  const auto [end, status] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (status != std::errc() || end == text.data()) return std::nullopt;
  const std::string_view unit = text.substr(static_cast<size_t>(end - text.data()));
  constexpr std::array<std::pair<std::string_view, uint64_t>, 14> kUnits{{{"", 1},
                                                                          {"B", 1},
                                                                          {"KB", 1000},
                                                                          {"MB", 1000'000},
                                                                          {"GB", 1000'000'000},
                                                                          {"TB", 1000'000'000'000},
                                                                          {"K", 1ULL << 10},
                                                                          {"M", 1ULL << 20},
                                                                          {"G", 1ULL << 30},
                                                                          {"T", 1ULL << 40},
                                                                          {"KiB", 1ULL << 10},
                                                                          {"MiB", 1ULL << 20},
                                                                          {"GiB", 1ULL << 30},
                                                                          {"TiB", 1ULL << 40}}};
  for (const auto& [name, scale] : kUnits) {
    if (unit != name) continue;
    if (number > UINT64_MAX / scale) return std::nullopt;
    return number * scale;
  }
  return std::nullopt;
}

}  // namespace promsynth
