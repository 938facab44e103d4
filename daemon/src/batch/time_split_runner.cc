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
  TimeSplitRun(const BatchRange& range, RowTextSink& sink, size_t threads)
      : range_(range),
        sink_(sink),
        chunk_rows_(static_cast<int64_t>(TimeSplitChunkRows(sink.width()))),
        chunks_((range.samples + chunk_rows_ - 1) / chunk_rows_),
        slots_(2 * threads) {
    for (Slot& slot : slots_) {
      // Left uninitialised: each slot's pages are first touched by a thread formatting into it.
      slot.text = std::make_unique_for_overwrite<char[]>(static_cast<size_t>(chunk_rows_) * sink.max_row_bytes());
    }
  }

  /// The calling thread: writes each chunk as soon as it and all before it are formatted, and
  /// computes chunks whenever there is nothing to write, until every chunk is written.
  void Lead(Engine& engine, ProgressBar* progress) {
    Producer producer(engine, chunk_rows_, sink_.width());
    std::unique_lock lock(mutex_);
    while (next_write_ < chunks_) {
      Slot& head = SlotOf(next_write_);
      if (head.ready) {
        lock.unlock();
        sink_.WriteRows({head.text.get(), head.bytes});
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
    Producer producer(engine, chunk_rows_, sink_.width());
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
  /// A formatted chunk waiting to be written.
  struct Slot {
    std::unique_ptr<char[]> text;
    size_t bytes = 0;
    bool ready = false;  ///< formatted and not yet written
  };

  /// What one thread computes with: its engine and buffers, and its memo (built on the thread).
  struct Producer {
    Producer(Engine& engine_in, int64_t rows, size_t width)
        : engine(engine_in),
          values(static_cast<size_t>(rows) * width),
          scratch(engine_in.scratch_size()),
          memo(width) {}
    Engine& engine;
    std::vector<double> values;  ///< the chunk's rows, row after row
    std::vector<double> scratch;
    FloatTextMemo memo;
  };

  Slot& SlotOf(int64_t chunk) { return slots_[static_cast<size_t>(chunk) % slots_.size()]; }

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
    const int64_t rows = std::min(range_.samples, first + chunk_rows_) - first;
    const size_t width = sink_.width();
    const size_t families = producer.engine.family_count();
    for (int64_t row = 0; row < rows; ++row) {
      // Stateless: stepping at the sample time alone gives the value the ticks between would.
      producer.engine.StepFamilies(range_.TimeAt(first + row), 0, families, producer.scratch);
      producer.engine.PublishFamilyValues(
          0, families, std::span<double>(producer.values).subspan(static_cast<size_t>(row) * width, width));
    }
    slot.bytes = sink_.FormatRows(producer.values, static_cast<size_t>(rows), producer.memo, slot.text.get());
    lock.lock();
    slot.ready = true;
    changed_.notify_all();
  }

  const BatchRange range_;
  RowTextSink& sink_;
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

size_t TimeSplitChunkRows(size_t width) { return std::clamp<size_t>(kChunkValues / std::max<size_t>(1, width), 16, 8192); }

void RunTimeSplit(std::span<Engine* const> engines, const BatchRange& range, RowTextSink& sink,
                  ProgressBar* progress) {
  if (engines.empty() || range.samples <= 0) return;
  TimeSplitRun run(range, sink, engines.size());
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
