#pragma once

#include <prometheus/metric_family.h>
#include <prometheus/text_serializer.h>

#include <string>
#include <vector>

#include "engine/snapshot.h"
#include "signal/stale_marker.h"

namespace promsynth::testing {

inline prometheus::MetricType OracleType(MetricType type) {
  switch (type) {
    case MetricType::kCounter:
      return prometheus::MetricType::Counter;
    case MetricType::kHistogram:
      return prometheus::MetricType::Histogram;
    case MetricType::kSummary:
      return prometheus::MetricType::Summary;
    case MetricType::kGauge:
      break;
  }
  return prometheus::MetricType::Gauge;
}

/// The same snapshot as prometheus-cpp metric families: the oracle for our renderer. Series with
/// the stale marker (in their first value, or a histogram's or summary's count) are left out.
inline std::vector<prometheus::MetricFamily> ToMetricFamilies(const Snapshot& snapshot) {
  std::vector<prometheus::MetricFamily> families;
  std::vector<size_t> digits;
  for (const FamilyLayout& layout : snapshot.layout->families) {
    prometheus::MetricFamily family;
    family.name = layout.name;
    family.help = layout.help;
    family.type = OracleType(layout.type);
    for (size_t i = 0; i < layout.series_count; ++i) {
      prometheus::ClientMetric metric;
      layout.Digits(i, digits);
      for (size_t c = 0; c < layout.columns.size(); ++c) {
        metric.label.push_back({layout.columns[c].name, layout.columns[c].values.ValueAt(digits[c])});
      }
      const double* own = snapshot.values.data() + layout.ValueIndex(i);
      switch (layout.type) {
        case MetricType::kCounter:
          if (IsStaleMarker(own[0])) continue;
          metric.counter.value = own[0];
          break;
        case MetricType::kGauge:
          if (IsStaleMarker(own[0])) continue;
          metric.gauge.value = own[0];
          break;
        case MetricType::kHistogram: {
          const size_t buckets = layout.buckets.size();
          if (IsStaleMarker(own[buckets])) continue;
          metric.histogram.sample_count = static_cast<uint64_t>(own[buckets]);
          metric.histogram.sample_sum = own[buckets + 1];
          // prometheus-cpp adds the +Inf bucket itself (with the sample count).
          for (size_t b = 0; b < buckets; ++b) {
            metric.histogram.bucket.push_back({static_cast<uint64_t>(own[b]), layout.buckets[b]});
          }
          break;
        }
        case MetricType::kSummary: {
          const size_t quantiles = layout.quantiles.size();
          if (IsStaleMarker(own[quantiles])) continue;
          metric.summary.sample_count = static_cast<uint64_t>(own[quantiles]);
          metric.summary.sample_sum = own[quantiles + 1];
          for (size_t q = 0; q < quantiles; ++q)
            metric.summary.quantile.push_back({layout.quantiles[q], own[q]});
          break;
        }
      }
      family.metric.push_back(std::move(metric));
    }
    families.push_back(std::move(family));
  }
  return families;
}

inline std::string SerializeWithPrometheusCpp(const Snapshot& snapshot) {
  return prometheus::TextSerializer().Serialize(ToMetricFamilies(snapshot));
}

}  // namespace promsynth::testing
