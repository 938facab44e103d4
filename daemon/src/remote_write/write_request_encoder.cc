#include "remote_write/write_request_encoder.h"

#include <bit>

namespace promsynth {
namespace {

using namespace remote_write_field;  // NOLINT(google-build-using-namespace): the field keys

size_t LabelSize(const LabelView& label) {
  return 1 + VarintSize(label.name.size()) + label.name.size() + 1 + VarintSize(label.value.size()) +
         label.value.size();
}

}  // namespace

size_t VarintSize(uint64_t value) {
  size_t size = 1;
  while (value >= 0x80) {
    value >>= 7;
    ++size;
  }
  return size;
}

void AppendVarint(std::string& out, uint64_t value) {
  while (value >= 0x80) {
    out += static_cast<char>((value & 0x7f) | 0x80);
    value >>= 7;
  }
  out += static_cast<char>(value);
}

void WriteRequestEncoder::AddSeries(std::span<const LabelView> labels, double value, int64_t timestamp_ms) {
  // An int64 varint is the two's complement bit pattern (negative times take ten bytes).
  const auto timestamp = static_cast<uint64_t>(timestamp_ms);
  const size_t sample_size = 1 + 8 + 1 + VarintSize(timestamp);
  size_t series_size = 1 + VarintSize(sample_size) + sample_size;
  for (const LabelView& label : labels) {
    const size_t size = LabelSize(label);
    series_size += 1 + VarintSize(size) + size;
  }
  bytes_ += kTimeSeriesKey;
  AppendVarint(bytes_, series_size);
  for (const LabelView& label : labels) {
    bytes_ += kLabelKey;
    AppendVarint(bytes_, LabelSize(label));
    bytes_ += kLabelNameKey;
    AppendVarint(bytes_, label.name.size());
    bytes_ += label.name;
    bytes_ += kLabelValueKey;
    AppendVarint(bytes_, label.value.size());
    bytes_ += label.value;
  }
  bytes_ += kSampleKey;
  AppendVarint(bytes_, sample_size);
  bytes_ += kSampleValueKey;
  uint64_t bits = std::bit_cast<uint64_t>(value);
  for (int i = 0; i < 8; ++i, bits >>= 8) bytes_ += static_cast<char>(bits & 0xff);  // little-endian fixed64
  bytes_ += kSampleTimestampKey;
  AppendVarint(bytes_, timestamp);
  ++series_;
}

}  // namespace promsynth
