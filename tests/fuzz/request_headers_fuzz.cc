// Fuzz target for the request header parsers of the telemetry path: `Accept` (the exposition
// format) and `Accept-Encoding` (gzip). Any header value gives an answer; never a crash or UB.
// The answer must not depend on surrounding spaces, which HTTP strips from a field value.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "http/accept_encoding.h"
#include "http/exposition_format.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view value(reinterpret_cast<const char*>(data), size);
  const promsynth::ExpositionFormat format = promsynth::NegotiateExpositionFormat(value);
  const bool gzip = promsynth::AcceptsGzip(value);
  const std::string padded = " " + std::string(value) + " ";
  if (promsynth::NegotiateExpositionFormat(padded) != format || promsynth::AcceptsGzip(padded) != gzip) {
    std::abort();
  }
  (void)promsynth::ExpositionContentType(format);
  return 0;
}
