#include "netops/scenario_machine.h"

#include <stdexcept>
#include <utility>

namespace promsynth::netops {
ScenarioMachine::ScenarioMachine(std::vector<ScenarioConfig> scenarios, size_t metric_count,
                                 double error_rate, uint64_t seed)
    : scenarios_(std::move(scenarios)),
      metrics_(metric_count),
      error_rate_(error_rate),
      random_(static_cast<int64_t>(seed)) {
  for (ScenarioConfig& scenario : scenarios_) scenario.offsets.resize(metric_count);
}

void ScenarioMachine::RequestStart(size_t index) {
  if (index >= scenarios_.size()) throw std::out_of_range("netops: no scenario with that index");
  requested_start_ = index;
  requested_stop_ = false;
}

void ScenarioMachine::RequestStop() {
  requested_stop_ = true;
  requested_start_.reset();
}

bool ScenarioMachine::RequestStopOf(size_t index) {
  bool changed = false;
  if (requested_start_ == index) {
    CancelStart();
    changed = true;
  }
  if (active_scenario() == index && !requested_stop_) {
    RequestStop();
    changed = true;
  }
  return changed;
}

ScenarioEvent ScenarioMachine::Tick() {
  if (requested_start_.has_value()) {
    const size_t index = *requested_start_;
    requested_start_.reset();
    if (in_error_) End();
    Begin(index);
    return ScenarioEvent::kStarted;
  }
  if (requested_stop_) {
    requested_stop_ = false;
    if (in_error_) {
      End();
      return ScenarioEvent::kEnded;
    }
  }
  if (!in_error_) {
    const double u = random_.Random();
    if (u <= error_rate_ && !scenarios_.empty()) in_error_ = true;
  }
  if (!in_error_) return ScenarioEvent::kNone;
  if (steps_ == 0) {
    Begin(random_.Choice(scenarios_.size()));
    return ScenarioEvent::kStarted;
  }
  if (steps_ == error_length_) {
    End();
    return ScenarioEvent::kEnded;
  }
  Notify();
  ++steps_;
  return ScenarioEvent::kNone;
}

void ScenarioMachine::Begin(size_t index) {
  in_error_ = true;
  current_ = index;
  const double length = scenarios_[index].length;
  error_length_ = PythonTruncate(random_.Gauss(length, 0.1 * length));
  if (error_length_ < 1) error_length_ = 1;
  steps_ = 0;
  Notify();
  steps_ = 1;
}

void ScenarioMachine::End() {
  in_error_ = false;
  steps_ = 0;
  current_.reset();
  for (MetricErrorShape& metric : metrics_) metric.StopError();
}

void ScenarioMachine::Notify() {
  const ScenarioConfig& scenario = scenarios_[*current_];
  const auto steps = static_cast<double>(steps_);
  for (size_t m = 0; m < metrics_.size(); ++m) {
    if (scenario.offsets[m].has_value() && *scenario.offsets[m] == steps) {
      metrics_[m].StartError(error_length_ - steps_);
    }
  }
}

}  // namespace promsynth::netops
