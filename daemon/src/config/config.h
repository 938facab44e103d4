#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "config/alert_config.h"
#include "config/fault_config.h"
#include "config/label_values.h"
#include "config/remote_write_config.h"
#include "config/scenario_config.h"
#include "config/slo_config.h"
#include "config/source_location.h"
#include "util/duration.h"

namespace promsynth {

/// The exposition type of a configured metric.
enum class MetricType { kGauge, kCounter, kHistogram, kSummary };

/// The name of a type as the text format's `# TYPE` line writes it (`gauge`, `counter`…).
std::string_view MetricTypeName(MetricType type);

/// What a counter's generator gives.
enum class CounterMode {
  kIncrements,  ///< the increment per tick (the default)
  kRate,        ///< a rate per second: the increment is the value × the tick in seconds
  kTotal,       ///< the counter's total itself; a decrease is exported as it is (a reset)
};

/// When a metric's values advance (seed 002's three behaviours).
enum class AdvanceMode {
  kTick,      ///< on every tick of the metric's own clock (default)
  kScrape,    ///< once per scrape of the telemetry path, before it is rendered (the original's v1)
  kInterval,  ///< on a scrape, when `advance_interval` has passed since the last advance (v2's 60 s)
};

/// One parameter of a generator as written in the config: a number, a string or a list of numbers.
struct GeneratorParam {
  enum class Kind { kNumber, kText, kNumberList };
  Kind kind = Kind::kNumber;
  double number = 0;
  std::string text;
  std::vector<double> numbers;
  SourceLocation location;
};

/// A generator as written in the config; `kind` selects the implementation and the generator
/// registry validates `params` against that kind's declared parameters.
///
/// The same shape describes one entry of `stages:` (`kind` is then the stage's name, e.g.
/// `anomaly`, and a scalar shorthand such as `{round: 6}` is stored as the parameter `value`).
struct GeneratorConfig {
  std::string kind;
  std::map<std::string, GeneratorParam> params;
  std::vector<GeneratorConfig> terms;   ///< `terms:` of a composite (`sum`, `product`)
  std::vector<GeneratorConfig> input;   ///< `input:` of a wrapper (`scale`, `offset`): at most one
  std::vector<GeneratorConfig> stages;  ///< `stages:`, applied in order after the baseline
  SourceLocation location;              ///< where the generator mapping starts
  SourceLocation kind_location;         ///< where `kind:` is written

  bool operator==(const GeneratorConfig& other) const;
};

/// One label of a metric after expansion: every value it takes, in config order.
struct LabelDimension {
  std::string name;
  LabelValues values;
  SourceLocation location;

  bool operator==(const LabelDimension& other) const { return name == other.name && values == other.values; }
};

/// When a cumulative series (counter, histogram, summary) restarts from 0: `resets:`.
/// Every schedule is aligned to the epoch, so replicas reset at the same tick.
struct ResetConfig {
  Millis every{0};             ///< a reset at the first tick at or after each multiple of this (0: none)
  int64_t every_ticks = 0;     ///< a reset at every tick k with k mod every_ticks = 0 (0: none)
  std::vector<int64_t> at_ms;  ///< a reset at the first tick at or after each of these times
  SourceLocation location;

  bool empty() const { return every.count() == 0 && every_ticks == 0 && at_ms.empty(); }
  bool operator==(const ResetConfig& other) const {
    return every == other.every && every_ticks == other.every_ticks && at_ms == other.at_ms;
  }
};

/// A window in which every series of a family is absent from scrapes: `[from, to)` in
/// milliseconds since the epoch, or, when `every` is set, the first `length` of every period
/// `every` (aligned to the epoch, shifted by `offset`).
struct AbsentWindow {
  int64_t from_ms = 0;
  int64_t to_ms = 0;
  Millis every{0};
  Millis length{0};
  Millis offset{0};

  bool operator==(const AbsentWindow& other) const = default;
};

/// Gaps and special values in what a family exports (`gaps:`), decided per (series, tick) from
/// the series' random stream, so every replica leaves out the same samples.
struct GapConfig {
  double drop_probability = 0;       ///< a series is absent from a tick's scrape with this probability
  std::vector<AbsentWindow> absent;  ///< windows in which the whole family is absent
  double nan_probability = 0;        ///< gauge and counter: the sample is NaN
  double inf_probability = 0;        ///< gauge and counter: the sample is +Inf
  double neg_inf_probability = 0;    ///< gauge and counter: the sample is -Inf
  SourceLocation location;

  bool empty() const {
    return drop_probability == 0 && absent.empty() && nan_probability == 0 && inf_probability == 0 &&
           neg_inf_probability == 0;
  }
  bool operator==(const GapConfig& other) const {
    return drop_probability == other.drop_probability && absent == other.absent &&
           nan_probability == other.nan_probability && inf_probability == other.inf_probability &&
           neg_inf_probability == other.neg_inf_probability;
  }
};

/// Where a histogram's or a summary's observations come from.
struct ObservationConfig {
  GeneratorConfig value;      ///< `observations:`: the distribution of one observation
  GeneratorConfig per_tick;   ///< `observations_per_tick:` (a number is a constant generator)
  uint32_t max_per_tick = 0;  ///< `max_observations_per_tick:` (0: not given)
  SourceLocation location;

  bool operator==(const ObservationConfig& other) const {
    return value == other.value && per_tick == other.per_tick && max_per_tick == other.max_per_tick;
  }
};

/// One label of the exemplars a metric carries (`exemplars:`): a generated hex id, 32 digits for
/// `trace_id` (a W3C trace id), 16 for any other name (e.g. `span_id`).
struct ExemplarLabel {
  std::string name;
  size_t hex_digits = 16;

  bool operator==(const ExemplarLabel& other) const = default;
};

/// OpenMetrics' bound on an exemplar's label set: names and values together, in characters.
inline constexpr size_t kMaxExemplarLabelChars = 128;

/// One `metrics:` entry: a family of series, the cartesian product of its label dimensions.
struct MetricConfig {
  std::string name;  ///< full exposition name: namespace applied, `_total` for counters
  std::string help;
  std::string unit;
  MetricType type = MetricType::kGauge;
  std::vector<LabelDimension> labels;
  Millis tick{1000};  ///< the metric's own tick, or the global one
  AdvanceMode advance = AdvanceMode::kTick;
  Millis advance_interval{60000};  ///< kInterval: the least wall-clock time between two advances
  GeneratorConfig generator;       ///< gauge and counter: the value (counter: see `counter_mode`)
  CounterMode counter_mode = CounterMode::kIncrements;
  ResetConfig resets;              ///< counter, histogram, summary
  GapConfig gaps;                  ///< every type (special values: gauge and counter)
  std::vector<double> buckets;     ///< histogram: finite upper bounds, strictly increasing (+Inf implied)
  std::vector<double> quantiles;   ///< summary: strictly increasing, each in [0, 1]
  Millis window{0};                ///< summary: how far back the quantiles look
  ObservationConfig observations;  ///< histogram, summary
  std::vector<AlertRuleConfig> alerts;  ///< `alerts:` (config/alert_config.h)
  /// `exemplars:` (counter, histogram): the labels of the exemplars shown in OpenMetrics on the
  /// `_total` or `_bucket` lines; empty: none.
  std::vector<ExemplarLabel> exemplars;
  SourceLocation location;

  /// Number of series the entry expands to (saturates at UINT64_MAX).
  uint64_t SeriesCount() const;
  /// Time series the entry exposes: SeriesCount() for a gauge or counter; per label set, the
  /// buckets, `+Inf`, `_count` and `_sum` of a histogram, the quantiles, `_count` and `_sum` of a
  /// summary (saturates at UINT64_MAX).
  uint64_t ExposedSeriesCount() const;
  /// Values kept per series: 1 for a gauge or counter; buckets + 2 (bucket counts, count, sum)
  /// for a histogram; quantiles + 2 (quantiles, count, sum) for a summary.
  size_t ValuesPerSeries() const;
  /// Same definition: an engine may carry a family's state over to a reloaded one.
  bool SameDefinition(const MetricConfig& other) const;
};

/// The `global:` section.
struct GlobalConfig {
  uint64_t seed = 0;
  Millis tick{1000};
  std::vector<std::pair<std::string, std::string>> labels;  ///< constant labels, sorted by name
  std::string name_space;                                   ///< `namespace:` prefix
};

/// A plugin library named in the config's `plugins:` list.
struct PluginPath {
  std::string path;  ///< as written; relative to the config file's directory
  SourceLocation location;
};

/// A whole, validated configuration. Plain data: immutable once loaded.
struct Config {
  std::string source_file;
  GlobalConfig global;
  std::vector<MetricConfig> metrics;
  std::vector<SloConfig> slos;
  std::vector<PluginPath> plugins;
  std::optional<AlertmanagerConfig> alertmanager;    ///< `alertmanager:`: promsynth posts its own alerts
  std::vector<ScenarioGroupConfig> scenario_groups;  ///< `scenario_groups:`
  std::vector<RemoteWriteConfig> remote_write;       ///< where every tick is pushed (remote_write:)
  FaultsConfig faults;                               ///< `faults:`: misbehaviour from the load on

  /// Time series exposed by all metrics (ExposedSeriesCount): what `--limits.max-series` bounds.
  uint64_t SeriesCount() const;
  /// Label sets of all metrics (MetricConfig::SeriesCount), as `promsynth_series` counts them: a
  /// histogram's label set is one, however many series it exposes (saturates at UINT64_MAX).
  uint64_t LabelSetCount() const;
};

}  // namespace promsynth
