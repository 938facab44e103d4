#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "netops/metric_error_shape.h"
#include "netops/netops_config.h"
#include "netops/scenario_machine.h"
#include "signal/random_stream.h"

namespace promsynth::netops {

/// Which ticks carry `is_error = 1`.
enum class IsErrorMode {
  kPinnedPhase,  ///< the later original (after f5e0ec8, shipped long-term): pinned peak phase only
  kWholeWindow,  ///< the README-era handler (d711190): the metric's whole error window
};

/// Where a sample's value came from; a value equal to a configured bound is that bound's JSON
/// number, which Python prints as written (`100`, not `100.0`).
enum class ValueSource { kDraw, kMin, kMax };

/// One metric's sample on one tick.
struct MetricSample {
  double value = 0.0;
  ValueSource source = ValueSource::kDraw;
  ErrorPhase phase = ErrorPhase::kNormal;
  bool is_error = false;  ///< per the simulator's `IsErrorMode`
  bool alerting = false;  ///< the threshold fired
  std::string alert;      ///< the alert text, "" when not alerting
};

/// Everything one tick produced, metrics in config order.
struct TickResult {
  int64_t tick = -1;  ///< 0 for the first tick
  ScenarioEvent event = ScenarioEvent::kNone;
  bool device_in_error = false;
  std::optional<size_t> active_scenario;
  std::vector<MetricSample> samples;
};

/// One netops device (the original's Manager plus its metrics) over a parsed config.
///
/// `Tick()` advances the scenario machine, then samples every metric in config order: outside an
/// error window, or on a calm pre-error tick, `clamp(N(mu, sigma) + N(0, noise))` (min first, then
/// max); on a spike or pinned tick the peak (`max`, or `min` for `type: false`) clamped the same way.
/// The original drew the two normals from numpy's unseeded global generator; here they come from
/// `TickRandom(key, tick)` with the key derived from `seed` and the metric name, so a run is
/// reproducible and matches the original statistically. The scenario timeline itself is the
/// original's, exactly (fixed `Random(42)` per device and metric), independent of `seed`.
///
/// Not thread-safe: one caller at a time (the daemon serialises ticks and control requests).
class NetopsSimulator {
 public:
  NetopsSimulator(NetopsConfig config, uint64_t seed, IsErrorMode mode = IsErrorMode::kPinnedPhase);

  /// Advances one tick; the result stays valid until the next call.
  const TickResult& Tick();
  /// The last tick's result (tick −1, no samples, before the first `Tick()`).
  const TickResult& last() const { return last_; }

  /// The config the simulator runs.
  const NetopsConfig& config() const { return config_; }
  /// Which ticks carry `is_error`.
  IsErrorMode is_error_mode() const { return mode_; }
  /// The device's scenario timeline (read-only; use the Request* methods to force it).
  const ScenarioMachine& machine() const { return machine_; }

  /// Index of the scenario called `name` (its `name` key, else its index as text).
  std::optional<size_t> FindScenario(std::string_view name) const;
  /// Whether scenario `index` is in progress.
  bool IsScenarioActive(size_t index) const { return machine_.active_scenario() == index; }
  /// Forces scenario `index` to start at the next tick (see `ScenarioMachine::RequestStart`).
  void RequestScenarioStart(size_t index) { machine_.RequestStart(index); }
  /// Ends scenario `index` at the next tick when it is active or pending; true when that changed
  /// anything (see `ScenarioMachine::RequestStopOf`).
  bool RequestScenarioStopOf(size_t index) { return machine_.RequestStopOf(index); }

  /// Appends the sample's value as Python's `str()` prints it (a bound as written in JSON).
  void AppendValueText(std::string& out, size_t metric, const MetricSample& sample) const;
  /// The sample's value as Python's `str()` prints it.
  std::string ValueText(size_t metric, const MetricSample& sample) const;

 private:
  void Sample(size_t metric, ErrorPhase phase, MetricSample& out) const;

  NetopsConfig config_;
  IsErrorMode mode_;
  ScenarioMachine machine_;
  std::vector<StreamKey> keys_;
  int64_t next_tick_ = 0;
  TickResult last_;
};

/// The stream key of one netops metric's normal draws.
StreamKey NetopsStreamKey(uint64_t seed, std::string_view metric_name);

/// Replaces every `StatReplace` in `alert_template` with `value_text` (Python `str.replace`).
std::string RenderAlert(std::string_view alert_template, std::string_view value_text);

}  // namespace promsynth::netops
