#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "signal/stage.h"

namespace promsynth {

/// The response curves of seed 001's anomalies (`specs/chaos.md` §B.5).
enum class AnomalyPattern { kLinear, kExponential, kOscillating, kStep };

/// The multipliers m[k] = 1 + (factor − 1)·r[k], k = 0..R−1, of one anomaly window, with r from
/// the pattern and e[k] = numpy.linspace(1, 0, R)[k] (k·(−1/(R−1)) + 1, the last exactly 0, and
/// [1] for R = 1):
/// - linear: r = e (1 − k/(R−1));
/// - exponential: r = (R^e − 1)/(R − 1) (NaN for R = 1, so the stage refuses R < 2);
/// - oscillating: r = (R^e − 1)/R · sin(frequency·k), frequency in radians per sample;
/// - step: r = 1.
std::vector<double> AnomalyMultipliers(AnomalyPattern pattern, double factor, int64_t recovery_time,
                                       double frequency);

/// When an anomaly's windows begin. Every schedule is a pure function of the tick, so replicas
/// and restarts agree.
struct AnomalySchedule {
  int64_t start_ms = 0;          ///< the origin (`start`): its first tick at or after this time
  int64_t at_ticks = 0;          ///< `at` as a number: the first window is this many ticks after the origin
  std::optional<int64_t> at_ms;  ///< `at` as a time: the first window begins at its first tick at or after it
  int64_t every_ticks = 0;       ///< `every` as a number: a window every this many ticks (0: once)
  int64_t every_ms = 0;          ///< `every` as a duration: a window at the first tick at or after each
                                 ///< T + n·every, T the first window's time (the epoch by default)
};

/// `anomaly`: multiplies the values of every series by the window's multipliers. The first
/// window begins at `at` — ticks after the first tick at or after `start` (default the epoch),
/// or a time — and repeats every `every` ticks or every `every` of wall-clock time, aligned to
/// that first window's time (so `every: 1h` alone gives a window at the start of every hour
/// since the epoch). A window that begins before the previous one ended cuts it short.
/// Stateless: each tick's factor is computed from its position in the window.
class AnomalyStage final : public Stage {
 public:
  AnomalyStage(std::vector<double> multipliers, const AnomalySchedule& schedule)
      : multipliers_(std::move(multipliers)), schedule_(schedule) {}
  /// Ticks only: origin `start_ms`, first window `at` ticks after it, then every `every` ticks.
  AnomalyStage(std::vector<double> multipliers, int64_t start_ms, int64_t at, int64_t every)
      : AnomalyStage(std::move(multipliers), AnomalySchedule{start_ms, at, std::nullopt, every, 0}) {}
  void Apply(const TickContext& context, std::span<const StreamKey> keys,
             std::span<double> values) noexcept override;
  bool Stateless() const noexcept override { return true; }

  /// The multiplier at `tick` (1 outside the windows).
  double MultiplierAt(int64_t tick, int64_t tick_ms) const;

 private:
  std::vector<double> multipliers_;
  AnomalySchedule schedule_;
};

/// The `anomaly` stage: `pattern` (linear, exponential, oscillating, step; required), `factor`
/// (or `anomaly_factor`; required), `recovery_time` (R ticks, a whole number ≥ 1; ≥ 2 for
/// exponential), `at` (ticks after the origin, 0), `start` (the origin, the epoch), `every` (ticks,
/// 0 = once; otherwise ≥ R), `frequency` (oscillating only, 3 rad per sample).
StageKind AnomalyStageKind();

}  // namespace promsynth
