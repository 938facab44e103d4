// Fuzz target for the promtool series notation parser: it returns samples (at most the limit)
// or an error with a message; it never crashes or throws.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "signal/promtool_series.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  promsynth::PromtoolSeriesError error;
  constexpr size_t kLimit = 100'000;
  const auto samples = promsynth::ParsePromtoolSeries(text, error, kLimit);
  if (samples && samples->size() > kLimit) std::abort();
  if (!samples && error.message.empty()) std::abort();
  return 0;
}
