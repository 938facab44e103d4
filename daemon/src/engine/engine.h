#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "config/config.h"
#include "engine/family_kernel.h"
#include "engine/series_override.h"
#include "engine/shard.h"
#include "engine/snapshot.h"
#include "engine/snapshot_pool.h"
#include "signal/generator.h"
#include "signal/generator_registry.h"
#include "signal/reset_schedule.h"
#include "signal/sample_gaps.h"

namespace promsynth {

/// Bounds an engine is built within.
struct EngineLimits {
  uint64_t max_series = 20'000'000;  ///< a config expanding to more series is refused
  Shard shard;                       ///< the share of every family's series this replica generates
  uint64_t memory_limit_bytes = 0;   ///< a config estimated above this is refused (0: no limit)
};

/// What one call of Engine::Step did.
struct StepResult {
  uint64_t families_stepped = 0;
  uint64_t overruns = 0;  ///< ticks that were due but came too late and were skipped
};

/// Owns every generated series and steps them tick by tick.
///
/// Values live in one contiguous array (family after family, `values_per_series` per series:
/// see FamilyLayout); a family's kernel steps its range in one call. Gaps (`gaps:`) are applied
/// to the published copy only, so the state underneath keeps counting. Ticks are aligned to the epoch: tick k
/// of a family with tick length T is at k·T, so every replica with the same config computes the same values
/// at the same time. Not thread-safe: the io thread owns it. Scrapes read the snapshots it publishes.
class Engine {
 public:
  /// Builds the engine. Throws ConfigErrors for an invalid generator or too many series.
  Engine(const Config& config, const GeneratorRegistry& registry, const EngineLimits& limits = {});

  /// Steps every family whose tick is due at `now_ms` (milliseconds since the epoch).
  /// A cumulative family (counter, histogram, summary) catches up on the ticks it missed (up to
  /// kMaxCatchUpTicks); a gauge computes only the current one.
  StepResult Step(int64_t now_ms) noexcept;

  /// Steps the families [first, last) as Step steps them at `now_ms`, with `scratch` (at least
  /// scratch_size() doubles) as the kernels' scratch, leaving the engine's step count alone. For
  /// batch runs that step the families in parallel: with ConcurrentSplit() > 0, calls for
  /// disjoint ranges (each with its own scratch) may run at the same time on different threads,
  /// and PublishFamilyValues for a range may run alongside steps of the others. Step and
  /// StepFamilies must not be mixed in one run.
  void StepFamilies(int64_t now_ms, size_t first, size_t last, std::span<double> scratch) noexcept;

  /// Where a batch run may split the families between two threads: an index k such that [0, k)
  /// and [k, families) hold about half of the values each, or 0 when the families cannot be
  /// stepped concurrently (a scenario override is installed, a family advances on scrapes, the
  /// registry holds a plugin (GeneratorKind::foreign) kind, or there are fewer than two families).
  size_t ConcurrentSplit() const;
  /// Whether every family's values at a sample time depend on that time alone (see
  /// FamilyKernel::Stateless), with no override, plugin kind or scrape-driven family: then
  /// engines built from the same config give the same values at the same times whichever times
  /// each stepped before, so a batch run may hand each thread its own engine and a share of
  /// the sample times (RunTimeSplit).
  bool Stateless() const;
  /// Doubles of scratch StepFamilies needs.
  size_t scratch_size() const { return scratch_.size(); }
  /// Families over all metrics.
  size_t family_count() const { return families_.size(); }
  /// The value index where family `index` starts (value_count() for index == family_count()).
  size_t FamilyValueOffset(size_t index) const;
  /// The values of families [first, last) as PublishValues gives them (gaps applied), written to
  /// `out` (FamilyValueOffset(last) − FamilyValueOffset(first) doubles). Allocates nothing.
  void PublishFamilyValues(size_t first, size_t last, std::span<double> out) const noexcept;

  /// Advances the families whose `advance` is `scrape` by one tick, and those whose `advance` is
  /// `interval` by one tick when `advance_interval` has passed since their last advance (or they
  /// never advanced). Such a family's clock counts its advances: tick 1, 2, 3, … (`Step` leaves it
  /// alone). Called on the io thread when a scrape comes in, before the scrape renders.
  StepResult AdvanceOnScrape(int64_t now_ms) noexcept;

  /// Whether some family advances on scrapes (then every scrape must call AdvanceOnScrape).
  bool advances_on_scrape() const;

  /// Installs the scenario override stage (nullptr: none). Call before the first Step.
  void SetOverride(std::unique_ptr<SeriesOverride> override_stage);
  /// The override stage installed, if any.
  SeriesOverride* override_stage() const { return override_.get(); }

  /// Failed generator calls of family `index` so far (see Generator::failures).
  uint64_t failures(size_t index) const noexcept { return families_[index].kernel->failures(); }

  /// The earliest time after `now_ms` at which some family's next tick is due.
  int64_t NextDueMs(int64_t now_ms) const;

  /// A snapshot of the current values (buffers recycled through the pool).
  std::shared_ptr<const Snapshot> Publish();
  /// The values Publish would give, copied into `values` (resized, its buffer reused): for batch
  /// runs, which read every row once and need no shared snapshot.
  void PublishValues(std::vector<double>& values) const;

  /// Carries values and tick positions over from `old` for every family whose definition and
  /// seed did not change, so that a reload keeps counters counting. Returns how many families.
  size_t AdoptState(const Engine& old);

  const Config& config() const { return config_; }
  const std::shared_ptr<const SeriesLayout>& layout() const { return layout_; }
  /// Series (label sets) over all families.
  size_t series_count() const { return layout_->series_count; }
  /// Values over all families: the size of a snapshot's value array.
  size_t value_count() const { return values_.size(); }

  /// How many missed counter ticks are caught up at most; older increments are dropped.
  static constexpr int64_t kMaxCatchUpTicks = 60;

 private:
  struct FamilyState {
    std::unique_ptr<FamilyKernel> kernel;
    std::unique_ptr<SampleGaps> gaps;  ///< null without `gaps:`
    std::vector<StreamKey> keys;
    int64_t last_tick = 0;
    bool started = false;
    int64_t advanced_at_ms = 0;  ///< advance: interval, the wall-clock time of the last advance
    ResetSchedule resets;        ///< a cumulative family's `resets:` (for its created time)
    FamilyTimes times;
  };

  /// Steps family `index` up to tick `tick_now` (the tick `now` falls in, FloorDiv(now_ms, its tick
  /// length), which the caller computes once per distinct tick length rather than per family).
  /// `wall_ms` (when not 0) is the wall-clock time of a scrape advance: it stands in for the tick
  /// times of a family whose clock counts advances.
  void StepFamily(size_t index, int64_t tick_now, std::span<double> scratch, StepResult& result,
                  int64_t wall_ms = 0) noexcept;
  /// Steps the tick-driven families in [first, last) due at `now_ms`.
  void StepRange(int64_t now_ms, size_t first, size_t last, std::span<double> scratch,
                 StepResult& result) noexcept;
  /// Whether only this engine's own thread, tick by tick, may step it: a scenario override is
  /// installed, the registry holds a plugin kind, or a family advances on scrapes. Then neither
  /// ConcurrentSplit nor Stateless allows stepping apart.
  bool SteppedInOrderOnly() const;
  /// Applies the gaps of family `index` to `values`, its values.
  void ApplyGaps(size_t index, std::span<double> values) const noexcept;

  Config config_;
  std::shared_ptr<const SeriesLayout> layout_;
  std::vector<FamilyState> families_;
  std::vector<double> values_;   ///< the state of every series (a counter's running total…)
  std::vector<double> scratch_;  ///< one double per series of the largest family, for kernels
  std::shared_ptr<SnapshotPool> pool_ = SnapshotPool::Create();
  uint64_t sequence_ = 0;
  int64_t last_step_ms_ = 0;
  std::unique_ptr<SeriesOverride> override_;
  std::vector<int64_t> tick_lengths_;  ///< the distinct tick lengths of the families, for NextDueMs
  bool has_gaps_ = false;              ///< some family has `gaps:` (PublishValues applies them)
  bool builtin_kinds_only_ = false;    ///< the registry has no plugin kinds (see ConcurrentSplit)
};

/// Validates the generators of every metric against `registry`, appending one error per problem.
void ResolveConfigGenerators(const Config& config, const GeneratorRegistry& registry,
                             std::vector<ConfigError>& errors);

/// The error for a config that expands to more series than `limits` allow, if it does.
std::optional<ConfigError> SeriesLimitError(const Config& config, const EngineLimits& limits);

/// The stream keys of a family's series: (seed, metric name, own labels) hashed, so a series
/// keeps its random stream when other series are added or labels are reordered.
std::vector<StreamKey> ComputeStreamKeys(uint64_t seed, const FamilyLayout& family);

}  // namespace promsynth
