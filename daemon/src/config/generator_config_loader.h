#pragma once

#include <string>

#include "config/config.h"
#include "config/yaml_walker.h"

namespace promsynth {

/// Reads a generator mapping (`kind`, its parameters, `terms`, `input`, `stages`) at `path` into
/// `generator`, reporting problems to `walker`. Parameters are checked later against the
/// generator registry. Internal to config/ (it takes yaml-cpp nodes).
void ReadGenerator(Walker& walker, const YAML::Node& node, const std::string& path,
                   GeneratorConfig& generator);

}  // namespace promsynth
