#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/series_layout.h"

namespace promsynth {

/// Where one exemplar sits: which series of a family, at which of the family's ticks, on which line
/// (0 for a counter's `_total`, b + 1 for a histogram's bucket b; the `+Inf` bucket is the last).
struct ExemplarPosition {
  size_t series = 0;  ///< index of the series within the family's slice (as in the snapshot)
  int64_t tick = 0;   ///< the family's tick whose values are shown
  size_t line = 0;
};

/// Appends an OpenMetrics exemplar, ` # {trace_id="…",…} value timestamp`, to a sample line of a
/// family with `exemplars:`. Each label gets a hex id (32 or 16 lowercase digits) that is a pure
/// function of (global seed, family name, the series' position in the whole expansion, tick,
/// line, label), so replicas and shards show the same ids and every tick shows new ones.
/// `time_ms` becomes the timestamp in seconds. Does not allocate once `out` has room.
void AppendExemplar(std::string& out, const FamilyLayout& family, const ExemplarPosition& position,
                    double value, int64_t time_ms);

/// A value inside histogram bucket `bucket` of `family` (the `+Inf` bucket is `buckets.size()`),
/// for the bucket's exemplar: drawn from the position's key in (lower bound, upper bound], where
/// the first bucket's lower bound is 0 (or one below a bound ≤ 0) and the `+Inf` bucket reaches
/// max(|largest bound|, 1) beyond the largest bound.
double ExemplarBucketValue(const FamilyLayout& family, const ExemplarPosition& position);

}  // namespace promsynth
