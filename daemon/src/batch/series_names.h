#pragma once

#include <string>
#include <utility>
#include <vector>

#include "engine/series_layout.h"

namespace promsynth {

/// Every series of `layout` in the text format's notation, `name` or `name{a="x",b="y"}`
/// (label values escaped), indexed like the layout's series: the column names of batch CSV.
std::vector<std::string> SeriesNames(const SeriesLayout& layout);

/// `name{a="x",b="y"} ` for series `i` of `family` (`name ` without labels): the start of an
/// exposition sample line.
std::string SampleLinePrefix(const FamilyLayout& family, size_t i);

}  // namespace promsynth
