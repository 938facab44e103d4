#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/snapshot.h"

namespace promsynth {

/// One forced value: every series of `metric` whose labels include `labels` exports `value`
/// instead of its generated one, until `until_ms` (0: until cleared).
struct ValueOverride {
  std::string metric;
  std::vector<std::pair<std::string, std::string>> labels;  ///< exact matches; empty: every series
  double value = 0;
  int64_t until_ms = 0;
};

/// Parses `POST /api/v1/overrides`: `{"metric": "name", "labels": {"k": "v"}, "value": 42,
/// "for": "5m"}` (`labels` and `for` optional; `value` may be "NaN", "+Inf", "-Inf"). On failure
/// returns nothing and sets `error` to what is wrong and what is allowed.
std::optional<ValueOverride> ParseValueOverride(std::string_view json, int64_t now_ms, std::string& error);

/// The forced values in effect, applied to each snapshot before scrapes see it.
///
/// Generators keep running underneath: when an override ends, the series shows its generated
/// value again. The series an override matches are found once per layout. Thread-safe: the
/// control API adds and clears on HTTP threads, the io thread applies.
class ValueOverrides {
 public:
  /// Adds `override` if it matches some series of `layout`; returns how many it matches.
  size_t Add(ValueOverride override, std::shared_ptr<const SeriesLayout> layout);
  /// Ends every override.
  void Clear();

  /// `snapshot` with the overrides in effect at `now_ms`: a modified copy, or the same
  /// snapshot when none applies.
  std::shared_ptr<const Snapshot> Apply(std::shared_ptr<const Snapshot> snapshot, int64_t now_ms);

  /// The overrides in effect, as a JSON array.
  std::string ToJson(int64_t now_ms) const;

 private:
  struct Active {
    ValueOverride override;
    std::shared_ptr<const SeriesLayout> layout;  ///< the layout `indices` were found in
    std::vector<size_t> indices;                 ///< positions in the snapshot's values
  };

  mutable std::mutex mutex_;
  std::vector<Active> active_;
};

/// The value positions of the series in `layout` that `override` matches.
std::vector<size_t> MatchingSeries(const ValueOverride& override, const SeriesLayout& layout);

}  // namespace promsynth
