#pragma once

#include <string>

#include "alerting/series_labels.h"

namespace promsynth {

/// Expands an annotation template (config/annotation_template.h) as Prometheus would for an
/// alert whose value is `value` and whose series has `labels`: `{{ $value }}` as Go prints the
/// float, `{{ $labels.NAME }}` as the label's value (`<no value>` when absent, as Go prints a missing key). A
/// text that is not a valid template (a netops text with stray braces) is returned as it is.
std::string RenderAnnotation(const std::string& text, double value, const LabelSet& labels);

}  // namespace promsynth
