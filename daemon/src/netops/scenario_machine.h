#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "compat/python_random.h"
#include "netops/metric_error_shape.h"
#include "netops/netops_config.h"

namespace promsynth::netops {

/// What `ScenarioMachine::Tick` did to the scenario timeline on one tick.
enum class ScenarioEvent {
  kNone,     ///< stayed normal, or continued the active scenario
  kStarted,  ///< a scenario started on this tick (its first error tick)
  kEnded,    ///< the active scenario ended on this tick (this tick is already normal)
};

/// The original's per-device state machine ("Manager", spec A.5), with the device's fixed
/// `Random(42)` and one `MetricErrorShape` per metric. Call `Tick()` once per tick before sampling.
///
/// Per tick: when not in error, `u = random()` and `u <= error_rate` enters error. On the first
/// error tick (steps = 0) `choice` picks the scenario, `E = int(gauss(length, 0.1·length))`, notify,
/// steps = 1. On later error ticks: if steps = E the scenario ends and every metric stops (this tick
/// is normal); else notify, steps += 1. Notify starts every metric whose offset equals steps with
/// `StartError(E − steps)`. A scenario starting at tick t therefore covers ticks t … t+E−1 and ends
/// (first normal tick) at t+E.
///
/// Differences from the original, all in cases where it crashes or hangs: with no scenarios the
/// device never enters error (the draw is still made); `E` below 1 is raised to 1 (the original
/// divides by zero or never ends); a metric without an offset in the scenario never errs in it.
///
/// Forcing (runtime control API): `RequestStart(i)` / `RequestStop()` take effect at the next
/// `Tick()`. A forced start behaves like a natural start of scenario i on that tick without the
/// `random()` and `choice` draws (an active scenario is stopped first); E is still drawn from the
/// device generator. A forced stop ends the active scenario on that tick like a natural end. Either
/// one shifts the device generator's call sequence, so after forcing the timeline no longer matches
/// the original's tick for tick (the original has no such control).
class ScenarioMachine {
 public:
  /// `scenarios` with offsets indexed like the metrics; `error_rate` in [0, 1]; `seed` seeds the
  /// device generator (the original's is always 42; the metrics' shapes keep 42 whatever it is).
  ScenarioMachine(std::vector<ScenarioConfig> scenarios, size_t metric_count, double error_rate,
                  uint64_t seed = 42);

  /// Advances the timeline by one tick; returns what happened on it.
  ScenarioEvent Tick();

  /// Forces scenario `index` (must be < scenario_count()) to start at the next tick.
  void RequestStart(size_t index);
  /// Forces the active scenario (if any at the next tick) to end at the next tick; cancels a pending start.
  void RequestStop();
  /// Withdraws a pending `RequestStart`.
  void CancelStart() { requested_start_.reset(); }
  /// Stops scenario `index` only: withdraws its pending start, and ends it at the next tick when
  /// it is the active one. Returns whether anything changed (false when `index` is neither).
  bool RequestStopOf(size_t index);

  bool in_error() const { return in_error_; }
  /// The scenario in progress (after its first tick until its end), if any.
  std::optional<size_t> active_scenario() const { return in_error_ ? current_ : std::nullopt; }
  /// The scenario a `RequestStart` will start at the next tick, if any.
  std::optional<size_t> pending_start() const { return requested_start_; }
  /// Whether a `RequestStop` is waiting for the next tick.
  bool pending_stop() const { return requested_stop_; }
  /// The original's `steps` after this tick's update.
  int64_t steps() const { return steps_; }
  /// E of the active (or last) scenario.
  int64_t error_length() const { return error_length_; }
  /// Number of configured scenarios.
  size_t scenario_count() const { return scenarios_.size(); }
  /// Scenario `index` as configured.
  const ScenarioConfig& scenario(size_t index) const { return scenarios_[index]; }

  /// The error shape of metric `index` (config order); the caller advances it once per tick.
  MetricErrorShape& metric(size_t index) { return metrics_[index]; }
  const MetricErrorShape& metric(size_t index) const { return metrics_[index]; }

 private:
  void Begin(size_t index);
  void End();
  void Notify();

  std::vector<ScenarioConfig> scenarios_;
  std::vector<MetricErrorShape> metrics_;
  double error_rate_;
  compat::PythonRandom random_;
  bool in_error_ = false;
  int64_t steps_ = 0;
  int64_t error_length_ = 0;
  std::optional<size_t> current_;
  std::optional<size_t> requested_start_;
  bool requested_stop_ = false;
};

}  // namespace promsynth::netops
