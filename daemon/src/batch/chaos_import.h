#pragma once

#include <string>

#include "batch/batch_range.h"
#include "batch/chaos_config.h"

namespace promsynth {

/// The promsynth YAML config that generates exactly what `config` describes, one gauge per
/// metric with the documented pipeline (`docs/signals.md`):
/// `constant(value)` → `anomaly` → `noise` (numpy's name and arguments, `smoothing_window`,
/// `samples: num_samples` for the zero padding at the end, and — unless `independent_noise` —
/// `seed: <seed>` so that every metric draws the one shared stream as the original does) →
/// `step_size` → `round: 6`. Row i of the original's CSV is tick i of a 1 s tick, i seconds after
/// the Unix epoch, so `promsynth generate --config.file F --samples N` reproduces the run.
/// `config.seed` must already be chosen (not random).
std::string ChaosToYaml(const ChaosConfig& config);

/// The sample times of a seed-001 run: `num_samples` ticks of 1 s from the epoch.
BatchRange ChaosRange(const ChaosConfig& config);

}  // namespace promsynth
