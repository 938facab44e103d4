#include "remote_write/sample_enumeration.h"

#include <algorithm>
#include <vector>

#include "expo/sample_value.h"

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

/// The samples of a histogram or summary family: per series its bucket (`le`) or quantile lines,
/// then `_count` and `_sum`, as the text format has them; each label set sorted by name.
void EnumerateSampledFamily(const FamilyLayout& family, const double* values, int64_t time_ms,
                            const SampleVisitor& visit) {
  const bool histogram = family.type == MetricType::kHistogram;
  const std::vector<double>& bounds = histogram ? family.buckets : family.quantiles;
  const std::string bucket_name = histogram ? family.name + "_bucket" : family.name;
  const std::string count_name = family.name + "_count";
  const std::string sum_name = family.name + "_sum";
  std::vector<std::string> bound_texts;
  for (double bound : bounds) {
    bound_texts.emplace_back();
    AppendSampleValue(bound_texts.back(), bound);
  }
  if (histogram) bound_texts.emplace_back("+Inf");
  const std::string_view extra_label = histogram ? "le" : "quantile";
  std::vector<size_t> digits;
  std::vector<std::string> texts(family.columns.size());
  std::vector<LabelView> labels;
  // One sample: the series' labels, __name__ and at most one extra label, sorted by name.
  auto emit = [&](std::string_view name, std::string_view extra_value, double value) {
    labels.clear();
    labels.push_back({"__name__", name});
    for (size_t c = 0; c < family.columns.size(); ++c) labels.push_back({family.columns[c].name, texts[c]});
    if (!extra_value.empty()) labels.push_back({extra_label, extra_value});
    std::sort(labels.begin(), labels.end(),
              [](const LabelView& a, const LabelView& b) { return a.name < b.name; });
    visit(labels, value, time_ms);
  };
  for (size_t i = 0; i < family.series_count; ++i) {
    family.Digits(i, digits);
    for (size_t c = 0; c < family.columns.size(); ++c) {
      texts[c].clear();
      family.columns[c].values.AppendValue(digits[c], texts[c]);
    }
    const double* series = values + i * family.values_per_series;
    const size_t count_index = family.values_per_series - 2;
    for (size_t b = 0; b < bounds.size(); ++b) emit(bucket_name, bound_texts[b], series[b]);
    if (histogram) emit(bucket_name, bound_texts.back(), series[count_index]);
    emit(count_name, "", series[count_index]);
    emit(sum_name, "", series[count_index + 1]);
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
      case MetricType::kHistogram:
      case MetricType::kSummary:
        EnumerateSampledFamily(family, values, time_ms, visit);
        break;
    }
  }
}

uint64_t CountSamples(const Snapshot& snapshot) {
  uint64_t count = 0;
  for (const FamilyLayout& family : snapshot.layout->families) {
    // A histogram series is its buckets, +Inf, _count and _sum; a summary's its quantiles and two.
    const size_t per_series = family.values_per_series == 1           ? 1
                              : family.type == MetricType::kHistogram ? family.values_per_series + 1
                                                                      : family.values_per_series;
    count += family.series_count * per_series;
  }
  return count;
}

}  // namespace promsynth
