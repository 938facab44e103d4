#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "config/config.h"
#include "config/label_values.h"
#include "engine/shard.h"

namespace promsynth {

/// One label of a family. Its values are rendered as `name="escaped value"`: once up front when
/// they are all explicit strings, or on demand when the column holds integer ranges.
struct LabelColumn {
  std::string name;
  LabelValues values;
  std::string prefix;                 ///< `name="`
  std::vector<std::string> rendered;  ///< `name="value"` per value; empty for range columns
  bool is_constant = false;           ///< from global.labels: not part of the series' identity

  /// Appends `name="value"` for value `index`.
  void AppendRendered(size_t index, std::string& out) const;
};

/// The immutable shape of one metric family: names, label columns and where its series live.
///
/// A series' labels are not stored: series `i` of the family takes, in each column, the value
/// given by the mixed-radix digits of `i` (the last column varies fastest), so a million series
/// cost no label strings at all. Columns are sorted by label name, constant labels included.
struct FamilyLayout {
  std::string name;
  std::string help;
  std::string unit;
  MetricType type = MetricType::kGauge;
  std::vector<LabelColumn> columns;
  size_t first_series = 0;  ///< offset of series 0's first value in the engine's value arrays
  size_t series_count = 0;
  int64_t tick_ms = 1000;
  /// Values each series owns, consecutively: series i's start at
  /// `first_series + i * values_per_series`. 1 for a gauge or counter. A histogram's are its
  /// cumulative bucket counts (one per finite bound in `buckets`), then `_count` (also the
  /// `+Inf` bucket), then `_sum`; a summary's are one value per entry of `quantiles`, then
  /// `_count`, then `_sum`.
  size_t values_per_series = 1;
  std::vector<double> buckets;           ///< histogram: the finite upper bounds (`le`), ascending
  std::vector<double> quantiles;         ///< summary: the quantiles, ascending
  std::vector<ExemplarLabel> exemplars;  ///< `exemplars:` of a counter or histogram; empty: none
  /// Seeds the family's exemplar ids: (global seed, family name) hashed.
  uint64_t exemplar_key = 0;

  /// Where series `i`'s first value is in the value arrays.
  size_t ValueIndex(size_t i) const { return first_series + i * values_per_series; }
  /// Position of series 0 in the family's whole expansion: non-zero for a shard's slice
  /// (`--shard`), so series i has the labels of position expansion_offset + i.
  size_t expansion_offset = 0;

  /// The index of series `i`'s value in each column (`digits.size() == columns.size()`).
  void Digits(size_t i, std::vector<size_t>& digits) const;
  /// Steps `digits` from series i to series i + 1 (the last column fastest, wrapping into the
  /// one before); returns the first column whose digit changed, so a caller redoes only those.
  size_t Advance(std::vector<size_t>& digits) const;
};

/// The shape of all generated families, shared by every snapshot of one engine.
struct SeriesLayout {
  std::vector<FamilyLayout> families;
  size_t series_count = 0;  ///< label sets over all families
  size_t value_count = 0;   ///< values over all families: the size of a snapshot's value array
};

/// Label pairs, sorted by name.
using LabelSet = std::vector<std::pair<std::string, std::string>>;

/// The labels of series `index` of `family` (raw values, constant labels included), sorted by
/// name as the family's columns are.
LabelSet SeriesLabels(const FamilyLayout& family, size_t index);

/// Escapes a label value for the text format: backslash, double quote and newline.
void AppendEscapedLabelValue(std::string& out, std::string_view value);

/// Builds the layout of `config`'s metrics (constant labels merged, columns sorted); with a
/// shard, each family holds only the shard's contiguous slice of its expansion.
SeriesLayout BuildSeriesLayout(const Config& config, const Shard& shard = {});

}  // namespace promsynth
