#include "batch/time_split_runner.h"

#include <algorithm>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "batch/progress_bar.h"

namespace promsynth {
namespace {

constexpr size_t kChunkValues = size_t{1} << 15;

/// The shared state of one run: which chunk is next to take and to write, and the ring of
/// formatted chunks between the threads that compute them and the one that writes them.
class TimeSplitRun {
 public:
  TimeSplitRun(const BatchRange& range, RowTextSink& sink, std::span<BatchSink* const> row_sinks,
               size_t threads)
      : range_(range),
        sink_(sink),
        row_sinks_(row_sinks),
        chunk_rows_(static_cast<int64_t>(TimeSplitChunkRows(sink.width()))),
        chunks_((range.samples + chunk_rows_ - 1) / chunk_rows_),
        slots_(2 * threads) {
    const auto rows = static_cast<size_t>(chunk_rows_);
    for (Slot& slot : slots_) {
      // Left uninitialised: each slot's pages are first touched by a thread computing into it.
      slot.values = std::make_unique_for_overwrite<double[]>(rows * sink.width());
      slot.text = std::make_unique_for_overwrite<char[]>(rows * sink.max_row_bytes());
    }
  }

  /// The calling thread: writes each chunk as soon as it and all before it are formatted, and
  /// computes chunks whenever there is nothing to write, until every chunk is written.
  void Lead(Engine& engine, ProgressBar* progress) {
    Producer producer(engine, sink_.width());
    std::unique_lock lock(mutex_);
    while (next_write_ < chunks_) {
      Slot& head = SlotOf(next_write_);
      if (head.ready) {
        lock.unlock();
        Write(next_write_, head);
        if (progress != nullptr) progress->Update(std::min(range_.samples, (next_write_ + 1) * chunk_rows_));
        lock.lock();
        head.ready = false;
        ++next_write_;
        changed_.notify_all();
      } else if (CanTake()) {
        Compute(lock, producer);
      } else {
        changed_.wait(lock);  // for a helper to finish the head chunk
      }
    }
  }

  /// Another thread: computes chunks while there are any and their slots are free.
  void Help(Engine& engine) {
    Producer producer(engine, sink_.width());
    std::unique_lock lock(mutex_);
    for (;;) {
      changed_.wait(lock, [this] { return stopping_ || next_chunk_ >= chunks_ || CanTake(); });
      if (stopping_ || next_chunk_ >= chunks_) return;
      Compute(lock, producer);
    }
  }

  /// Makes the helpers return after the chunk they are computing.
  void Stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_all();
  }

 private:
  /// A chunk's rows and their text, owned by the thread computing it until it is ready, then
  /// by the writer until it is written.
  struct Slot {
    std::unique_ptr<double[]> values;  ///< row after row, sink_.width() each
    std::unique_ptr<char[]> text;
    size_t bytes = 0;
    bool ready = false;  ///< formatted and not yet written
  };

  /// What one thread computes with: its engine, kernel scratch and memo (built on the thread).
  struct Producer {
    Producer(Engine& engine_in, size_t width)
        : engine(engine_in), scratch(engine_in.scratch_size()), memo(width) {}
    Engine& engine;
    std::vector<double> scratch;
    FloatTextMemo memo;
  };

  Slot& SlotOf(int64_t chunk) { return slots_[static_cast<size_t>(chunk) % slots_.size()]; }
  int64_t RowsOf(int64_t chunk) const {
    return std::min(range_.samples, (chunk + 1) * chunk_rows_) - chunk * chunk_rows_;
  }

  /// Writes chunk `chunk`'s text and hands its rows to the row sinks, in order.
  void Write(int64_t chunk, const Slot& slot) {
    sink_.WriteRows({slot.text.get(), slot.bytes});
    if (row_sinks_.empty()) return;
    const size_t width = sink_.width();
    const int64_t first = chunk * chunk_rows_;
    for (int64_t row = 0; row < RowsOf(chunk); ++row) {
      const std::span<const double> values(slot.values.get() + static_cast<size_t>(row) * width, width);
      for (BatchSink* row_sink : row_sinks_) row_sink->Row(first + row, range_.TimeAt(first + row), values);
    }
  }

  /// Whether the next chunk may be taken: there is one, and its slot's previous chunk is written.
  bool CanTake() const {
    return next_chunk_ < chunks_ && next_chunk_ < next_write_ + static_cast<int64_t>(slots_.size());
  }

  /// Takes the next chunk, computes and formats it with the lock released, and marks it ready.
  void Compute(std::unique_lock<std::mutex>& lock, Producer& producer) {
    const int64_t chunk = next_chunk_++;
    Slot& slot = SlotOf(chunk);
    lock.unlock();
    const int64_t first = chunk * chunk_rows_;
    const auto rows = static_cast<size_t>(RowsOf(chunk));
    const size_t width = sink_.width();
    const size_t families = producer.engine.family_count();
    const std::span<double> values(slot.values.get(), rows * width);
    for (size_t row = 0; row < rows; ++row) {
      // Stateless: stepping at the sample time alone gives the value the ticks between would.
      producer.engine.StepFamilies(range_.TimeAt(first + static_cast<int64_t>(row)), 0, families,
                                   producer.scratch);
      producer.engine.PublishFamilyValues(0, families, values.subspan(row * width, width));
    }
    slot.bytes = sink_.FormatRows(values, rows, producer.memo, slot.text.get());
    lock.lock();
    slot.ready = true;
    changed_.notify_all();
  }

  const BatchRange range_;
  RowTextSink& sink_;
  std::span<BatchSink* const> row_sinks_;
  const int64_t chunk_rows_;
  const int64_t chunks_;
  std::vector<Slot> slots_;

  std::mutex mutex_;
  std::condition_variable changed_;  ///< a chunk was formatted or written, or the run stops
  int64_t next_chunk_ = 0;           ///< the first chunk nobody has taken
  int64_t next_write_ = 0;           ///< the first chunk not yet written
  bool stopping_ = false;
};

}  // namespace

size_t TimeSplitChunkRows(size_t width) {
  // At least one row, however wide: a slot then holds one row of a million series (8 MB of
  // values, 25 MB of text), not a multiple.
  return std::clamp<size_t>(kChunkValues / std::max<size_t>(1, width), 1, 8192);
}

void RunTimeSplit(std::span<Engine* const> engines, const BatchRange& range, RowTextSink& sink,
                  std::span<BatchSink* const> row_sinks, ProgressBar* progress) {
  if (engines.empty() || range.samples <= 0) return;
  TimeSplitRun run(range, sink, row_sinks, engines.size());
  std::vector<std::jthread> helpers;
  // Declared after the helpers, so it runs first on the way out: a throwing write stops them
  // before they are joined.
  struct StopOnExit {
    TimeSplitRun& run;
    ~StopOnExit() { run.Stop(); }
  } stop_on_exit{run};
  for (Engine* engine : engines.subspan(1)) helpers.emplace_back([&run, engine] { run.Help(*engine); });
  run.Lead(*engines.front(), progress);
}

}  // namespace promsynth
