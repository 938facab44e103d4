#include "batch/float_text_memo.h"

#include <algorithm>
#include <bit>

#include "compat/python_float_format.h"

namespace promsynth {

FloatTextMemo::FloatTextMemo(size_t columns)
    : entries_(columns > 0 ? size_t{2} << kSetBits : 0), columns_(columns) {}

size_t FloatTextMemo::Write(char* out, size_t column, double value) noexcept {
  Column& stats = columns_[column];
  if (stats.skip > 0) {
    --stats.skip;
    return compat::WritePythonFloat(out, value);
  }
  const auto bits = std::bit_cast<uint64_t>(value);
  // Fibonacci hashing: the top bits of the product mix every bit of the value into the set index.
  const size_t set = static_cast<size_t>((bits * 0x9e3779b97f4a7c15ULL) >> (64 - kSetBits));
  Entry* const pair = entries_.data() + 2 * set;
  ++stats.lookups;
  size_t length = 0;
  for (int way = 0; way < 2; ++way) {
    const Entry& entry = pair[way];
    if (entry.length != 0 && entry.bits == bits) {
      // `out` has room for kMaxPythonFloatLength bytes: copying the whole slot is safe and faster
      // than a copy of `length` bytes.
      std::copy_n(entry.text.data(), entry.text.size(), out);
      length = entry.length;
      ++stats.hits;
      break;
    }
  }
  if (length == 0) {
    length = compat::WritePythonFloat(out, value);
    if (length <= pair[0].text.size()) {
      pair[1] = pair[0];  // the newer entry first, the older one second: least recently inserted goes
      pair[0].bits = bits;
      std::copy_n(out, length, pair[0].text.data());
      pair[0].length = static_cast<uint8_t>(length);
    }
  }
  if (stats.lookups == kWindow) {
    if (stats.hits < kMinHits) stats.skip = kSkip;
    stats.lookups = 0;
    stats.hits = 0;
  }
  return length;
}

}  // namespace promsynth
