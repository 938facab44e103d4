#pragma once

#include <cstdint>
#include <optional>

#include "signal/distributions.h"
#include "signal/stage.h"

namespace promsynth {

/// `noise`: adds a draw from `distribution` to every series, optionally smoothed by a centred
/// moving average of `smoothing_window` w draws with zero padding, as numpy.convolve(noise,
/// ones(w)/w, mode='same') does in seed 001:
///   y[k] = (1/w) · Σ n[j] for j in [k − floor(w/2), k + ceil(w/2) − 1], n[j] = 0 before the origin.
/// The draws n[j] are counter-based (a pure function of series, tick j and the stage's salt), so
/// the "future" draws a centred window needs are computed directly: the output is not delayed.
/// The origin is the first tick at or after `start` (default the epoch). With `samples` > 0 the
/// draws stop after that many ticks (n[j] = 0 from origin + samples on: zero padding at the end,
/// as in a seed-001 run of `samples` rows). With a `shared_seed`, every series draws the same
/// stream, keyed by that seed alone, as seed 001 does by re-creating default_rng(seed) per metric.
class NoiseStage final : public Stage {
 public:
  NoiseStage(const Distribution& distribution, int64_t window, int64_t start_ms, uint64_t salt,
             int64_t samples = 0, std::optional<uint64_t> shared_seed = std::nullopt)
      : distribution_(distribution),
        window_(window),
        start_ms_(start_ms),
        salt_(salt),
        samples_(samples),
        shared_key_(shared_seed ? std::optional<StreamKey>(SharedKey(*shared_seed)) : std::nullopt) {}
  void Apply(const TickContext& context, std::span<const StreamKey> keys,
             std::span<double> values) noexcept override;
  bool Stateless() const noexcept override { return true; }

  /// The raw draw n[tick] of the series with stream `key` (0 before the origin tick).
  double Draw(StreamKey key, int64_t tick, int64_t origin_tick) const;
  /// The smoothed noise y[tick] added to the series with stream `key`.
  double NoiseAt(StreamKey key, int64_t tick, int64_t tick_ms) const;

 private:
  Distribution distribution_;
  int64_t window_;
  int64_t start_ms_;
  uint64_t salt_;
  int64_t samples_;
  std::optional<StreamKey> shared_key_;

  /// NoiseAt with the origin tick already computed (Apply computes it once per tick, not per series).
  double NoiseFrom(StreamKey key, int64_t tick, int64_t origin_tick) const;

  static StreamKey SharedKey(uint64_t seed) { return CombineKey(Mix64(seed), HashText("noise")); }
};

/// The `noise` stage: `distribution` (gaussian, normal, uniform, lognormal, exponential, logistic,
/// laplace; gaussian) with numpy's parameters and defaults (`loc` 0, `scale` 1, `low` 0, `high` 1,
/// `mean` 0, `sigma` 1; only those of the chosen distribution), `smoothing_window` (1, a whole
/// number ≥ 1), `start` (the origin, the epoch), `samples` (0 = unbounded), `seed` (absent: each
/// series its own stream; given: one stream shared by every noise stage with this seed).
StageKind NoiseStageKind();

}  // namespace promsynth
