#include "batch/series_names.h"

namespace promsynth {
namespace {

void AppendLabels(const FamilyLayout& family, size_t i, std::vector<size_t>& digits, std::string& out) {
  if (family.columns.empty()) return;
  family.Digits(i, digits);
  for (size_t c = 0; c < family.columns.size(); ++c) {
    out += c == 0 ? '{' : ',';
    family.columns[c].AppendRendered(digits[c], out);
  }
  out += '}';
}

}  // namespace

std::vector<std::string> SeriesNames(const SeriesLayout& layout) {
  std::vector<std::string> names;
  names.reserve(layout.series_count);
  std::vector<size_t> digits;
  for (const FamilyLayout& family : layout.families) {
    for (size_t i = 0; i < family.series_count; ++i) {
      std::string name = family.name;
      AppendLabels(family, i, digits, name);
      names.push_back(std::move(name));
    }
  }
  return names;
}

std::string SampleLinePrefix(const FamilyLayout& family, size_t i) {
  std::string prefix = family.name;
  std::vector<size_t> digits;
  AppendLabels(family, i, digits, prefix);
  prefix += ' ';
  return prefix;
}

}  // namespace promsynth
