#include "engine/family_kernel.h"

#include "config/config_error.h"
#include "engine/counter_kernel.h"
#include "engine/gauge_kernel.h"
#include "engine/histogram_kernel.h"
#include "engine/summary_kernel.h"

namespace promsynth {
namespace {

// The window of a summary in ticks: window ÷ tick, rounded up.
int64_t WindowTicks(const MetricConfig& metric) {
  const int64_t tick = metric.tick.count();
  return std::max<int64_t>(1, (metric.window.count() + tick - 1) / tick);
}

}  // namespace

void ResolveMetricGenerators(const MetricConfig& metric, const GeneratorRegistry& registry,
                             const std::string& path, std::vector<ConfigError>& errors) {
  if (metric.type == MetricType::kHistogram || metric.type == MetricType::kSummary) {
    registry.Resolve(metric.observations.value, path + ".observations", errors);
    registry.Resolve(metric.observations.per_tick, path + ".observations_per_tick", errors);
    return;
  }
  registry.Resolve(metric.generator, path + ".generator", errors);
}

std::unique_ptr<FamilyKernel> MakeFamilyKernel(const MetricConfig& metric, const GeneratorRegistry& registry,
                                               const std::string& path, size_t series_count) {
  switch (metric.type) {
    case MetricType::kGauge:
      return std::make_unique<GaugeKernel>(
          registry.Make(metric.generator, path + ".generator", series_count));
    case MetricType::kCounter:
      return std::make_unique<CounterKernel>(
          registry.Make(metric.generator, path + ".generator", series_count), metric.counter_mode,
          ResetSchedule(metric.resets));
    case MetricType::kHistogram:
    case MetricType::kSummary:
      break;
  }
  ObservationSource source(
      registry.Make(metric.observations.value, path + ".observations", series_count),
      registry.Make(metric.observations.per_tick, path + ".observations_per_tick", series_count),
      metric.observations.max_per_tick, series_count);
  if (metric.type == MetricType::kHistogram) {
    return std::make_unique<HistogramKernel>(std::move(source), metric.buckets, ResetSchedule(metric.resets));
  }
  return std::make_unique<SummaryKernel>(
      std::move(source), metric.quantiles,
      WindowQuantiles(series_count, WindowTicks(metric), metric.observations.max_per_tick),
      ResetSchedule(metric.resets));
}

}  // namespace promsynth
