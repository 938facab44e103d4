#include "batch/series_matrix.h"

#include <stdexcept>
#include <string>

namespace promsynth {

void SeriesMatrix::Reset(size_t series, int64_t samples) {
  const auto count = static_cast<uint64_t>(samples);
  if (series != 0 && count > kMaxValues / series) {
    throw std::runtime_error(
        "the run has " + std::to_string(series) + " series x " + std::to_string(samples) +
        " samples, more values than this format can hold in memory (" + std::to_string(kMaxValues) +
        "); generate shorter time ranges one after another, or use --format csv");
  }
  series_ = series;
  samples_ = static_cast<size_t>(count);
  values_.assign(series_ * samples_, 0.0);
}

void SeriesMatrix::SetRow(int64_t k, std::span<const double> values) {
  const auto column = static_cast<size_t>(k);
  double* out = values_.data() + column;
  for (size_t i = 0; i < series_ && i < values.size(); ++i) out[i * samples_] = values[i];
}

}  // namespace promsynth
