#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "engine/snapshot.h"

namespace promsynth {

/// The recent values of one series per family, for the status page's sparklines.
///
/// Each family is represented by its first series (the first value of every label), whose
/// value (for a histogram or summary, its `_count`) after every published tick goes into a ring
/// of `capacity` points. That costs one read
/// per family and tick, whatever the family's size. A family keeps its ring across a reload
/// when its name stays. Thread-safe: Record runs on the io thread, Copy on HTTP threads.
class FamilyTrends {
 public:
  /// The recent values of one family, oldest first.
  struct Trend {
    std::string name;
    std::string series;  ///< the represented series' labels, `{a="x",b="y"}` (or "")
    std::vector<double> values;
  };

  explicit FamilyTrends(size_t capacity = 120) : capacity_(capacity) {}

  /// Appends each family's current value from `snapshot`.
  void Record(const Snapshot& snapshot);

  /// Every family's recent values, in layout order.
  std::vector<Trend> Copy() const;

 private:
  struct Ring {
    std::string name;
    std::string series;
    std::vector<double> points;  ///< circular once full
    size_t next = 0;             ///< where the next point goes once full
  };

  void Rebuild(const SeriesLayout& layout);

  size_t capacity_;
  mutable std::mutex mutex_;
  const SeriesLayout* layout_ = nullptr;      ///< the layout the rings were built for
  std::shared_ptr<const SeriesLayout> keep_;  ///< keeps `layout_` alive for the comparison
  std::vector<Ring> rings_;
};

}  // namespace promsynth
