#include "slo/arriving_body.h"

namespace promsynth::slo {

void ArrivingBody::Arrived(std::string_view so_far) {
  bool wake = false;
  {
    const std::lock_guard lock(mutex_);
    so_far_ = so_far;
    wake = wanted_ != 0 && so_far_.size() >= wanted_;
  }
  if (wake) grown_.notify_all();
}

void ArrivingBody::Finish() {
  {
    const std::lock_guard lock(mutex_);
    finished_ = true;
  }
  grown_.notify_all();
}

std::string_view ArrivingBody::WaitBeyond(std::size_t have) {
  std::unique_lock lock(mutex_);
  if (so_far_.size() <= have && !finished_) {
    wanted_ = have + kWakeStep;
    grown_.wait(lock, [&] { return so_far_.size() >= wanted_ || finished_; });
    wanted_ = 0;
  }
  return so_far_;
}

}  // namespace promsynth::slo
