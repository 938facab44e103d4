// Fuzz target for the SLO checker request parsers: whatever the body, both routes must answer 200
// with exactly `true`/`false` or 500 with a one-line reason, and never crash or throw. Where the
// generic route's fast path answers, its verdict must be the general path's.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string_view>

#include "slo/check_response.h"
#include "slo/fast_generic_check.h"
#include "slo/generic_checker.h"
#include "slo/slo_error.h"
#include "slo/slo_request.h"
#include "slo/slope_checker.h"

namespace {

bool WellFormed(const promsynth::slo::CheckResponse& response) {
  if (response.status == 200) {
    return response.content_type == "application/json" &&
           (response.body == "true" || response.body == "false");
  }
  return response.status == 500 && response.body.find('\n') == std::string::npos;
}

// The fast path may leave any body to the general path, but never answer differently.
bool FastPathAgrees(std::string_view body) {
  const std::optional<bool> fast = promsynth::slo::FastEvaluateGeneric(body, 2);
  if (!fast) return true;
  try {
    return *fast == promsynth::slo::EvaluateGeneric(promsynth::slo::ParseGenericRequest(body));
  } catch (const promsynth::slo::SloError&) {
    return false;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  if (!WellFormed(promsynth::slo::EvaluateGenericRequest(body))) std::abort();
  if (!WellFormed(promsynth::slo::EvaluateSlopeRequest(body))) std::abort();
  if (!FastPathAgrees(body)) std::abort();
  return 0;
}
