#include "slo/repetition_scratch.h"

#include <utility>

namespace promsynth::slo {

std::size_t RepetitionScratch::CapacityBytes() const {
  return sizeof(double) * (series.timestamps.capacity() + series.values.capacity() +
                           survivors.timestamps.capacity() + survivors.values.capacity()) +
         sizeof(std::int64_t) * series.integer_timestamps.capacity() +
         sizeof(UnconvertibleValue) * series.unconvertible.capacity();
}

ScratchPool& ScratchPool::Shared() {
  static ScratchPool pool;
  return pool;
}

std::unique_ptr<RepetitionScratch> ScratchPool::Acquire() {
  {
    const std::lock_guard lock(mutex_);
    if (!kept_.empty()) {
      std::unique_ptr<RepetitionScratch> scratch = std::move(kept_.back());
      kept_.pop_back();
      kept_bytes_ -= scratch->CapacityBytes();
      return scratch;
    }
  }
  return std::make_unique<RepetitionScratch>();
}

void ScratchPool::Release(std::unique_ptr<RepetitionScratch> scratch) {
  if (!scratch) return;
  const std::size_t bytes = scratch->CapacityBytes();
  if (bytes > kMaxKeptBytes) return;
  const std::lock_guard lock(mutex_);
  if (kept_.size() < kMaxKept && kept_bytes_ + bytes <= kMaxKeptTotalBytes) {
    kept_.push_back(std::move(scratch));
    kept_bytes_ += bytes;
  }
}

std::size_t ScratchPool::kept() const {
  const std::lock_guard lock(mutex_);
  return kept_.size();
}

std::size_t ScratchPool::kept_bytes() const {
  const std::lock_guard lock(mutex_);
  return kept_bytes_;
}

}  // namespace promsynth::slo
