#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "remote_write/sample_enumeration.h"

namespace promsynth {

/// Builds a `prometheus.WriteRequest` (remote write 1.0) in the protobuf wire format, by hand:
///
///   WriteRequest { repeated TimeSeries timeseries = 1; }
///   TimeSeries   { repeated Label labels = 1; repeated Sample samples = 2; }
///   Label        { string name = 1; string value = 2; }
///   Sample       { double value = 1; int64 timestamp = 2; }   // milliseconds
///
/// Each message's length is computed before it is written, so the request is built in one pass
/// into one reused buffer with no protobuf library. Not thread-safe (one per sender).
class WriteRequestEncoder {
 public:
  /// Appends one time series with a single sample.
  void AddSeries(std::span<const LabelView> labels, double value, int64_t timestamp_ms);

  /// The encoded request so far.
  const std::string& bytes() const { return bytes_; }
  size_t series() const { return series_; }

  /// Empties the request, keeping the buffer's capacity.
  void Clear() {
    bytes_.clear();
    series_ = 0;
  }

 private:
  std::string bytes_;
  size_t series_ = 0;
};

/// Field keys of remote write 1.0's protobuf messages: (field number << 3) | wire type (0 varint,
/// 1 fixed64, 2 length-delimited). WriteRequest.timeseries, TimeSeries.labels and .samples,
/// Label.name and .value, Sample.value and .timestamp.
namespace remote_write_field {
inline constexpr char kTimeSeriesKey = (1 << 3) | 2;
inline constexpr char kLabelKey = (1 << 3) | 2;
inline constexpr char kSampleKey = (2 << 3) | 2;
inline constexpr char kLabelNameKey = (1 << 3) | 2;
inline constexpr char kLabelValueKey = (2 << 3) | 2;
inline constexpr char kSampleValueKey = (1 << 3) | 1;
inline constexpr char kSampleTimestampKey = (2 << 3) | 0;
}  // namespace remote_write_field

/// Appends `value` as a protobuf varint.
void AppendVarint(std::string& out, uint64_t value);

/// The number of bytes of `value` as a varint.
size_t VarintSize(uint64_t value);

}  // namespace promsynth
