#pragma once

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/config_error.h"
#include "util/duration.h"

namespace promsynth {

/// Walks a YAML tree for the config loaders and collects every error with its position, so that
/// one run reports all of them. Internal to config/: keeps yaml-cpp out of every other header.
class Walker {
 public:
  explicit Walker(std::string file) : file_(std::move(file)) {}

  SourceLocation Where(const YAML::Node& node) const {
    const YAML::Mark mark = node.Mark();
    if (mark.is_null()) return {file_, 0, 0};
    return {file_, mark.line + 1, mark.column + 1};
  }

  void Fail(const YAML::Node& node, std::string key, std::string message, std::string value = {},
            std::string allowed = {}) {
    errors_.push_back(
        {Where(node), std::move(key), std::move(message), std::move(value), std::move(allowed)});
  }

  /// Reports every key of `node` that is not in `known`.
  void CheckKeys(const YAML::Node& node, const std::string& path,
                 std::initializer_list<std::string_view> known) {
    std::string allowed;
    for (std::string_view k : known) allowed += (allowed.empty() ? "" : ", ") + std::string(k);
    for (const auto& entry : node) {
      const std::string key = entry.first.Scalar();
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        Fail(entry.first, Join(path, key), "unknown key", key, allowed);
      }
    }
  }

  bool ExpectMap(const YAML::Node& node, const std::string& path) {
    if (node.IsMap()) return true;
    Fail(node, path, "expected a mapping", Describe(node));
    return false;
  }

  static std::string Join(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
  }

  static std::string Describe(const YAML::Node& node) {
    if (!node.IsDefined()) return "";  // a missing key: yaml-cpp would throw on any other question
    if (node.IsScalar()) return node.Scalar();
    if (node.IsSequence()) return "<list>";
    if (node.IsMap()) return "<mapping>";
    return "<empty>";
  }

  std::vector<ConfigError>& errors() { return errors_; }
  const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::vector<ConfigError> errors_;
};

/// A YAML scalar as a number: decimal and exponent forms, YAML's `.inf`/`.nan`, Prometheus' `Inf`/`NaN`.
std::optional<double> ParseNumber(const std::string& text);

/// A positive duration (`tick`, `interval`…); reports an error and returns nothing otherwise.
std::optional<Millis> ReadPositiveDuration(Walker& walker, const YAML::Node& node, const std::string& key,
                                           std::string_view noun = "tick");

/// A duration of at least 0 (or at least 1 ms without `allow_zero`): schedules (`at`, `every`)
/// and fault durations; reports an error and returns nothing otherwise.
std::optional<Millis> ReadScheduleDuration(Walker& walker, const YAML::Node& node, const std::string& key,
                                           bool allow_zero);

}  // namespace promsynth
