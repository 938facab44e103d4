#include "alerting/rules_test_writer.h"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <cmath>
#include <set>

#include "alerting/alert_rule.h"
#include "alerting/alert_rules_writer.h"
#include "alerting/alert_state.h"
#include "alerting/annotation_renderer.h"
#include "alerting/series_labels.h"
#include "engine/engine.h"
#include "signal/stale_marker.h"

namespace promsynth {
namespace {

std::string PromtoolNumber(double value) {
  // The daemon leaves a series with the marker out of the scrape and Prometheus marks it stale.
  if (IsStaleMarker(value)) return "stale";
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Inf" : "-Inf";
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

/// One series of an alerted family: its labels and its value at every tick.
struct SeriesTrack {
  LabelSet labels;
  std::vector<double> values;
};

/// One expected alert instance at one evaluation time.
struct ExpectedAlert {
  LabelSet labels;
  LabelSet annotations;
};

LabelSet AlertLabels(const AlertRuleConfig& alert, const LabelSet& series) {
  LabelSet labels = series;
  auto set = [&](const std::string& name, const std::string& value) {
    for (auto& label : labels) {
      if (label.first == name) {
        label.second = value;
        return;
      }
    }
    labels.emplace_back(name, value);
  };
  set("severity", alert.severity);
  for (const auto& [name, value] : alert.labels) set(name, value);
  return labels;
}

void EmitLabelMap(YAML::Emitter& out, const LabelSet& labels) {
  out << YAML::BeginMap;
  for (const auto& [name, value] : labels)
    out << YAML::Key << name << YAML::Value << YAML::DoubleQuoted << value;
  out << YAML::EndMap;
}

}  // namespace

std::string PromtoolValues(const std::vector<double>& values) {
  std::string out;
  for (size_t i = 0; i < values.size();) {
    size_t run = 1;
    // Only finite values repeat as `vxN`: promtool's lexer reads `NaNx2` or `stalex2` as one unknown word.
    while (std::isfinite(values[i]) && i + run < values.size() && values[i + run] == values[i]) ++run;
    if (!out.empty()) out += ' ';
    out += PromtoolNumber(values[i]);
    if (run > 1) out += "x" + std::to_string(run - 1);
    i += run;
  }
  return out;
}

std::string RenderRulesTestFile(const Config& config, const GeneratorRegistry& registry,
                                const RulesTestOptions& options) {
  const std::vector<AlertRule> rules = CollectAlertRules(config);
  // Only the alerted families are computed; a series' values depend on the seed, its name and its
  // labels, never on the other families, so the subset gives the daemon's values.
  Config subset = config;
  subset.metrics.clear();
  std::vector<size_t> subset_index(config.metrics.size(), SIZE_MAX);
  for (const AlertRule& rule : rules) {
    if (subset_index[rule.family] != SIZE_MAX) continue;
    subset_index[rule.family] = subset.metrics.size();
    subset.metrics.push_back(config.metrics[rule.family]);
  }
  Engine engine(subset, registry);
  const FamilyLayout* families = engine.layout()->families.data();
  const int64_t interval_ms = config.global.tick.count();
  const int64_t ticks = std::max<int64_t>(1, options.duration.count() / interval_ms);

  std::vector<std::vector<SeriesTrack>> tracks(subset.metrics.size());
  for (size_t f = 0; f < tracks.size(); ++f) {
    const size_t count = std::min(families[f].series_count, options.max_series_per_family);
    for (size_t i = 0; i < count; ++i) tracks[f].push_back({SeriesLabels(families[f], i), {}});
  }
  for (int64_t k = 0; k <= ticks; ++k) {
    engine.Step(k * interval_ms);
    const std::shared_ptr<const Snapshot> snapshot = engine.Publish();
    for (size_t f = 0; f < tracks.size(); ++f) {
      for (size_t i = 0; i < tracks[f].size(); ++i) {
        tracks[f][i].values.push_back(snapshot->values[families[f].first_series + i]);
      }
    }
  }

  YAML::Emitter out;
  out << YAML::BeginMap;
  out << YAML::Key << "rule_files" << YAML::Value << YAML::Flow << YAML::BeginSeq << options.rules_file
      << YAML::EndSeq;
  out << YAML::Key << "evaluation_interval" << YAML::Value << FormatDuration(config.global.tick);
  out << YAML::Key << "tests" << YAML::Value << YAML::BeginSeq << YAML::BeginMap;
  out << YAML::Key << "interval" << YAML::Value << FormatDuration(config.global.tick);
  out << YAML::Key << "input_series" << YAML::Value << YAML::BeginSeq;
  for (size_t f = 0; f < tracks.size(); ++f) {
    for (const SeriesTrack& track : tracks[f]) {
      out << YAML::BeginMap << YAML::Key << "series" << YAML::Value << YAML::SingleQuoted
          << SeriesSelector(families[f].name, track.labels);
      out << YAML::Key << "values" << YAML::Value << YAML::SingleQuoted << PromtoolValues(track.values)
          << YAML::EndMap;
    }
  }
  out << YAML::EndSeq;
  out << YAML::Key << "alert_rule_test" << YAML::Value << YAML::BeginSeq;
  for (const AlertRule& rule : rules) {
    const std::vector<SeriesTrack>& family_tracks = tracks[subset_index[rule.family]];
    std::vector<AlertState> states(family_tracks.size());
    std::vector<std::vector<ExpectedAlert>> firing(static_cast<size_t>(ticks) + 1);
    std::vector<std::set<size_t>> firing_series(firing.size());
    for (int64_t k = 0; k <= ticks; ++k) {
      for (size_t i = 0; i < family_tracks.size(); ++i) {
        const std::vector<double>& values = family_tracks[i].values;
        const size_t at = static_cast<size_t>(k);
        // A counter's rule sees idelta: the last sample minus the one before (none at tick 0).
        const bool has_value = !rule.counter || k > 0;
        const double value = rule.counter ? (has_value ? values[at] - values[at - 1] : 0) : values[at];
        const bool condition = has_value && AlertCondition(rule.alert, value);
        if (states[i].Evaluate(condition, k * interval_ms, rule.alert.for_duration) !=
            AlertState::Phase::kFiring)
          continue;
        ExpectedAlert expected{AlertLabels(rule.alert, family_tracks[i].labels), {}};
        if (!rule.alert.description.empty()) {
          expected.annotations.emplace_back(
              "description", RenderAnnotation(rule.alert.description, value, family_tracks[i].labels));
        }
        if (!rule.alert.summary.empty()) {
          expected.annotations.emplace_back(
              "summary", RenderAnnotation(rule.alert.summary, value, family_tracks[i].labels));
        }
        firing[at].push_back(std::move(expected));
        firing_series[at].insert(i);
      }
    }
    // Where the set of firing series changes and the tick before (which pins `for` exactly), and
    // the first and last tick; then spread evenly.
    std::vector<size_t> changes = {0};
    for (size_t k = 1; k < firing.size(); ++k) {
      if (firing_series[k] == firing_series[k - 1]) continue;
      if (changes.back() != k - 1) changes.push_back(k - 1);
      changes.push_back(k);
    }
    if (changes.back() != firing.size() - 1) changes.push_back(firing.size() - 1);
    std::vector<size_t> chosen = changes;
    if (changes.size() > options.max_eval_times_per_alert && options.max_eval_times_per_alert > 1) {
      chosen.clear();
      const size_t n = options.max_eval_times_per_alert;
      for (size_t j = 0; j < n; ++j) chosen.push_back(changes[j * (changes.size() - 1) / (n - 1)]);
    }
    for (size_t k : chosen) {
      out << YAML::BeginMap;
      out << YAML::Key << "eval_time" << YAML::Value
          << FormatDuration(Millis(static_cast<int64_t>(k) * interval_ms));
      out << YAML::Key << "alertname" << YAML::Value << rule.alert.name;
      out << YAML::Key << "exp_alerts" << YAML::Value << YAML::BeginSeq;
      for (const ExpectedAlert& expected : firing[k]) {
        out << YAML::BeginMap << YAML::Key << "exp_labels" << YAML::Value;
        EmitLabelMap(out, expected.labels);
        if (!expected.annotations.empty()) {
          out << YAML::Key << "exp_annotations" << YAML::Value;
          EmitLabelMap(out, expected.annotations);
        }
        out << YAML::EndMap;
      }
      out << YAML::EndSeq << YAML::EndMap;
    }
  }
  out << YAML::EndSeq << YAML::EndMap << YAML::EndSeq << YAML::EndMap;
  return "# promtool unit tests generated by `promsynth rules --tests` from " + config.source_file +
         ":\n# the engine's own values from the epoch and the alerts they must raise.\n"
         "# Run with: promtool test rules rules_test.yml\n" +
         out.c_str() + "\n";
}

}  // namespace promsynth
