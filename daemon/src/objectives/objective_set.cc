#include "objectives/objective_set.h"

#include <algorithm>

#include "config/config_error.h"

namespace promsynth {

ObjectiveSet::ObjectiveSet(const Config& config, const SeriesLayout& layout) : configs_(config.slos) {
  std::vector<ConfigError> errors;
  for (const FamilyLayout& family : layout.families) family_tick_ms_.push_back(family.tick_ms);
  for (size_t i = 0; i < configs_.size(); ++i) {
    const SloConfig& slo = configs_[i];
    const std::string path = "slos[" + std::to_string(i) + "]";
    try {
      rules_.push_back(ParseSloRule(slo, i));
    } catch (const ConfigErrors& bad) {
      errors.insert(errors.end(), bad.errors().begin(), bad.errors().end());
      rules_.emplace_back();
    }
    if (slo.source == SloConfig::Source::kPrometheus) {
      remote_.push_back(i);
      continue;
    }
    auto family = std::find_if(layout.families.begin(), layout.families.end(),
                               [&](const FamilyLayout& f) { return f.name == slo.metric; });
    if (family == layout.families.end()) {
      errors.push_back({slo.location, path + ".series", "no configured metric has this name", slo.metric,
                        "the full name of a metric in metrics: (namespace and _total included)"});
      continue;
    }
    if (family->values_per_series != 1) {
      errors.push_back({slo.location, path + ".series", "an SLO over own series needs a gauge or a counter",
                        slo.metric,
                        "a gauge or counter metric (or source: prometheus for a histogram or summary)"});
      continue;
    }
    // Which column each matcher tests, and which value index it requires.
    std::vector<std::pair<size_t, std::string>> tests;
    bool unknown_label = false;
    for (const auto& [label, value] : slo.matchers) {
      auto column = std::find_if(family->columns.begin(), family->columns.end(),
                                 [&](const LabelColumn& c) { return c.name == label; });
      if (column == family->columns.end()) {
        errors.push_back({slo.location, path + ".series", "the metric has no such label", label,
                          "a label of " + slo.metric});
        unknown_label = true;
        break;
      }
      tests.emplace_back(static_cast<size_t>(column - family->columns.begin()), value);
    }
    if (unknown_label) continue;
    Local local;
    local.config_index = i;
    local.family = static_cast<size_t>(family - layout.families.begin());
    std::vector<size_t> digits;
    for (size_t s = 0; s < family->series_count; ++s) {
      family->Digits(s, digits);
      const bool match = std::all_of(tests.begin(), tests.end(), [&](const auto& test) {
        return family->columns[test.first].values.ValueAt(digits[test.first]) == test.second;
      });
      if (match) local.series.push_back(family->first_series + s);
    }
    if (local.series.empty()) {
      errors.push_back({slo.location, path + ".series", "the selector matches no series", slo.metric,
                        "label values that the metric has"});
      continue;
    }
    const size_t per_series = static_cast<size_t>(slo.window.count() / family->tick_ms) + 1;
    if (per_series * local.series.size() > kMaxSamplesPerSlo) {
      errors.push_back(
          {slo.location, path + ".window",
           "the history would hold " + std::to_string(per_series * local.series.size()) + " samples",
           FormatDuration(slo.window),
           "at most " + std::to_string(kMaxSamplesPerSlo) +
               " samples per SLO: a shorter window or a narrower selector"});
      continue;
    }
    local.history.assign(local.series.size(), SeriesHistory(per_series));
    local_.push_back(std::move(local));
  }
  if (!errors.empty()) throw ConfigErrors(std::move(errors));
}

void ObjectiveSet::Record(const Snapshot& snapshot) {
  for (Local& local : local_) {
    // Record a family's value once per tick of that family, not once per engine tick.
    const int64_t tick = snapshot.time_ms / family_tick_ms_[local.family];
    if (tick == local.last_tick) continue;
    local.last_tick = tick;
    for (size_t k = 0; k < local.series.size(); ++k) {
      local.history[k].Append(snapshot.time_ms, snapshot.values[local.series[k]]);
    }
  }
}

std::vector<ObjectiveResult> ObjectiveSet::EvaluateDueLocal(int64_t now_ms) {
  std::vector<ObjectiveResult> results;
  for (Local& local : local_) {
    if (now_ms < local.next_due_ms) continue;
    const SloConfig& config = configs_[local.config_index];
    local.next_due_ms = now_ms + config.interval.count();
    scratch_.resize(local.history.size());
    for (size_t k = 0; k < local.history.size(); ++k) {
      local.history[k].Read(now_ms - config.window.count(), scratch_[k].timestamps, scratch_[k].values);
    }
    const bool empty =
        std::all_of(scratch_.begin(), scratch_.end(), [](const RangeSeries& s) { return s.values.empty(); });
    results.push_back(JudgeSamples(config, rules_[local.config_index],
                                   empty ? std::vector<RangeSeries>{} : scratch_, now_ms));
  }
  return results;
}

ObjectiveResult ObjectiveSet::EvaluateRemote(size_t index, int64_t now_ms) const {
  const SloConfig& config = configs_[index];
  std::vector<RangeSeries> series;
  try {
    series = QueryPrometheusRange(config.prometheus_url, config.query, now_ms - config.window.count(), now_ms,
                                  config.step.count());
  } catch (const std::exception& error) {
    ObjectiveResult failed = JudgeSamples(config, rules_[index], {}, now_ms);
    failed.error = error.what();
    return failed;
  }
  return JudgeSamples(config, rules_[index], series, now_ms);
}

}  // namespace promsynth
