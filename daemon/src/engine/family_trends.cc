#include "engine/family_trends.h"

#include <algorithm>
#include <unordered_map>

namespace promsynth {
namespace {

/// `{a="x",b="y"}` for the family's first series: the first value of every label.
std::string FirstSeriesLabels(const FamilyLayout& family) {
  if (family.columns.empty()) return "";
  std::string text = "{";
  for (const LabelColumn& column : family.columns) {
    if (text.size() > 1) text += ',';
    column.AppendRendered(0, text);
  }
  return text + "}";
}

}  // namespace

void FamilyTrends::Rebuild(const SeriesLayout& layout) {
  std::unordered_map<std::string, Ring> previous;
  for (Ring& ring : rings_) previous.emplace(ring.name, std::move(ring));
  rings_.clear();
  for (const FamilyLayout& family : layout.families) {
    auto kept = previous.find(family.name);
    Ring ring = kept != previous.end() ? std::move(kept->second) : Ring{family.name, "", {}, 0};
    ring.series = FirstSeriesLabels(family);
    rings_.push_back(std::move(ring));
  }
}

void FamilyTrends::Record(const Snapshot& snapshot) {
  std::lock_guard lock(mutex_);
  if (snapshot.layout.get() != layout_) {
    Rebuild(*snapshot.layout);
    layout_ = snapshot.layout.get();
    keep_ = snapshot.layout;
  }
  for (size_t f = 0; f < rings_.size(); ++f) {
    const FamilyLayout& family = snapshot.layout->families[f];
    if (family.series_count == 0) continue;
    // A histogram or summary is drawn by its `_count` (the value before `_sum`): how many
    // observations it has taken, which is what a glance at the page wants to see move.
    const size_t offset = family.values_per_series > 1 ? family.values_per_series - 2 : 0;
    const double value = snapshot.values[family.ValueIndex(0) + offset];
    Ring& ring = rings_[f];
    if (ring.points.size() < capacity_) {
      ring.points.push_back(value);
    } else {
      ring.points[ring.next] = value;
      ring.next = (ring.next + 1) % capacity_;
    }
  }
}

std::vector<FamilyTrends::Trend> FamilyTrends::Copy() const {
  std::lock_guard lock(mutex_);
  std::vector<Trend> trends;
  trends.reserve(rings_.size());
  for (const Ring& ring : rings_) {
    Trend trend{ring.name, ring.series, {}};
    trend.values.reserve(ring.points.size());
    // Oldest first: from `next` to the end, then the start (a ring that is not full has next 0).
    trend.values.insert(trend.values.end(), ring.points.begin() + static_cast<std::ptrdiff_t>(ring.next),
                        ring.points.end());
    trend.values.insert(trend.values.end(), ring.points.begin(),
                        ring.points.begin() + static_cast<std::ptrdiff_t>(ring.next));
    trends.push_back(std::move(trend));
  }
  return trends;
}

}  // namespace promsynth
