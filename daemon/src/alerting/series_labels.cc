#include "alerting/series_labels.h"

namespace promsynth {

LabelSet SeriesLabels(const FamilyLayout& family, size_t index) {
  std::vector<size_t> digits;
  family.Digits(index, digits);
  LabelSet labels;
  labels.reserve(family.columns.size());
  for (size_t c = 0; c < family.columns.size(); ++c) {
    labels.emplace_back(family.columns[c].name, family.columns[c].values.ValueAt(digits[c]));
  }
  return labels;  // columns are sorted by name already
}

std::string SeriesSelector(const std::string& name, const LabelSet& labels) {
  std::string out = name + "{";
  for (size_t i = 0; i < labels.size(); ++i) {
    if (i > 0) out += ',';
    out += labels[i].first + "=\"";
    AppendEscapedLabelValue(out, labels[i].second);
    out += '"';
  }
  return out + "}";
}

}  // namespace promsynth
