#include "batch/family_split_stepper.h"

#include <algorithm>

namespace promsynth {

void StepFamiliesToSample(Engine& engine, int64_t time_ms, size_t first, size_t last,
                          std::span<double> scratch, int64_t& next_due) noexcept {
  StepToSample(engine, time_ms, next_due, [&](int64_t at) { engine.StepFamilies(at, first, last, scratch); });
}

FamilySplitStepper::FamilySplitStepper(Engine& engine, const BatchRange& range, size_t split)
    : engine_(engine),
      range_(range),
      split_(split),
      width_(engine.value_count() - engine.FamilyValueOffset(split)) {
  for (std::vector<double>& buffer : buffers_) buffer.resize(static_cast<size_t>(kBlockRows) * width_);
  thread_ = std::thread([this] { Loop(); });
}

FamilySplitStepper::~FamilySplitStepper() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

std::span<const double> FamilySplitStepper::Take(int64_t block) {
  const auto slot = static_cast<size_t>(block % 2);
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return ready_[slot]; });
  return buffers_[slot];
}

void FamilySplitStepper::Release(int64_t block) {
  {
    std::lock_guard lock(mutex_);
    ready_[static_cast<size_t>(block % 2)] = false;
  }
  changed_.notify_all();
}

void FamilySplitStepper::Loop() {
  std::vector<double> scratch(engine_.scratch_size());
  const size_t families = engine_.family_count();
  int64_t next_due = range_.start_ms;
  for (int64_t block = 0; block * kBlockRows < range_.samples; ++block) {
    const auto slot = static_cast<size_t>(block % 2);
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return !ready_[slot] || stopping_; });
      if (stopping_) return;
    }
    double* const out = buffers_[slot].data();
    const int64_t first = block * kBlockRows;
    const int64_t last = std::min(range_.samples, first + kBlockRows);
    for (int64_t k = first; k < last; ++k) {
      StepFamiliesToSample(engine_, range_.TimeAt(k), split_, families, scratch, next_due);
      engine_.PublishFamilyValues(split_, families,
                                  std::span<double>(out + static_cast<size_t>(k - first) * width_, width_));
    }
    {
      std::lock_guard lock(mutex_);
      ready_[slot] = true;
    }
    changed_.notify_all();
  }
}

}  // namespace promsynth
