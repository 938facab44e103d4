#pragma once

#include <string>

#include "config/config.h"
#include "config/yaml_walker.h"

namespace promsynth {

/// Reads the keys of one `metrics:` entry that depend on its type — `mode`, `resets` (counter,
/// histogram, summary), `gaps` (every type), `buckets` (histogram), `quantiles` and `window` or
/// `max_age` (summary), `observations`, `observations_per_tick`, `max_observations_per_tick`
/// (histogram, summary) — into `metric`, whose `type`, `name`, `labels` and `tick` are already
/// read. A key that does not apply to the type is an error, as is each value out of range.
/// Internal to config/ (it takes yaml-cpp nodes).
void ReadMetricTypeOptions(Walker& walker, const YAML::Node& node, const std::string& path,
                           MetricConfig& metric);

/// The buckets a histogram gets without `buckets:` (client_golang's DefBuckets).
const std::vector<double>& DefaultHistogramBuckets();

/// The quantiles a summary gets without `quantiles:`.
const std::vector<double>& DefaultSummaryQuantiles();

}  // namespace promsynth
