#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace promsynth {

/// Every series' value at every sample, stored series after series: the rows of a batch run
/// turned around for formats that write one series (or family) after another (OpenMetrics, JSON).
/// Not thread-safe.
class SeriesMatrix {
 public:
  /// The most values (series × samples) it holds: 2 GiB of doubles.
  static constexpr uint64_t kMaxValues = uint64_t{1} << 28;

  /// Sizes it for `series` series and `samples` samples; throws std::runtime_error beyond kMaxValues.
  void Reset(size_t series, int64_t samples);
  /// Stores sample `k` of every series.
  void SetRow(int64_t k, std::span<const double> values);
  /// The samples of series `i`.
  std::span<const double> Series(size_t i) const { return {values_.data() + i * samples_, samples_}; }

 private:
  size_t series_ = 0;
  size_t samples_ = 0;
  std::vector<double> values_;
};

}  // namespace promsynth
