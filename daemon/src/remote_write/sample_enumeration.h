#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "engine/snapshot.h"

namespace promsynth {

/// One label of a sample being enumerated; views valid only during the visitor call.
struct LabelView {
  std::string_view name;
  std::string_view value;
};

/// Receives one sample: its labels sorted by name (byte order, so `__name__` first unless a label
/// name starts with an upper-case letter), its value (a stale marker is passed on as is) and its
/// time: the start of the family's tick that produced it, in milliseconds since the epoch.
using SampleVisitor = std::function<void(std::span<const LabelView> labels, double value, int64_t time_ms)>;

/// Enumerates every sample of `snapshot` as remote write sends it: per family, per series, the
/// series' labels derived from its place in the expansion. Gauges and counters give one sample
/// per series under the family name; a new metric type adds its case here (e.g. a histogram's
/// `_bucket{le}`, `_sum` and `_count`). Allocates only the per-family label buffers.
void EnumerateSamples(const Snapshot& snapshot, const SampleVisitor& visit);

/// How many samples EnumerateSamples gives for `snapshot` (for queue accounting).
uint64_t CountSamples(const Snapshot& snapshot);

}  // namespace promsynth
