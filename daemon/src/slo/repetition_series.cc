#include "slo/repetition_series.h"

#include <cmath>
#include <utility>

#include "slo/slo_error.h"

namespace promsynth::slo {
namespace {

// Calls `keep(row)` for each row that survives the warmup, in order.
template <typename Keep>
void ForEachSurvivor(const RepetitionSeries& series, const PyInt& warmup, Keep&& keep) {
  if (series.column == TimestampColumn::kInteger) {
    if (!warmup.exact) throw SloError("warmup: Python integer out of bounds for int64");
    // numpy's int64 scalar addition wraps around on overflow.
    const auto limit = static_cast<std::int64_t>(static_cast<std::uint64_t>(series.integer_timestamps[0]) +
                                                 static_cast<std::uint64_t>(*warmup.exact));
    for (std::size_t i = 0; i < series.integer_timestamps.size(); ++i) {
      if (series.integer_timestamps[i] >= limit) keep(i);
    }
    return;
  }
  if (series.column == TimestampColumn::kObject && series.first_timestamp_is_null) {
    throw SloError("warmup: unsupported operand type(s) for +: 'NoneType' and 'int'");
  }
  if (warmup.float_overflow) throw SloError("warmup: int too large to convert to float");
  const double limit = series.timestamps[0] + warmup.approx;
  for (std::size_t i = 0; i < series.timestamps.size(); ++i) {
    if (series.timestamps[i] >= limit) keep(i);
  }
}

}  // namespace

RepetitionSeries SeriesFromSamples(std::vector<double> timestamps, std::vector<double> values) {
  RepetitionSeries series;
  series.timestamps = std::move(timestamps);
  series.values = std::move(values);
  return series;
}

WarmedUpSeries ApplyWarmup(const RepetitionSeries& series, const PyInt& warmup) {
  WarmedUpSeries out;
  ApplyWarmup(series, warmup, out);
  return out;
}

void ApplyWarmup(const RepetitionSeries& series, const PyInt& warmup, WarmedUpSeries& out) {
  if (series.timestamps.empty()) throw SloError("series has no rows (KeyError: 0)");
  if (series.values.size() != series.timestamps.size()) throw SloError("series columns differ in length");
  out.timestamps.clear();
  out.values.clear();
  out.timestamps.reserve(series.timestamps.size());
  out.values.reserve(series.timestamps.size());
  auto bad = series.unconvertible.begin();
  ForEachSurvivor(series, warmup, [&](std::size_t row) {
    while (bad != series.unconvertible.end() && bad->row < row) ++bad;
    if (bad != series.unconvertible.end() && bad->row == row) {
      throw SloError("value in row " + std::to_string(row) + ": " + bad->reason);
    }
    out.timestamps.push_back(series.timestamps[row]);
    out.values.push_back(series.values[row]);
  });
}

}  // namespace promsynth::slo
