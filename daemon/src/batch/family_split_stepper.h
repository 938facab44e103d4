#pragma once

#include <array>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <span>
#include <thread>
#include <vector>

#include "batch/batch_range.h"
#include "engine/engine.h"

namespace promsynth {

/// Calls `step_at(t)` for every tick due before sample time `time_ms`, then at `time_ms`, as the
/// ticker would have stepped them (`next_due`: the caller's next due time, updated from
/// Engine::NextDueMs). One batch run steps its whole engine, or each thread its families, so.
template <typename StepAt>
void StepToSample(const Engine& engine, int64_t time_ms, int64_t& next_due, StepAt&& step_at) {
  while (next_due < time_ms) {
    step_at(next_due);
    next_due = engine.NextDueMs(next_due);
  }
  step_at(time_ms);
  next_due = engine.NextDueMs(time_ms);
}

/// StepToSample for families [first, last) of `engine` alone. `scratch` is the calling thread's
/// (Engine::scratch_size()).
void StepFamiliesToSample(Engine& engine, int64_t time_ms, size_t first, size_t last,
                          std::span<double> scratch, int64_t& next_due) noexcept;

/// The second core of a batch run: steps the families [split, families) of an engine on a thread
/// of its own, a block of kBlockRows samples at a time and up to two blocks ahead of the caller,
/// which steps [0, split) (see Engine::ConcurrentSplit). Series of different families are
/// independent (their values depend only on their own state, the tick and their stream keys),
/// so the values are the same as stepping all families on one thread, tick by tick.
/// Used from one thread (the caller's); the destructor stops and joins the stepping thread.
class FamilySplitStepper {
 public:
  /// Samples per block.
  static constexpr int64_t kBlockRows = 4096;

  /// Starts stepping `engine`'s families from `split` on for the samples of `range`.
  FamilySplitStepper(Engine& engine, const BatchRange& range, size_t split);
  ~FamilySplitStepper();
  FamilySplitStepper(const FamilySplitStepper&) = delete;
  FamilySplitStepper& operator=(const FamilySplitStepper&) = delete;

  /// Values per row: those of families [split, families).
  size_t width() const { return width_; }
  /// Waits for block `block` (samples from block · kBlockRows on) and returns its values, row
  /// after row, `width()` each. Blocks are taken in order; each is released before the next-but-one.
  std::span<const double> Take(int64_t block);
  /// Gives the buffer of `block` back to the stepping thread.
  void Release(int64_t block);

 private:
  void Loop();

  Engine& engine_;
  BatchRange range_;
  size_t split_;
  size_t width_;
  std::array<std::vector<double>, 2> buffers_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::array<bool, 2> ready_{};  ///< buffer i holds a finished block the caller has not released
  bool stopping_ = false;
  std::thread thread_;  ///< last: started once everything above is set up
};

}  // namespace promsynth
