#include "signal/anomaly_stage.h"

#include <cmath>

#include "signal/stale_marker.h"
#include "signal/timestamp.h"
#include "util/floor_div.h"

namespace promsynth {

std::vector<double> AnomalyMultipliers(AnomalyPattern pattern, double factor, int64_t recovery_time,
                                       double frequency) {
  const auto size = static_cast<size_t>(recovery_time);
  const double r_base = static_cast<double>(recovery_time);
  std::vector<double> exponents(size, 1.0);
  if (size > 1) {
    const double step = -1.0 / (r_base - 1.0);
    for (size_t k = 0; k < size; ++k) exponents[k] = static_cast<double>(k) * step + 1.0;
    exponents[size - 1] = 0.0;
  }
  std::vector<double> multipliers(size);
  for (size_t k = 0; k < size; ++k) {
    double response = 1.0;
    switch (pattern) {
      case AnomalyPattern::kLinear:
        response = exponents[k];
        break;
      case AnomalyPattern::kExponential:
        response = (std::pow(r_base, exponents[k]) - 1.0) / (r_base - 1.0);
        break;
      case AnomalyPattern::kOscillating:
        response =
            (std::pow(r_base, exponents[k]) - 1.0) / r_base * std::sin(frequency * static_cast<double>(k));
        break;
      case AnomalyPattern::kStep:
        break;
    }
    multipliers[k] = 1.0 + (factor - 1.0) * response;
  }
  return multipliers;
}

double AnomalyStage::MultiplierAt(int64_t tick, int64_t tick_ms) const {
  const AnomalySchedule& s = schedule_;
  const int64_t first =
      s.at_ms ? FirstTickAtOrAfter(*s.at_ms, tick_ms) : FirstTickAtOrAfter(s.start_ms, tick_ms) + s.at_ticks;
  int64_t position = tick - first;
  if (position < 0) return 1.0;
  if (s.every_ticks > 0) {
    position %= s.every_ticks;
  } else if (s.every_ms > 0) {
    // Window n begins at the first tick at or after origin + n·every; the tick's time is at or
    // after that point, so the position in window n is never negative.
    const int64_t origin_ms = s.at_ms ? *s.at_ms : (first * tick_ms);
    const int64_t n = FloorDiv(tick * tick_ms - origin_ms, s.every_ms);
    position = tick - FirstTickAtOrAfter(origin_ms + n * s.every_ms, tick_ms);
  }
  return position < static_cast<int64_t>(multipliers_.size()) ? multipliers_[static_cast<size_t>(position)]
                                                              : 1.0;
}

void AnomalyStage::Apply(const TickContext& context, std::span<const StreamKey> /*keys*/,
                         std::span<double> values) noexcept {
  const double multiplier = MultiplierAt(context.tick, context.tick_ms);
  if (multiplier == 1.0) return;
  for (double& value : values) {
    if (!IsStaleMarker(value)) value *= multiplier;
  }
}

namespace {

AnomalyPattern PatternFrom(const std::string& text) {
  if (text == "exponential") return AnomalyPattern::kExponential;
  if (text == "oscillating") return AnomalyPattern::kOscillating;
  if (text == "step") return AnomalyPattern::kStep;
  return AnomalyPattern::kLinear;
}

}  // namespace

StageKind AnomalyStageKind() {
  return {.name = "anomaly",
          .help = "Multiplies the signal by an anomaly curve (seed 001's patterns) in a window of R ticks.",
          .rank = 1,
          .params = {{.name = "pattern",
                      .type = ParamType::kText,
                      .required = true,
                      .help = "the response curve",
                      .choices = {"linear", "exponential", "oscillating", "step"}},
                     {.name = "factor",
                      .required = true,
                      .alias = "anomaly_factor",
                      .help = "the multiplier at the window's first tick"},
                     {.name = "recovery_time",
                      .required = true,
                      .min = 1,
                      .max = 1e6,
                      .help = "R, the window's length in ticks",
                      .integer = true},
                     {.name = "at",
                      .type = ParamType::kTicksOrTime,
                      .default_value = 0,
                      .min = 0,
                      .help = "whole ticks from the origin to the first window, or the first window's time",
                      .integer = true},
                     {.name = "start",
                      .type = ParamType::kTimestamp,
                      .default_value = 0,
                      .help = "the origin: the first tick at or after this time"},
                     {.name = "every",
                      .type = ParamType::kTicksOrDuration,
                      .default_value = 0,
                      .min = 0,
                      .help = "repeat the window every this many ticks (0: once), or every this duration",
                      .integer = true},
                     {.name = "frequency", .default_value = 3, .help = "oscillating: radians per sample"}},
          .check = [](const ResolvedParams& params) -> std::optional<std::string> {
            const std::string& pattern = params.GetText("pattern");
            if (pattern == "exponential" && params.Get("recovery_time") < 2) {
              return "pattern exponential needs a recovery_time of at least 2 (R = 1 gives 0/0)";
            }
            if (params.Given("frequency") && pattern != "oscillating") {
              return "frequency applies only to pattern oscillating";
            }
            if (params.IsWallClock("at") && params.Given("start")) {
              return "at is a time, so start does not apply: give at as ticks after start, or drop start";
            }
            if (!params.IsWallClock("every") && params.Get("every") > 0 &&
                params.Get("every") < params.Get("recovery_time")) {
              return "every must be at least recovery_time, so that windows do not overlap";
            }
            return std::nullopt;
          },
          .make = [](const ResolvedParams& params, size_t, uint64_t) -> std::unique_ptr<Stage> {
            AnomalySchedule schedule;
            schedule.start_ms = params.GetMillis("start");
            if (params.IsWallClock("at")) {
              schedule.at_ms = params.GetMillis("at");
            } else {
              schedule.at_ticks = params.GetInteger("at");
            }
            if (params.IsWallClock("every")) {
              schedule.every_ms = params.GetMillis("every");
            } else {
              schedule.every_ticks = params.GetInteger("every");
            }
            return std::make_unique<AnomalyStage>(
                AnomalyMultipliers(PatternFrom(params.GetText("pattern")), params.Get("factor"),
                                   params.GetInteger("recovery_time"), params.Get("frequency")),
                schedule);
          }};
}

}  // namespace promsynth
