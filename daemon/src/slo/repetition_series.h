#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "slo/python_int.h"

namespace promsynth::slo {

/// How pandas typed a series' timestamp column, which decides how `ts >= ts[0] + warmup` computes.
enum class TimestampColumn {
  kFloat,    ///< float64: doubles; missing cells are NaN and never pass the warmup filter
  kInteger,  ///< int64 (or bool): exact integers, `ts[0] + warmup` wrapping as numpy's int64 does
  kObject,   ///< Python objects (bools mixed with numbers or nulls, huge ints): None never passes
};

/// A value cell that Python's `float()` rejects; an error only if its row survives the warmup.
struct UnconvertibleValue {
  std::size_t row;     ///< 0-based row of the series
  std::string reason;  ///< Python's message, e.g. `could not convert string to float: 'abc'`
};

/// The first series of one repetition as the generic checker evaluates it: the two-column table
/// pandas builds from `values`, rows in the order sent (never sorted or deduplicated).
struct RepetitionSeries {
  TimestampColumn column = TimestampColumn::kFloat;
  /// Seconds since the epoch per row (absolute, not re-based); NaN for a missing or null cell.
  std::vector<double> timestamps;
  /// For kInteger: the exact timestamps.
  std::vector<std::int64_t> integer_timestamps;
  /// For kObject: the first timestamp is null, so `ts[0] + warmup` raises TypeError.
  bool first_timestamp_is_null = false;
  /// Python's `float()` of each value cell; NaN for null or missing cells.
  std::vector<double> values;
  /// Cells `float()` rejects, ordered by row.
  std::vector<UnconvertibleValue> unconvertible;
};

/// A float series from plain samples, e.g. promsynth's own history (timestamps in seconds).
RepetitionSeries SeriesFromSamples(std::vector<double> timestamps, std::vector<double> values);

/// The rows of a series that survive the warmup.
struct WarmedUpSeries {
  std::vector<double> timestamps;  ///< seconds, in the order sent
  std::vector<double> values;      ///< converted values, NaN kept
};

/// Steps 4-5 of the generic checker: keeps the rows with `timestamp >= timestamps[0] + warmup` (the
/// first row as sent, not the minimum; inclusive; per repetition). Throws SloError where pandas
/// raises: a series without rows, a warmup outside int64 with integer timestamps or beyond the double
/// range with float ones, a null first timestamp in an object column, or a surviving row whose value
/// `float()` rejects.
WarmedUpSeries ApplyWarmup(const RepetitionSeries& series, const PyInt& warmup);

/// ApplyWarmup into `out`, reusing its capacity.
void ApplyWarmup(const RepetitionSeries& series, const PyInt& warmup, WarmedUpSeries& out);

}  // namespace promsynth::slo
