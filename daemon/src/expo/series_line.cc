#include "expo/series_line.h"

namespace promsynth {

void SeriesLine::Start(const FamilyLayout& family, std::string_view name) {
  line_.assign(name);
  name_size_ = name.size();
  column_start_.assign(family.columns.size(), 0);
  family.Digits(0, digits_);  // a shard starts part-way into the expansion
  Rebuild(family, 0);
}

void SeriesLine::Rebuild(const FamilyLayout& family, size_t from) {
  const size_t depth = family.columns.size();
  line_.resize(from == 0 ? name_size_ : column_start_[from]);
  for (size_t c = from; c < depth; ++c) {
    column_start_[c] = line_.size();
    line_ += c == 0 ? '{' : ',';
    family.columns[c].AppendRendered(digits_[c], line_);
  }
  line_ += depth == 0 ? " " : "} ";
}

}  // namespace promsynth
