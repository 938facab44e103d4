#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "plugin/plugin_library.h"
#include "plugin/reset_schedule.h"
#include "promsynth/sequence_plugin.h"
#include "signal/generator.h"

namespace promsynth {

/// A family of series whose values come from one plugin function: one plugin instance per
/// series, `next()` called once per series per tick, `reset_interval` applied here (not in the
/// plugin).
///
/// A failing call (status other than OK) keeps the series' previous value (NaN before its first
/// value), counts one failure and is logged once per series; the generator goes on. A value the
/// plugin reports as +Inf (overflow) is passed through and exported as +Inf. Holds the library,
/// so it stays loaded while the instances live. Fill() runs on the io thread only; failures()
/// may be read from any thread.
class PluginGenerator final : public Generator {
 public:
  /// Creates `series_count` instances of `function` with `params` (declaration order, durations
  /// in seconds). Throws PluginError when the plugin cannot create one.
  PluginGenerator(std::shared_ptr<const PluginLibrary> library, const PluginFunction& function,
                  std::vector<double> params, int64_t reset_interval, size_t series_count);
  ~PluginGenerator() override;
  PluginGenerator(const PluginGenerator&) = delete;
  PluginGenerator& operator=(const PluginGenerator&) = delete;

  void Fill(const TickContext& context, std::span<const StreamKey> keys,
            std::span<double> out) noexcept override;

  /// Calls that failed so far (next, reset or re-create), over all series: the source of
  /// `promsynth_series_errors_total`.
  uint64_t failures() const noexcept override { return failures_.load(std::memory_order_relaxed); }

  /// The function this generator runs.
  const PluginFunction& function() const { return function_; }

  /// Salt of the random stream a plugin sees, separating it from other consumers of the series.
  static constexpr uint64_t kStreamSalt = 0x706c7567696eULL;  // "plugin"

 private:
  struct Series {
    void* instance = nullptr;
    ResetSchedule schedule;
    double last = 0;
    bool failure_logged = false;
  };

  int32_t Create(size_t index, void*& instance, char* error, uint32_t error_size) const;
  bool Restart(size_t index, char* error, uint32_t error_size);
  void RecordFailure(size_t index, std::string_view what, int32_t status, const char* error) noexcept;
  static void HostLog(void* context, int32_t level, const char* message);

  std::shared_ptr<const PluginLibrary> library_;
  const PluginFunction& function_;
  std::vector<double> params_;
  promsynth_host host_{};
  std::vector<Series> series_;
  std::atomic<uint64_t> failures_{0};
};

}  // namespace promsynth
