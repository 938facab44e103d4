#pragma once

#include <string>
#include <utility>
#include <vector>

#include "engine/series_layout.h"

namespace promsynth {

/// Label pairs, sorted by name.
using LabelSet = std::vector<std::pair<std::string, std::string>>;

/// The labels of series `index` of `family`, constant labels included, sorted by name.
LabelSet SeriesLabels(const FamilyLayout& family, size_t index);

/// `name{a="x",b="y"}` with label values escaped as PromQL strings (also promtool's notation).
std::string SeriesSelector(const std::string& name, const LabelSet& labels);

}  // namespace promsynth
