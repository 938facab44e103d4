#include "alerting/series_labels.h"

namespace promsynth {

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
