#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/series_layout.h"

namespace promsynth {

/// The `name{label="value",...} ` prefix of one series' sample line, walked series by series
/// through a family: the labels come from each series' position in the family's expansion, and a
/// step patches only the columns whose value changed, so the cost per series is mostly one label.
/// Shared by the text and OpenMetrics renderers. Not thread-safe; reuse one per renderer (its
/// buffers keep their capacity, so a scrape does not allocate per series).
class SeriesLine {
 public:
  /// Positions on series 0 of `family`, the line starting with `name`.
  void Start(const FamilyLayout& family, std::string_view name);
  /// Moves to the next series of the family.
  void Next(const FamilyLayout& family) {
    if (!family.columns.empty()) Rebuild(family, family.Advance(digits_));
  }
  /// The whole prefix: `name{…} `, or `name ` without labels.
  std::string_view text() const { return line_; }
  /// The prefix without the name: `{…} `, or ` ` without labels.
  std::string_view labels() const { return std::string_view(line_).substr(name_size_); }
  /// The label list open for one more label: `{a="x"` or `{` (no trailing `,`, no `}`).
  std::string_view open_labels() const {
    return digits_.empty() ? std::string_view("{")
                           : std::string_view(line_).substr(name_size_, line_.size() - name_size_ - 2);
  }

 private:
  /// Rebuilds line_ from column `from` onwards: `,label="value"` per column, then `} `.
  void Rebuild(const FamilyLayout& family, size_t from);

  std::string line_;
  size_t name_size_ = 0;
  std::vector<size_t> column_start_;  ///< where each column's fragment starts in line_
  std::vector<size_t> digits_;
};

}  // namespace promsynth
