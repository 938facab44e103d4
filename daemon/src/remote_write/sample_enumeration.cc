#include "remote_write/sample_enumeration.h"

#include <algorithm>
#include <vector>

namespace promsynth {
namespace {

/// The samples of one gauge or counter family: one per series, labelled like the text format.
void EnumerateScalarFamily(const FamilyLayout& family, const double* values, int64_t time_ms,
                           const SampleVisitor& visit) {
  const size_t depth = family.columns.size();
  // Column c's value lives in texts[c]; __name__ is inserted at its sorted place among the
  // columns (which BuildSeriesLayout sorted by name).
  std::vector<std::string> texts(depth);
  std::vector<LabelView> labels(depth + 1);
  const auto columns_before_name = static_cast<size_t>(
      std::lower_bound(family.columns.begin(), family.columns.end(), std::string_view("__name__"),
                       [](const LabelColumn& column, std::string_view name) { return column.name < name; }) -
      family.columns.begin());
  auto slot = [&](size_t column) { return column < columns_before_name ? column : column + 1; };
  labels[columns_before_name] = {"__name__", family.name};
  std::vector<size_t> digits;
  family.Digits(0, digits);
  auto refresh = [&](size_t from) {
    for (size_t c = from; c < depth; ++c) {
      texts[c].clear();
      family.columns[c].values.AppendValue(digits[c], texts[c]);
      labels[slot(c)] = {family.columns[c].name, texts[c]};
    }
  };
  refresh(0);
  for (size_t i = 0; i < family.series_count; ++i) {
    visit(labels, values[i], time_ms);
    if (depth > 0 && i + 1 < family.series_count) refresh(family.Advance(digits));
  }
}

}  // namespace

void EnumerateSamples(const Snapshot& snapshot, const SampleVisitor& visit) {
  for (const FamilyLayout& family : snapshot.layout->families) {
    const double* values = snapshot.values.data() + family.first_series;
    // Ticks are aligned to the epoch (Engine): the sample belongs to the tick's start.
    const int64_t tick_ms = family.tick_ms > 0 ? family.tick_ms : 1;
    const int64_t time_ms = snapshot.time_ms - ((snapshot.time_ms % tick_ms) + tick_ms) % tick_ms;
    switch (family.type) {
      case MetricType::kGauge:
      case MetricType::kCounter:
        EnumerateScalarFamily(family, values, time_ms, visit);
        break;
    }
  }
}

uint64_t CountSamples(const Snapshot& snapshot) {
  uint64_t count = 0;
  for (const FamilyLayout& family : snapshot.layout->families) count += family.series_count;
  return count;
}

}  // namespace promsynth
