#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "engine/series_layout.h"

namespace promsynth {

/// The values of every generated series after one tick. Immutable once published: a scrape
/// renders exactly one snapshot, so it never sees half a tick.
struct Snapshot {
  std::shared_ptr<const SeriesLayout> layout;
  std::vector<double> values;  ///< `layout->value_count` values: FamilyLayout::ValueIndex
  int64_t time_ms = 0;         ///< wall-clock time of the tick that produced it
  uint64_t sequence = 0;       ///< ticks since the engine was built
};

}  // namespace promsynth
