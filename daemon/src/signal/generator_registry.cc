#include "signal/generator_registry.h"

#include <charconv>
#include <cmath>
#include <sstream>

#include "signal/anomaly_stage.h"
#include "signal/composition.h"
#include "signal/constant_generator.h"
#include "signal/distributions.h"
#include "signal/gaussian_generator.h"
#include "signal/noise_stage.h"
#include "signal/periodic_waves.h"
#include "signal/pipeline_generator.h"
#include "signal/pulse_generator.h"
#include "signal/ramp_generator.h"
#include "signal/random_walk_generator.h"
#include "signal/sequence_generators.h"
#include "signal/sine_generator.h"
#include "signal/timestamp.h"
#include "signal/uniform_generator.h"
#include "signal/value_stages.h"

namespace promsynth {
namespace {

std::string FormatNumber(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

std::string DescribeRange(const ParamSpec& spec) {
  switch (spec.type) {
    case ParamType::kText: {
      if (spec.choices.empty()) return "a string";
      std::string text = "one of ";
      for (size_t i = 0; i < spec.choices.size(); ++i)
        text += (i == 0 ? "" : ", ") + std::string(spec.choices[i]);
      return text;
    }
    case ParamType::kNumberList:
      return "a list of numbers";
    case ParamType::kTimestamp:
      return "an RFC 3339 time such as 2026-01-01T00:00:00Z, or unix seconds";
    case ParamType::kNumber:
    case ParamType::kDuration:
    case ParamType::kTicksOrDuration:
    case ParamType::kTicksOrTime:
      break;
  }
  std::string text = spec.type == ParamType::kDuration ? "a duration"
                     : spec.integer                    ? "a whole number"
                                                       : "a number";
  if (spec.positive) {
    text += " greater than 0";
  } else if (std::isfinite(spec.min) && std::isfinite(spec.max)) {
    text += " from " + FormatNumber(spec.min) + " to " + FormatNumber(spec.max);
  } else if (std::isfinite(spec.min)) {
    text += " of at least " + FormatNumber(spec.min);
  } else if (std::isfinite(spec.max)) {
    text += " of at most " + FormatNumber(spec.max);
  }
  if (spec.type == ParamType::kTicksOrDuration) text += " (ticks), or a duration such as 1h";
  if (spec.type == ParamType::kTicksOrTime)
    text += " (ticks), or an RFC 3339 time such as 2026-01-01T00:00:00Z";
  return text;
}

std::string ParamNames(const std::vector<ParamSpec>& params) {
  std::string names;
  for (const ParamSpec& spec : params) {
    names += (names.empty() ? "" : ", ") + std::string(spec.name);
    if (!spec.alias.empty()) names += " (or " + std::string(spec.alias) + ")";
  }
  return names.empty() ? "no parameters" : names;
}

std::string Describe(const GeneratorParam& param) {
  switch (param.kind) {
    case GeneratorParam::Kind::kNumber:
      return FormatNumber(param.number);
    case GeneratorParam::Kind::kText:
      return param.text;
    case GeneratorParam::Kind::kNumberList:
      break;
  }
  return "<list>";
}

// Validates one parameter value against its spec; stores it in `resolved` or appends an error.
void ResolveValue(const ParamSpec& spec, const GeneratorParam& param, const std::string& key,
                  ResolvedParams& resolved, std::vector<ConfigError>& errors) {
  if (spec.type == ParamType::kText) {
    if (param.kind == GeneratorParam::Kind::kNumber && spec.choices.empty()) {
      // A free-text parameter written as a bare number (`values: 5`) is that number's text.
      char buffer[64];
      const auto result = std::to_chars(buffer, buffer + sizeof buffer, param.number);
      resolved.SetText(spec.name, std::string(buffer, result.ptr));
      return;
    }
    if (param.kind != GeneratorParam::Kind::kText) {
      errors.push_back(
          {param.location, key, "expected " + DescribeRange(spec), Describe(param), DescribeRange(spec)});
      return;
    }
    bool allowed = spec.choices.empty();
    for (std::string_view choice : spec.choices) allowed |= choice == param.text;
    if (!allowed) {
      errors.push_back({param.location, key, "not an accepted value", param.text, DescribeRange(spec)});
      return;
    }
    resolved.SetText(spec.name, param.text);
    return;
  }
  if (spec.type == ParamType::kNumberList) {
    if (param.kind != GeneratorParam::Kind::kNumberList) {
      errors.push_back(
          {param.location, key, "expected a list of numbers", Describe(param), DescribeRange(spec)});
      return;
    }
    resolved.SetList(spec.name, param.numbers);
    return;
  }
  if (spec.type == ParamType::kTimestamp) {
    if (param.kind == GeneratorParam::Kind::kNumber && std::isfinite(param.number)) {
      resolved.Set(spec.name, param.number);
      return;
    }
    const auto millis =
        param.kind == GeneratorParam::Kind::kText ? ParseRfc3339Millis(param.text) : std::nullopt;
    if (!millis) {
      errors.push_back({param.location, key, "not a time", Describe(param), DescribeRange(spec)});
      return;
    }
    resolved.Set(spec.name, static_cast<double>(*millis) / 1000.0);
    return;
  }
  if (param.kind == GeneratorParam::Kind::kText &&
      (spec.type == ParamType::kTicksOrDuration || spec.type == ParamType::kTicksOrTime)) {
    const bool duration = spec.type == ParamType::kTicksOrDuration;
    std::optional<int64_t> millis;
    if (duration) {
      if (auto parsed = ParseDuration(param.text); parsed && parsed->count() > 0) millis = parsed->count();
    } else {
      millis = ParseRfc3339Millis(param.text);
    }
    if (!millis) {
      errors.push_back({param.location, key, duration ? "not a positive duration" : "not a time", param.text,
                        DescribeRange(spec)});
      return;
    }
    resolved.Set(spec.name, static_cast<double>(*millis) / 1000.0);
    resolved.MarkWallClock(spec.name);
    return;
  }
  double value = 0;
  if (param.kind == GeneratorParam::Kind::kNumber) {
    value = param.number;
  } else if (param.kind == GeneratorParam::Kind::kText && spec.type == ParamType::kDuration) {
    auto duration = ParseDuration(param.text);
    if (!duration) {
      errors.push_back({param.location, key, "not a duration", param.text,
                        "Prometheus notation such as 500ms, 60s, 5m, or a number of seconds"});
      return;
    }
    value = static_cast<double>(duration->count()) / 1000.0;
  } else {
    errors.push_back(
        {param.location, key, "expected " + DescribeRange(spec), Describe(param), DescribeRange(spec)});
    return;
  }
  // NaN is a value users emit on purpose (e.g. `constant: .nan`), so only bounded parameters refuse it.
  const bool unbounded = !spec.positive && !spec.integer && std::isinf(spec.min) && std::isinf(spec.max);
  const bool in_range = std::isnan(value) ? unbounded
                        : spec.positive   ? value > 0 && value <= spec.max
                                          : value >= spec.min && value <= spec.max;
  if (!in_range || (spec.integer && value != std::floor(value))) {
    errors.push_back({param.location, key, in_range ? "not a whole number" : "out of range",
                      FormatNumber(value), DescribeRange(spec)});
    return;
  }
  resolved.Set(spec.name, value);
}

// Resolves the parameters of a generator or stage config against `params`; `owner` names it in
// messages ("generator kind uniform", "stage anomaly").
std::optional<ResolvedParams> ResolveParams(
    const std::vector<ParamSpec>& params,
    const std::function<std::optional<std::string>(const ResolvedParams&)>& check, const std::string& owner,
    const GeneratorConfig& config, const std::string& path, std::vector<ConfigError>& errors) {
  const size_t errors_before = errors.size();
  for (const auto& [name, param] : config.params) {
    bool declared = false;
    for (const ParamSpec& spec : params) declared |= (spec.name == name || spec.alias == name);
    if (!declared) {
      errors.push_back(
          {param.location, path + "." + name, "unknown parameter for " + owner, name, ParamNames(params)});
    }
  }
  ResolvedParams resolved;
  for (const ParamSpec& spec : params) {
    auto it = config.params.find(std::string(spec.name));
    const auto alias = spec.alias.empty() ? config.params.end() : config.params.find(std::string(spec.alias));
    if (it != config.params.end() && alias != config.params.end()) {
      errors.push_back(
          {alias->second.location, path + "." + std::string(spec.alias),
           "parameter given twice, as " + std::string(spec.name) + " and as " + std::string(spec.alias), "",
           "one of the two names"});
      continue;
    }
    if (it == config.params.end()) it = alias;
    const std::string key = path + "." + std::string(spec.name);
    if (it == config.params.end()) {
      if (spec.required) {
        errors.push_back({config.location, key, "missing required parameter", "", DescribeRange(spec)});
      }
      resolved.Set(spec.name, spec.default_value);
      if (spec.type == ParamType::kText) resolved.SetText(spec.name, std::string(spec.default_text));
      continue;
    }
    resolved.MarkGiven(spec.name);
    ResolveValue(spec, it->second, key, resolved, errors);
  }
  if (errors.size() != errors_before) return std::nullopt;
  if (check) {
    if (auto problem = check(resolved)) {
      errors.push_back({config.location, path, *problem, "", ""});
      return std::nullopt;
    }
  }
  return resolved;
}

}  // namespace

double ResolvedParams::Get(std::string_view name) const {
  auto it = values_.find(name);
  return it == values_.end() ? 0.0 : it->second;
}

int64_t ResolvedParams::GetMillis(std::string_view name) const {
  return static_cast<int64_t>(std::llround(Get(name) * 1000.0));
}

int64_t ResolvedParams::GetInteger(std::string_view name) const { return static_cast<int64_t>(Get(name)); }

const std::string& ResolvedParams::GetText(std::string_view name) const {
  static const std::string kEmpty;
  auto it = texts_.find(name);
  return it == texts_.end() ? kEmpty : it->second;
}

const std::vector<double>& ResolvedParams::GetList(std::string_view name) const {
  static const std::vector<double> kEmpty;
  auto it = lists_.find(name);
  return it == lists_.end() ? kEmpty : it->second;
}

GeneratorRegistry GeneratorRegistry::WithBuiltins() {
  GeneratorRegistry registry;
  registry.Add(ConstantGeneratorKind());
  registry.Add(UniformGeneratorKind());
  registry.Add(GaussianGeneratorKind("gaussian"));
  registry.Add(GaussianGeneratorKind("normal"));
  registry.Add(SineGeneratorKind());
  for (GeneratorKind& kind : DistributionGeneratorKinds()) registry.Add(std::move(kind));
  for (GeneratorKind& kind : PeriodicWaveKinds()) registry.Add(std::move(kind));
  registry.Add(PulseGeneratorKind());
  registry.Add(RampGeneratorKind());
  registry.Add(ValuesGeneratorKind());
  registry.Add(SeriesGeneratorKind());
  registry.Add(RandomWalkGeneratorKind());
  for (GeneratorKind& kind : CompositionKinds()) registry.Add(std::move(kind));
  registry.AddStage(AnomalyStageKind());
  registry.AddStage(NoiseStageKind());
  for (StageKind& kind : ValueStageKinds()) registry.AddStage(std::move(kind));
  return registry;
}

void GeneratorRegistry::Add(GeneratorKind kind) {
  for (GeneratorKind& existing : kinds_) {
    if (existing.name == kind.name) {
      existing = std::move(kind);
      return;
    }
  }
  kinds_.push_back(std::move(kind));
}

void GeneratorRegistry::AddStage(StageKind kind) {
  for (StageKind& existing : stage_kinds_) {
    if (existing.name == kind.name) {
      existing = std::move(kind);
      return;
    }
  }
  stage_kinds_.push_back(std::move(kind));
}

const GeneratorKind* GeneratorRegistry::Find(std::string_view name) const {
  for (const GeneratorKind& kind : kinds_) {
    if (kind.name == name) return &kind;
  }
  return nullptr;
}

const StageKind* GeneratorRegistry::FindStage(std::string_view name) const {
  for (const StageKind& kind : stage_kinds_) {
    if (kind.name == name) return &kind;
  }
  return nullptr;
}

std::string GeneratorRegistry::KindNames() const {
  std::string names;
  for (const GeneratorKind& kind : kinds_) names += (names.empty() ? "" : ", ") + std::string(kind.name);
  return names;
}

std::string GeneratorRegistry::StageNames() const {
  std::string names;
  for (const StageKind& kind : stage_kinds_) names += (names.empty() ? "" : ", ") + std::string(kind.name);
  return names;
}

std::optional<ResolvedParams> GeneratorRegistry::Resolve(const GeneratorConfig& config,
                                                         const std::string& path,
                                                         std::vector<ConfigError>& errors) const {
  const GeneratorKind* kind = Find(config.kind);
  if (kind == nullptr) {
    errors.push_back(
        {config.kind_location, path + ".kind", "unknown generator kind", config.kind, KindNames()});
    return std::nullopt;
  }
  const size_t errors_before = errors.size();
  auto resolved = ResolveParams(kind->params, kind->check, "generator kind " + std::string(kind->name),
                                config, path, errors);
  const std::string name(kind->name);
  if (kind->children != ChildShape::kTerms && !config.terms.empty()) {
    errors.push_back({config.terms.front().location, path + ".terms",
                      "generator kind " + name + " takes no terms", "", "terms only for sum, product"});
  }
  if (kind->children != ChildShape::kInput && !config.input.empty()) {
    errors.push_back({config.input.front().location, path + ".input",
                      "generator kind " + name + " takes no input", "", "input only for scale, offset"});
  }
  if (kind->children == ChildShape::kTerms) {
    if (config.terms.empty()) {
      errors.push_back({config.location, path + ".terms", "generator kind " + name + " needs terms", "",
                        "a list of one or more generators"});
    }
    for (size_t i = 0; i < config.terms.size(); ++i) {
      Resolve(config.terms[i], path + ".terms[" + std::to_string(i) + "]", errors);
    }
  }
  if (kind->children == ChildShape::kInput) {
    if (config.input.empty()) {
      errors.push_back({config.location, path + ".input", "generator kind " + name + " needs an input", "",
                        "one generator, e.g. {kind: sine}"});
    } else {
      Resolve(config.input.front(), path + ".input", errors);
    }
  }
  const StageKind* previous = nullptr;
  for (size_t i = 0; i < config.stages.size(); ++i) {
    const GeneratorConfig& stage = config.stages[i];
    const std::string stage_path = path + ".stages[" + std::to_string(i) + "]";
    const StageKind* stage_kind = FindStage(stage.kind);
    if (stage_kind == nullptr) {
      errors.push_back({stage.kind_location, stage_path, "unknown stage", stage.kind, StageNames()});
      continue;
    }
    if (previous != nullptr && stage_kind->rank < previous->rank) {
      errors.push_back({stage.kind_location, stage_path,
                        "stage " + stage.kind + " must come before " + std::string(previous->name),
                        stage.kind, "stages in pipeline order: " + StageNames()});
    }
    previous = stage_kind;
    ResolveParams(stage_kind->params, stage_kind->check, "stage " + stage.kind, stage,
                  stage_path + "." + stage.kind, errors);
  }
  if (errors.size() != errors_before) return std::nullopt;
  return resolved;
}

std::unique_ptr<Generator> GeneratorRegistry::Build(const GeneratorConfig& config,
                                                    size_t series_count) const {
  std::vector<ConfigError> ignored;
  const GeneratorKind* kind = Find(config.kind);
  const auto params = ResolveParams(kind->params, kind->check, "", config, "", ignored);
  std::unique_ptr<Generator> generator;
  if (kind->children == ChildShape::kNone) {
    generator = kind->make(*params, series_count);
  } else {
    std::vector<std::unique_ptr<Generator>> children;
    for (const GeneratorConfig& child : kind->children == ChildShape::kTerms ? config.terms : config.input) {
      children.push_back(Build(child, series_count));
    }
    generator = kind->make_composite(*params, std::move(children), series_count);
  }
  if (config.stages.empty()) return generator;
  std::vector<std::unique_ptr<Stage>> stages;
  for (size_t i = 0; i < config.stages.size(); ++i) {
    const GeneratorConfig& stage = config.stages[i];
    const StageKind* stage_kind = FindStage(stage.kind);
    const auto stage_params = ResolveParams(stage_kind->params, stage_kind->check, "", stage, "", ignored);
    // Each stage position draws its own random numbers, independent of the baseline's (salt 0).
    stages.push_back(stage_kind->make(*stage_params, series_count, CombineKey(HashText(stage.kind), i)));
  }
  return std::make_unique<PipelineGenerator>(std::move(generator), std::move(stages));
}

std::unique_ptr<Generator> GeneratorRegistry::Make(const GeneratorConfig& config, const std::string& path,
                                                   size_t series_count) const {
  std::vector<ConfigError> errors;
  auto resolved = Resolve(config, path, errors);
  if (!resolved) throw ConfigErrors(std::move(errors));
  return Build(config, series_count);
}

}  // namespace promsynth
