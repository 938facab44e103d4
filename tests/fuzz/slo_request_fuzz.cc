// Fuzz target for the SLO checker request parsers: whatever the body, both routes must answer 200
// with exactly `true`/`false` or 500 with a one-line reason, and never crash or throw. Where the
// generic route's fast path answers, its verdict must be the general path's, and a check started
// while the body arrives must answer as one given the whole body.
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

// The general path's verdict, or nothing where it fails.
std::optional<bool> GeneralVerdict(std::string_view body) {
  try {
    return promsynth::slo::EvaluateGeneric(promsynth::slo::ParseGenericRequest(body));
  } catch (const promsynth::slo::SloError&) {
    return std::nullopt;
  }
}

// The fast path may leave any body to the general path, but never answer differently.
bool Agrees(std::optional<bool> fast, std::string_view body) { return !fast || fast == GeneralVerdict(body); }

// A check started while the body arrives, handed the body in pieces whose sizes come from its
// length, as a connection would.
std::optional<bool> StartedCheck(std::string_view body) {
  promsynth::slo::FastGenericCheck check(2);
  const std::size_t step = 1 + body.size() % 7 + body.size() / 5;
  for (std::size_t got = step; got < body.size(); got += step) check.Arrived(body.substr(0, got));
  return check.Finish(body);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  if (!WellFormed(promsynth::slo::EvaluateGenericRequest(body))) std::abort();
  if (!WellFormed(promsynth::slo::EvaluateSlopeRequest(body))) std::abort();
  if (!Agrees(promsynth::slo::FastEvaluateGeneric(body, 2), body)) std::abort();
  if (!Agrees(StartedCheck(body), body)) std::abort();
  return 0;
}
