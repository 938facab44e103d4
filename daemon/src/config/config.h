#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "config/label_values.h"
#include "config/remote_write_config.h"
#include "config/slo_config.h"
#include "config/source_location.h"
#include "util/duration.h"

namespace promsynth {

/// The exposition type of a configured metric.
enum class MetricType { kGauge, kCounter };

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

/// One `metrics:` entry: a family of series, the cartesian product of its label dimensions.
struct MetricConfig {
  std::string name;  ///< full exposition name: namespace applied, `_total` for counters
  std::string help;
  std::string unit;
  MetricType type = MetricType::kGauge;
  std::vector<LabelDimension> labels;
  Millis tick{1000};  ///< the metric's own tick, or the global one
  GeneratorConfig generator;
  SourceLocation location;

  /// Number of series the entry expands to (saturates at UINT64_MAX).
  uint64_t SeriesCount() const;
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
  std::vector<RemoteWriteConfig> remote_write;  ///< where every tick is pushed (remote_write:)

  uint64_t SeriesCount() const;
};

}  // namespace promsynth
