#pragma once

#include <vector>

#include "config/remote_write_config.h"
#include "config/yaml_walker.h"

namespace promsynth {

/// Reads the `remote_write:` list (url, basic_auth, bearer_token[_file], headers, batch, queue),
/// reporting every bad key or value through `walker`.
void ReadRemoteWrite(Walker& walker, const YAML::Node& node, std::vector<RemoteWriteConfig>& targets);

}  // namespace promsynth
