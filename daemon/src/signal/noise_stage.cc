#include "signal/noise_stage.h"

#include <algorithm>

#include "signal/stale_marker.h"
#include "signal/timestamp.h"

namespace promsynth {

double NoiseStage::Draw(StreamKey key, int64_t tick, int64_t origin_tick) const {
  if (tick < origin_tick || (samples_ > 0 && tick >= origin_tick + samples_)) return 0.0;
  TickRandom random(shared_key_.value_or(key), tick, shared_key_ ? 0 : salt_);
  return distribution_.Sample(random);
}

double NoiseStage::NoiseAt(StreamKey key, int64_t tick, int64_t tick_ms) const {
  return NoiseFrom(key, tick, FirstTickAtOrAfter(start_ms_, tick_ms));
}

double NoiseStage::NoiseFrom(StreamKey key, int64_t tick, int64_t origin_tick) const {
  if (window_ == 1) return Draw(key, tick, origin_tick);
  const int64_t first = tick - window_ / 2;
  double sum = 0;
  for (int64_t j = first; j < first + window_; ++j) sum += Draw(key, j, origin_tick);
  return sum / static_cast<double>(window_);
}

void NoiseStage::Apply(const TickContext& context, std::span<const StreamKey> keys,
                       std::span<double> values) noexcept {
  const size_t count = std::min(values.size(), keys.size());
  const int64_t origin_tick = FirstTickAtOrAfter(start_ms_, context.tick_ms);
  for (size_t i = 0; i < count; ++i) {
    if (!IsStaleMarker(values[i])) values[i] += NoiseFrom(keys[i], context.tick, origin_tick);
  }
}

StageKind NoiseStageKind() {
  return {
      .name = "noise",
      .help = "Adds random noise from a distribution, optionally smoothed by a centred moving average.",
      .rank = 2,
      .params =
          {{.name = "distribution",
            .type = ParamType::kText,
            .help = "the noise distribution",
            .choices = DistributionNames(),
            .default_text = "gaussian"},
           {.name = "loc", .default_value = 0, .help = "gaussian, normal, logistic, laplace: the centre"},
           {.name = "scale",
            .default_value = 1,
            .min = 0,
            .help = "gaussian, normal, logistic, laplace, exponential: the scale"},
           {.name = "low", .default_value = 0, .help = "uniform: lower bound"},
           {.name = "high", .default_value = 1, .help = "uniform: upper bound"},
           {.name = "mean", .default_value = 0, .help = "lognormal: mean of the underlying normal"},
           {.name = "sigma", .default_value = 1, .min = 0, .help = "lognormal: sd of the underlying normal"},
           {.name = "smoothing_window",
            .default_value = 1,
            .min = 1,
            .max = 100000,
            .help = "w: average each draw with its neighbours (centred, zero padded)",
            .integer = true},
           {.name = "start",
            .type = ParamType::kTimestamp,
            .default_value = 0,
            .help = "the origin: no noise (zero padding) before the first tick at or after it"},
           {.name = "samples",
            .default_value = 0,
            .min = 0,
            .help = "draws only this many ticks from the origin, zero after (0: no end)",
            .integer = true},
           {.name = "seed",
            .default_value = 0,
            .min = 0,
            .max = 9007199254740992.0,
            .help = "one noise stream for every series whose noise has this seed (absent: one per series)",
            .integer = true}},
      .check = [](const ResolvedParams& params) -> std::optional<std::string> {
        const std::string& distribution = params.GetText("distribution");
        const auto names = DistributionParamNames(distribution);
        for (std::string_view name : {"loc", "scale", "low", "high", "mean", "sigma"}) {
          if (params.Given(name) && std::find(names.begin(), names.end(), name) == names.end()) {
            std::string takes;
            for (std::string_view taken : names) takes += (takes.empty() ? "" : ", ") + std::string(taken);
            return std::string(name) + " does not apply to distribution " + distribution + " (it takes " +
                   takes + ")";
          }
        }
        if (distribution == "uniform" && params.Get("low") > params.Get("high")) {
          return "low must not be greater than high";
        }
        return std::nullopt;
      },
      .make = [](const ResolvedParams& params, size_t, uint64_t salt) -> std::unique_ptr<Stage> {
        return std::make_unique<NoiseStage>(
            *DistributionFromParams(params.GetText("distribution"), params),
            params.GetInteger("smoothing_window"), params.GetMillis("start"), salt,
            params.GetInteger("samples"),
            params.Given("seed") ? std::optional<uint64_t>(static_cast<uint64_t>(params.GetInteger("seed")))
                                 : std::nullopt);
      }};
}

}  // namespace promsynth
