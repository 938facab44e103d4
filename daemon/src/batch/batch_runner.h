#pragma once

#include <functional>
#include <memory>
#include <span>

#include "batch/batch_range.h"
#include "batch/batch_sink.h"
#include "engine/engine.h"

namespace promsynth {

class ProgressBar;

/// Steps `engine` through `range` with a simulated clock exactly as the daemon's ticker steps it
/// with the real one: at every tick that falls due (so stateful kinds and counters see every
/// tick) and at each sample time, where the published values go to every sink. A value at time
/// t is therefore what a scrape of the daemon at t returns: offline and live agree tick for tick.
/// `progress` (may be null) hears of every row. Throws what a sink throws.
///
/// With `make_engine` (builds a fresh engine from `engine`'s config), a sink that formats rows
/// apart (RowTextSink: CSV) and a stateless engine (Engine::Stateless), the run is cut by time
/// instead and each core computes its own share with its own engine (RunTimeSplit); the other
/// sinks still get every row in order, and the output is the same.
using EngineFactory = std::function<std::unique_ptr<Engine>()>;
void RunBatch(Engine& engine, const BatchRange& range, std::span<BatchSink* const> sinks,
              ProgressBar* progress = nullptr, const EngineFactory& make_engine = {});

}  // namespace promsynth
