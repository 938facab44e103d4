#include "config/generator_config_loader.h"

namespace promsynth {
namespace {

bool ReadParam(Walker& walker, const YAML::Node& value, const std::string& key, GeneratorParam& param) {
  param.location = walker.Where(value);
  if (value.IsScalar()) {
    if (auto number = ParseNumber(value.Scalar())) {
      param.kind = GeneratorParam::Kind::kNumber;
      param.number = *number;
    } else {
      param.kind = GeneratorParam::Kind::kText;
      param.text = value.Scalar();
    }
    return true;
  }
  if (value.IsSequence()) {
    param.kind = GeneratorParam::Kind::kNumberList;
    for (const auto& item : value) {
      auto number = item.IsScalar() ? ParseNumber(item.Scalar()) : std::nullopt;
      if (!number) {
        walker.Fail(item, key, "list items must be numbers", Walker::Describe(item));
        continue;
      }
      param.numbers.push_back(*number);
    }
    return true;
  }
  walker.Fail(value, key, "parameter must be a number, a string or a list of numbers",
              Walker::Describe(value));
  return false;
}

// One `stages:` item: a mapping with a single key, the stage name, whose value is the stage's
// parameter mapping or, as a shorthand, one scalar stored as the parameter `value`.
void ReadStage(Walker& walker, const YAML::Node& node, const std::string& path, GeneratorConfig& stage) {
  stage.location = walker.Where(node);
  if (!node.IsMap() || node.size() != 1) {
    walker.Fail(node, path, "a stage must be a mapping with one key, the stage name", Walker::Describe(node),
                "e.g. {anomaly: {pattern: linear, factor: 2, recovery_time: 5}}, {step_size: 0.1}");
    return;
  }
  const auto entry = *node.begin();
  stage.kind = entry.first.Scalar();
  stage.kind_location = walker.Where(entry.first);
  const std::string stage_path = Walker::Join(path, stage.kind);
  if (entry.second.IsMap()) {
    for (const auto& param_entry : entry.second) {
      const std::string name = param_entry.first.Scalar();
      GeneratorParam param;
      if (ReadParam(walker, param_entry.second, Walker::Join(stage_path, name), param)) {
        stage.params.emplace(name, std::move(param));
      }
    }
  } else if (!entry.second.IsNull()) {
    GeneratorParam param;
    if (ReadParam(walker, entry.second, Walker::Join(stage_path, "value"), param)) {
      stage.params.emplace("value", std::move(param));
    }
  }
}

}  // namespace

void ReadGenerator(Walker& walker, const YAML::Node& node, const std::string& path,
                   GeneratorConfig& generator) {
  generator.location = walker.Where(node);
  if (!walker.ExpectMap(node, path)) return;
  for (const auto& entry : node) {
    const std::string name = entry.first.Scalar();
    const YAML::Node& value = entry.second;
    if (name == "kind") {
      generator.kind = Walker::Describe(value);
      generator.kind_location = walker.Where(value);
      continue;
    }
    if (name == "terms" || name == "stages") {
      const std::string key = Walker::Join(path, name);
      if (!value.IsSequence()) {
        walker.Fail(value, key, "expected a list", Walker::Describe(value),
                    name == "terms" ? "a list of generators" : "a list of stages");
        continue;
      }
      for (size_t i = 0; i < value.size(); ++i) {
        const std::string item_key = key + "[" + std::to_string(i) + "]";
        GeneratorConfig child;
        if (name == "terms") {
          ReadGenerator(walker, value[i], item_key, child);
          generator.terms.push_back(std::move(child));
        } else {
          ReadStage(walker, value[i], item_key, child);
          generator.stages.push_back(std::move(child));
        }
      }
      continue;
    }
    if (name == "input") {
      GeneratorConfig child;
      ReadGenerator(walker, value, Walker::Join(path, name), child);
      generator.input.push_back(std::move(child));
      continue;
    }
    GeneratorParam param;
    if (ReadParam(walker, value, Walker::Join(path, name), param))
      generator.params.emplace(name, std::move(param));
  }
  if (generator.kind.empty()) {
    walker.Fail(node, Walker::Join(path, "kind"), "generator has no kind", "",
                "e.g. constant, uniform, gaussian, sine");
  }
}

}  // namespace promsynth
