#pragma once

#include <cstdint>
#include <span>

#include "signal/random_stream.h"

namespace promsynth {

/// What every series of a family shares at one tick.
struct TickContext {
  int64_t tick = 0;     ///< tick index k; the tick's time is k × tick length since the epoch
  int64_t time_ms = 0;  ///< k × tick length, in milliseconds since the epoch
  int64_t tick_ms = 1;  ///< the family's tick length in milliseconds

  double TimeSeconds() const { return static_cast<double>(time_ms) / 1000.0; }
  double TickSeconds() const { return static_cast<double>(tick_ms) / 1000.0; }
};

/// Computes the values of all series of one family at one tick.
///
/// One object serves a whole family and works on contiguous arrays, so that a million series
/// cost no per-series objects and one virtual call per family. Called only from the io thread.
class Generator {
 public:
  virtual ~Generator() = default;

  /// Writes series i's value at `context.tick` to `out[i]`; `keys[i]` is its random stream.
  /// Must not throw or allocate: it runs on the tick path.
  virtual void Fill(const TickContext& context, std::span<const StreamKey> keys,
                    std::span<double> out) noexcept = 0;

  /// Calls that failed so far (a plugin's `next` returning an error), over all series of the
  /// family: the source of `promsynth_series_errors_total`. Wrappers add up their children's.
  /// May be read from the io thread between ticks.
  virtual uint64_t failures() const noexcept { return 0; }

  /// Whether the value at a tick depends only on the tick, the stream keys and the parameters,
  /// never on the ticks filled before: such a generator can start at any tick and jump ahead,
  /// so a batch run may compute its time range in pieces on several threads. False unless the
  /// kind says so (a random walk, a plugin's sequence and a window carry state).
  virtual bool Stateless() const noexcept { return false; }
};

}  // namespace promsynth
