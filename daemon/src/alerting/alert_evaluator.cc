#include "alerting/alert_evaluator.h"

#include <algorithm>
#include <map>

#include "alerting/annotation_renderer.h"

namespace promsynth {

AlertEvaluator::AlertEvaluator(std::vector<AlertRule> rules, std::string generator_url)
    : generator_url_(std::move(generator_url)) {
  for (AlertRule& rule : rules) rules_.push_back({std::move(rule), {}, {}, -1});
}

PostableAlert AlertEvaluator::Build(const AlertRule& rule, const FamilyLayout& family, size_t series,
                                    double value, int64_t starts_at_ms) const {
  PostableAlert alert;
  const LabelSet series_labels = SeriesLabels(family, series);
  // As Prometheus builds them: the series' labels, overwritten by the rule's, then alertname.
  std::map<std::string, std::string> labels(series_labels.begin(), series_labels.end());
  labels["severity"] = rule.alert.severity;
  for (const auto& [name, label_value] : rule.alert.labels) labels[name] = label_value;
  labels["alertname"] = rule.alert.name;
  alert.labels.assign(labels.begin(), labels.end());
  if (!rule.alert.description.empty()) {
    alert.annotations.emplace_back("description",
                                   RenderAnnotation(rule.alert.description, value, series_labels));
  }
  if (!rule.alert.summary.empty()) {
    alert.annotations.emplace_back("summary", RenderAnnotation(rule.alert.summary, value, series_labels));
  }
  alert.starts_at_ms = starts_at_ms;
  alert.generator_url = generator_url_;
  return alert;
}

AlertEvaluation AlertEvaluator::Evaluate(const Snapshot& snapshot, int64_t time_ms) {
  AlertEvaluation result;
  const std::vector<FamilyLayout>& families = snapshot.layout->families;
  for (RuleState& state : rules_) {
    const size_t f = state.rule.family;
    if (f >= families.size()) continue;
    const FamilyLayout& family = families[f];
    // Once per tick of the family: a counter's increment is per tick of its own.
    const int64_t tick = time_ms / family.tick_ms;
    if (tick == state.last_tick) continue;
    state.last_tick = tick;
    if (state.states.size() != family.series_count) state.states.assign(family.series_count, AlertState());
    const double* values = snapshot.values.data() + family.first_series;
    const auto previous = previous_.find(f);
    const bool has_previous = previous != previous_.end() && previous->second.size() == family.series_count;
    for (size_t i = 0; i < family.series_count; ++i) {
      const bool has_value = !state.rule.counter || has_previous;
      const double value = state.rule.counter ? (has_value ? values[i] - previous->second[i] : 0) : values[i];
      const bool condition = has_value && AlertCondition(state.rule.alert, value);
      const AlertState::Phase before = state.states[i].phase();
      const AlertState::Phase after =
          state.states[i].Evaluate(condition, time_ms, state.rule.alert.for_duration);
      if (after == AlertState::Phase::kFiring) {
        PostableAlert alert = Build(state.rule, family, i, value, state.states[i].fired_at_ms());
        result.firing.push_back(alert);
        state.firing[i] = std::move(alert);
        if (before != AlertState::Phase::kFiring) result.changed = true;
      } else if (before == AlertState::Phase::kFiring) {
        PostableAlert alert = std::move(state.firing[i]);
        state.firing.erase(i);
        alert.ends_at_ms = time_ms;
        result.resolved.push_back(std::move(alert));
        result.changed = true;
      }
    }
  }
  for (const RuleState& state : rules_) {
    if (!state.rule.counter || state.rule.family >= families.size()) continue;
    const FamilyLayout& family = families[state.rule.family];
    previous_[state.rule.family].assign(
        snapshot.values.begin() + static_cast<std::ptrdiff_t>(family.first_series),
        snapshot.values.begin() + static_cast<std::ptrdiff_t>(family.first_series + family.series_count));
  }
  return result;
}

std::vector<PostableAlert> AlertEvaluator::ResolveAll(int64_t time_ms) const {
  std::vector<PostableAlert> resolved;
  for (const RuleState& state : rules_) {
    for (const auto& [series, alert] : state.firing) {
      resolved.push_back(alert);
      resolved.back().ends_at_ms = time_ms;
    }
  }
  return resolved;
}

}  // namespace promsynth
