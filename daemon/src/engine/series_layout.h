#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
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
  size_t first_series = 0;  ///< offset of series 0 in the engine's value arrays
  size_t series_count = 0;
  int64_t tick_ms = 1000;
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
  size_t series_count = 0;
};

/// Escapes a label value for the text format: backslash, double quote and newline.
void AppendEscapedLabelValue(std::string& out, std::string_view value);

/// Builds the layout of `config`'s metrics (constant labels merged, columns sorted); with a
/// shard, each family holds only the shard's contiguous slice of its expansion.
SeriesLayout BuildSeriesLayout(const Config& config, const Shard& shard = {});

}  // namespace promsynth
