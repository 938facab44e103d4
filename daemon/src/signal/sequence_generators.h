#pragma once

#include <cstdint>
#include <vector>

#include "signal/generator_kind.h"

namespace promsynth {

/// What a replayed sequence does outside its samples.
enum class SequenceMode {
  kLoop,  ///< starts over after the last sample (and, before `start`, continues backwards)
  kHold,  ///< keeps the last sample; no sample before `start`
  kEnd,   ///< no sample after the last one, as promtool's series end; none before `start` either
};

/// `values` and `series`: a fixed list of samples replayed one per tick. Sample i belongs to tick
/// `s + i`, where s is the first tick at or after `start` (ticks are aligned to the epoch, so the
/// same config gives the same sample at the same wall-clock tick on every replica and after any
/// restart). Ticks without a sample, and the samples `_`/`stale`, are the stale marker.
class SequenceGenerator final : public Generator {
 public:
  SequenceGenerator(std::vector<double> samples, SequenceMode mode, int64_t start_ms)
      : samples_(std::move(samples)), mode_(mode), start_ms_(start_ms) {}
  void Fill(const TickContext& context, std::span<const StreamKey> keys,
            std::span<double> out) noexcept override;
  bool Stateless() const noexcept override { return true; }

  /// The value at tick `tick` of a family whose ticks are `tick_ms` long.
  double ValueAt(int64_t tick, int64_t tick_ms) const;

 private:
  std::vector<double> samples_;
  SequenceMode mode_;
  int64_t start_ms_;
};

/// The `values` kind: either `values` (a list of numbers) or `file` + `column` (a CSV column,
/// read when the config is loaded, see `ReadCsvColumn`), `mode` (loop, hold or end; loop),
/// `start` (RFC 3339 or unix seconds; default the epoch, required for hold and end).
GeneratorKind ValuesGeneratorKind();

/// The `series` kind: `values` in promtool notation (required, e.g. "1+2x10 _ stale"), `mode`
/// (loop, hold or end; end, as promtool), `start` (as for `values`).
GeneratorKind SeriesGeneratorKind();

}  // namespace promsynth
