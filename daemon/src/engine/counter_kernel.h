#pragma once

#include <memory>

#include "engine/family_kernel.h"
#include "signal/reset_schedule.h"

namespace promsynth {

/// A counter. By `mode`:
/// - increments: the generator gives the increment per tick; the total adds it when it is
///   positive (a negative, NaN or missing increment adds nothing, so the total never decreases);
/// - rate: the generator gives a rate per second; the increment is rate × tick seconds;
/// - total: the generator gives the total itself (a negative value exports 0); a decrease is
///   exported as it is, which Prometheus reads as a counter reset.
/// At a scheduled reset (increments and rate) the total is 0 at that tick and counts on from
/// there: the only ticks at which the exported value goes down.
class CounterKernel final : public FamilyKernel {
 public:
  CounterKernel(std::unique_ptr<Generator> generator, CounterMode mode, ResetSchedule resets)
      : generator_(std::move(generator)), mode_(mode), resets_(std::move(resets)) {}
  uint64_t failures() const noexcept override { return generator_->failures(); }
  void Step(const TickContext& context, std::span<const StreamKey> keys, std::span<double> values,
            std::span<double> scratch, bool last) noexcept override;
  bool CatchesUp() const override { return mode_ != CounterMode::kTotal; }
  /// A total follows its generator; increments and rates add up.
  bool Stateless() const override { return mode_ == CounterMode::kTotal && generator_->Stateless(); }

 private:
  std::unique_ptr<Generator> generator_;
  CounterMode mode_;
  ResetSchedule resets_;
};

}  // namespace promsynth
