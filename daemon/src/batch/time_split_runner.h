#pragma once

#include <cstddef>
#include <span>

#include "batch/batch_range.h"
#include "batch/row_text_sink.h"
#include "engine/engine.h"

namespace promsynth {

class ProgressBar;

/// Rows per chunk of a time-split run for rows of `width` values: about 32 K values (at least
/// one row), so that a chunk's values and text stay in a core's cache while it is formatted.
size_t TimeSplitChunkRows(size_t width);

/// Runs `range` into `sink` on one thread per engine: the sample times are cut into chunks of
/// TimeSplitChunkRows rows; each thread takes the next chunk nobody has taken, steps its own
/// engine to each of the chunk's sample times, formats the rows (RowTextSink::FormatRows, with
/// its own memo) into a slot of a ring, and the calling thread, which computes chunks too,
/// writes the slots in chunk order and hands their rows to `row_sinks` (a plot, a remote write
/// push), row by row in order, as RunBatch would. No thread waits for another's engine, so the
/// run scales with the cores; the ring (two slots per thread) bounds how far a thread runs ahead.
///
/// The engines must be built from the same config, be stateless (Engine::Stateless: a value
/// depends on its sample time alone, so an engine may skip the times other threads compute) and
/// not have been stepped; each value is then the one RunBatch's single thread computes, and the
/// output is byte for byte the same. Every sink must have begun (Begin) with rows of
/// Engine::value_count() values; the caller ends them. Throws what a sink throws, after the
/// other threads have stopped.
void RunTimeSplit(std::span<Engine* const> engines, const BatchRange& range, RowTextSink& sink,
                  std::span<BatchSink* const> row_sinks = {}, ProgressBar* progress = nullptr);

}  // namespace promsynth
