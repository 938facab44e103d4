#include "config/yaml_config_writer.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace promsynth {
namespace {

// A YAML double-quoted scalar (the JSON escapes are valid YAML).
void AppendQuoted(std::string& out, std::string_view text) {
  out += '"';
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\x%02x",
                        static_cast<unsigned>(static_cast<unsigned char>(c)));
          out += escaped;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

// The shortest text that reads back as the same double; YAML's .inf/.nan spellings.
void AppendNumber(std::string& out, double value) {
  if (std::isnan(value)) {
    out += ".nan";
    return;
  }
  if (std::isinf(value)) {
    out += value > 0 ? ".inf" : "-.inf";
    return;
  }
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

void AppendDuration(std::string& out, Millis duration) { out += FormatDuration(duration); }

void AppendParam(std::string& out, const GeneratorParam& param) {
  switch (param.kind) {
    case GeneratorParam::Kind::kNumber:
      AppendNumber(out, param.number);
      return;
    case GeneratorParam::Kind::kText:
      AppendQuoted(out, param.text);
      return;
    case GeneratorParam::Kind::kNumberList:
      out += '[';
      for (size_t i = 0; i < param.numbers.size(); ++i) {
        if (i > 0) out += ", ";
        AppendNumber(out, param.numbers[i]);
      }
      out += ']';
      return;
  }
}

// A generator in flow style: {kind: k, a: 1, terms: [...], input: {...}, stages: [{s: {...}}]}.
void AppendGenerator(std::string& out, const GeneratorConfig& generator) {
  out += "{kind: ";
  out += generator.kind;
  for (const auto& [name, param] : generator.params) {
    out += ", " + name + ": ";
    AppendParam(out, param);
  }
  if (!generator.terms.empty()) {
    out += ", terms: [";
    for (size_t i = 0; i < generator.terms.size(); ++i) {
      if (i > 0) out += ", ";
      AppendGenerator(out, generator.terms[i]);
    }
    out += ']';
  }
  if (!generator.input.empty()) {
    out += ", input: ";
    AppendGenerator(out, generator.input.front());
  }
  if (!generator.stages.empty()) {
    out += ", stages: [";
    for (size_t i = 0; i < generator.stages.size(); ++i) {
      const GeneratorConfig& stage = generator.stages[i];
      if (i > 0) out += ", ";
      out += "{" + stage.kind + ": {";
      bool first = true;
      for (const auto& [name, param] : stage.params) {
        out += (first ? "" : ", ") + name + ": ";
        AppendParam(out, param);
        first = false;
      }
      out += "}}";
    }
    out += ']';
  }
  out += '}';
}

std::string_view EffectName(ScenarioEffect effect) {
  switch (effect) {
    case ScenarioEffect::kPin:
      return "pin";
    case ScenarioEffect::kSpike:
      return "spike";
    case ScenarioEffect::kDrop:
      return "drop";
    case ScenarioEffect::kFlatline:
      return "flatline";
    case ScenarioEffect::kGap:
      return "gap";
    case ScenarioEffect::kCounterReset:
      return "counter_reset";
  }
  return "pin";
}

std::string_view AdvanceName(AdvanceMode mode) {
  switch (mode) {
    case AdvanceMode::kTick:
      return "tick";
    case AdvanceMode::kScrape:
      return "scrape";
    case AdvanceMode::kInterval:
      return "interval";
  }
  return "tick";
}

void AppendMetric(std::string& out, const MetricConfig& metric, const GlobalConfig& global) {
  out += "  - name: ";
  out += metric.name;
  out += "\n    type: ";
  out += metric.type == MetricType::kCounter ? "counter" : "gauge";
  if (!metric.help.empty()) {
    out += "\n    help: ";
    AppendQuoted(out, metric.help);
  }
  if (!metric.unit.empty()) out += "\n    unit: " + metric.unit;
  if (metric.tick != global.tick) {
    out += "\n    tick: ";
    AppendDuration(out, metric.tick);
  }
  if (metric.advance != AdvanceMode::kTick) {
    out += "\n    advance: ";
    out += AdvanceName(metric.advance);
    if (metric.advance == AdvanceMode::kInterval) {
      out += "\n    advance_interval: ";
      AppendDuration(out, metric.advance_interval);
    }
  }
  if (!metric.labels.empty()) {
    out += "\n    labels: {";
    for (size_t i = 0; i < metric.labels.size(); ++i) {
      const LabelDimension& label = metric.labels[i];
      out += (i > 0 ? ", " : "") + label.name + ": ";
      if (label.values.size() == 1) {
        AppendQuoted(out, label.values.ValueAt(0));
        continue;
      }
      out += '[';
      for (size_t v = 0; v < label.values.size(); ++v) {
        if (v > 0) out += ", ";
        AppendQuoted(out, label.values.ValueAt(v));
      }
      out += ']';
    }
    out += '}';
  }
  out += "\n    generator: ";
  AppendGenerator(out, metric.generator);
  out += '\n';
}

void AppendScenarioGroup(std::string& out, const ScenarioGroupConfig& group) {
  out += "  - name: ";
  AppendQuoted(out, group.name);
  out += "\n    error_rate: ";
  AppendNumber(out, group.error_rate);
  out += "\n    seed: " + std::to_string(group.seed);
  out += "\n    metrics:\n";
  for (const ScenarioMetricConfig& metric : group.metrics) {
    out += "      " + metric.metric + ": {effect: ";
    out += EffectName(metric.effect);
    if (metric.effect == ScenarioEffect::kPin) {
      out += ", value: ";
      AppendNumber(out, metric.value);
    } else if (metric.effect == ScenarioEffect::kSpike || metric.effect == ScenarioEffect::kDrop) {
      out += ", factor: ";
      AppendNumber(out, metric.value);
    }
    out += "}\n";
  }
  out += "    scenarios:\n";
  for (const GroupScenarioConfig& scenario : group.scenarios) {
    out += "      - name: ";
    AppendQuoted(out, scenario.name);
    out += "\n        length: ";
    AppendNumber(out, scenario.length);
    if (scenario.at) {
      out += "\n        at: ";
      AppendDuration(out, *scenario.at);
    }
    if (scenario.every) {
      out += "\n        every: ";
      AppendDuration(out, *scenario.every);
    }
    out += "\n        metrics: {";
    bool first = true;
    for (size_t m = 0; m < scenario.offsets.size() && m < group.metrics.size(); ++m) {
      if (!scenario.offsets[m]) continue;
      out += (first ? "" : ", ") + group.metrics[m].metric + ": ";
      AppendNumber(out, *scenario.offsets[m]);
      first = false;
    }
    out += "}\n";
  }
}

}  // namespace

std::string WriteYamlConfig(const Config& config, std::string_view header) {
  std::string out;
  while (!header.empty()) {
    const size_t newline = header.find('\n');
    out += "# ";
    out += header.substr(0, newline);
    out += '\n';
    header = newline == std::string_view::npos ? std::string_view() : header.substr(newline + 1);
  }
  out += "global:\n  seed: " + std::to_string(config.global.seed) + "\n  tick: ";
  AppendDuration(out, config.global.tick);
  out += '\n';
  if (!config.global.labels.empty()) {
    out += "  labels: {";
    for (size_t i = 0; i < config.global.labels.size(); ++i) {
      out += (i > 0 ? ", " : "") + config.global.labels[i].first + ": ";
      AppendQuoted(out, config.global.labels[i].second);
    }
    out += "}\n";
  }
  if (!config.plugins.empty()) {
    out += "plugins:\n";
    for (const PluginPath& plugin : config.plugins) {
      out += "  - ";
      AppendQuoted(out, plugin.path);
      out += '\n';
    }
  }
  out += config.metrics.empty() ? "metrics: []\n" : "metrics:\n";
  for (const MetricConfig& metric : config.metrics) AppendMetric(out, metric, config.global);
  if (!config.scenario_groups.empty()) {
    out += "scenario_groups:\n";
    for (const ScenarioGroupConfig& group : config.scenario_groups) AppendScenarioGroup(out, group);
  }
  return out;
}

}  // namespace promsynth
