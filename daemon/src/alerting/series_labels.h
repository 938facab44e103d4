#pragma once

#include <string>
#include <utility>
#include <vector>

#include "engine/series_layout.h"

namespace promsynth {

/// `name{a="x",b="y"}` with label values escaped as PromQL strings (also promtool's notation).
std::string SeriesSelector(const std::string& name, const LabelSet& labels);

}  // namespace promsynth
