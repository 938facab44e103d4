#include "engine/series_layout.h"

#include <algorithm>

#include "signal/random_stream.h"

namespace promsynth {

void FamilyLayout::Digits(size_t i, std::vector<size_t>& digits) const {
  digits.resize(columns.size());
  i += expansion_offset;
  for (size_t c = columns.size(); c-- > 0;) {
    const size_t radix = columns[c].values.size();
    digits[c] = i % radix;
    i /= radix;
  }
}

void LabelColumn::AppendRendered(size_t index, std::string& out) const {
  if (!rendered.empty()) {
    out += rendered[index];
    return;
  }
  out += prefix;
  if (values.IsNumeric(index)) {
    values.AppendValue(index, out);
  } else {
    AppendEscapedLabelValue(out, values.ValueAt(index));
  }
  out += '"';
}

LabelSet SeriesLabels(const FamilyLayout& family, size_t index) {
  std::vector<size_t> digits;
  family.Digits(index, digits);
  LabelSet labels;
  labels.reserve(family.columns.size());
  for (size_t c = 0; c < family.columns.size(); ++c) {
    labels.emplace_back(family.columns[c].name, family.columns[c].values.ValueAt(digits[c]));
  }
  return labels;
}

size_t FamilyLayout::Advance(std::vector<size_t>& digits) const {
  size_t c = columns.size();
  while (c > 0) {
    --c;
    if (++digits[c] < columns[c].values.size()) break;
    digits[c] = 0;
  }
  return c;
}

void AppendEscapedLabelValue(std::string& out, std::string_view value) {
  for (char c : value) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out += c;
    }
  }
}

SeriesLayout BuildSeriesLayout(const Config& config, const Shard& shard) {
  SeriesLayout layout;
  for (const MetricConfig& metric : config.metrics) {
    FamilyLayout family;
    family.name = metric.name;
    family.help = metric.help;
    family.unit = metric.unit;
    family.type = metric.type;
    family.tick_ms = metric.tick.count();
    for (const auto& [name, value] : config.global.labels) {
      LabelValues values;
      values.AddText(value);
      family.columns.push_back({name, std::move(values), {}, {}, true});
    }
    for (const LabelDimension& dimension : metric.labels) {
      family.columns.push_back({dimension.name, dimension.values, {}, {}, false});
    }
    std::stable_sort(family.columns.begin(), family.columns.end(),
                     [](const LabelColumn& a, const LabelColumn& b) { return a.name < b.name; });
    for (LabelColumn& column : family.columns) {
      column.prefix = column.name + "=\"";
      if (column.values.HasRange()) continue;
      // Render into a separate list: AppendRendered uses `rendered` as soon as it is non-empty.
      std::vector<std::string> rendered(column.values.size());
      for (size_t j = 0; j < column.values.size(); ++j) column.AppendRendered(j, rendered[j]);
      column.rendered = std::move(rendered);
    }
    family.first_series = layout.value_count;
    const auto whole = static_cast<size_t>(metric.SeriesCount());
    family.expansion_offset = shard.Begin(whole);
    family.series_count = shard.End(whole) - family.expansion_offset;
    family.values_per_series = metric.ValuesPerSeries();
    family.buckets = metric.buckets;
    family.quantiles = metric.quantiles;
    family.exemplars = metric.exemplars;
    family.exemplar_key = CombineKey(Mix64(config.global.seed), HashText(metric.name));
    layout.series_count += family.series_count;
    layout.value_count += family.series_count * family.values_per_series;
    layout.families.push_back(std::move(family));
  }
  return layout;
}

}  // namespace promsynth
