#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "engine/series_layout.h"

namespace promsynth {

/// When the values of one family were produced and when its series last started from zero.
struct FamilyTimes {
  /// The moment the family's series were last zero (milliseconds since the epoch): for a
  /// cumulative family (counter, histogram, summary) the tick of its last reset, or, before any
  /// reset, one tick before the family's first tick (the start of the interval its first
  /// increment covers); a family advanced by scrapes uses the wall-clock time of that scrape.
  /// OpenMetrics exposes it as `_created`.
  int64_t created_ms = 0;
  /// The time of the tick whose values the snapshot holds (an `advance: scrape|interval` family:
  /// the wall-clock time of its last advance).
  int64_t updated_ms = 0;
  int64_t tick = 0;      ///< the family's tick number at `updated_ms` (its own clock)
  bool started = false;  ///< false until the family's first tick: the other fields mean nothing yet
};

/// The values of every generated series after one tick. Immutable once published: a scrape
/// renders exactly one snapshot, so it never sees half a tick.
struct Snapshot {
  std::shared_ptr<const SeriesLayout> layout;
  std::vector<double> values;             ///< `layout->value_count` values: FamilyLayout::ValueIndex
  int64_t time_ms = 0;                    ///< wall-clock time of the tick that produced it
  uint64_t sequence = 0;                  ///< ticks since the engine was built
  std::vector<FamilyTimes> family_times;  ///< one per family of `layout`, in its order
};

}  // namespace promsynth
