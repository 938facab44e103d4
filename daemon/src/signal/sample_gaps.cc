#include "signal/sample_gaps.h"

#include <limits>

#include "signal/stale_marker.h"

namespace promsynth {
namespace {

int64_t FloorMod(int64_t a, int64_t b) {
  const int64_t r = a % b;
  return r < 0 ? r + b : r;
}

}  // namespace

SampleGaps::SampleGaps(const GapConfig& config)
    : drop_(config.drop_probability),
      nan_(config.nan_probability),
      positive_inf_(config.nan_probability + config.inf_probability),
      negative_inf_(config.nan_probability + config.inf_probability + config.neg_inf_probability),
      absent_(config.absent) {}

bool SampleGaps::AbsentAt(int64_t time_ms) const noexcept {
  for (const AbsentWindow& window : absent_) {
    if (window.every.count() > 0) {
      if (FloorMod(time_ms - window.offset.count(), window.every.count()) < window.length.count())
        return true;
    } else if (time_ms >= window.from_ms && time_ms < window.to_ms) {
      return true;
    }
  }
  return false;
}

SampleGaps::Outcome SampleGaps::OutcomeFor(StreamKey key, int64_t tick) const noexcept {
  TickRandom random(key, tick, kSalt);
  // Two separate draws: the drop decision does not change when the special-value
  // probabilities do, and the other way round.
  const double drop = random.Uniform01();
  const double special = random.Uniform01();
  if (drop < drop_) return Outcome::kDrop;
  if (special < nan_) return Outcome::kNan;
  if (special < positive_inf_) return Outcome::kPositiveInf;
  if (special < negative_inf_) return Outcome::kNegativeInf;
  return Outcome::kKeep;
}

void SampleGaps::Apply(int64_t tick, int64_t tick_ms, std::span<const StreamKey> keys, size_t stride,
                       std::span<double> values) const noexcept {
  const double stale = StaleMarker();
  if (AbsentAt(tick * tick_ms)) {
    for (double& value : values) value = stale;
    return;
  }
  if (drop_ == 0 && negative_inf_ == 0) return;
  for (size_t i = 0; i < keys.size(); ++i) {
    double* series = values.data() + i * stride;
    switch (OutcomeFor(keys[i], tick)) {
      case Outcome::kKeep:
        break;
      case Outcome::kDrop:
        for (size_t k = 0; k < stride; ++k) series[k] = stale;
        break;
      case Outcome::kNan:
        if (!IsStaleMarker(series[0])) series[0] = std::numeric_limits<double>::quiet_NaN();
        break;
      case Outcome::kPositiveInf:
        if (!IsStaleMarker(series[0])) series[0] = std::numeric_limits<double>::infinity();
        break;
      case Outcome::kNegativeInf:
        if (!IsStaleMarker(series[0])) series[0] = -std::numeric_limits<double>::infinity();
        break;
    }
  }
}

}  // namespace promsynth
