#include "batch/chaos_config.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <random>
#include <sstream>

#include "compat/python_float_format.h"
#include "config/config_error.h"
#include "config/names.h"

namespace promsynth {
namespace {

constexpr std::string_view kNoises = "gaussian, uniform, exponential, logistic, laplace";
constexpr std::string_view kPatterns = "linear, exponential, oscillating, step";

/// The numpy.random.Generator arguments each seed-001 noise name passes `noise_args` to.
std::vector<std::string_view> NumpyArguments(std::string_view noise) {
  if (noise == "gaussian" || noise == "logistic" || noise == "laplace") return {"loc", "scale"};
  if (noise == "uniform") return {"low", "high"};
  if (noise == "exponential") return {"scale"};
  return {};
}

std::string NumpyMethod(std::string_view noise) {
  return noise == "gaussian" ? "normal" : std::string(noise);
}

/// Collects errors with the TOML position of the node they are about.
class Checker {
 public:
  explicit Checker(std::string file) : file_(std::move(file)) {}

  SourceLocation Where(const toml::node& node) const {
    return {file_, static_cast<int>(node.source().begin.line), static_cast<int>(node.source().begin.column)};
  }
  void Fail(const toml::node& node, std::string key, std::string message, std::string allowed) {
    errors_.push_back({Where(node), std::move(key), std::move(message), Describe(node), std::move(allowed)});
  }
  void FailAt(SourceLocation where, std::string key, std::string message, std::string value,
              std::string allowed) {
    errors_.push_back(
        {std::move(where), std::move(key), std::move(message), std::move(value), std::move(allowed)});
  }
  void ThrowIfAny() {
    if (!errors_.empty()) throw ConfigErrors(std::move(errors_));
  }

  /// A number (TOML integer or float) at `key` of `table`; nullopt (and an error when required)
  /// when it is missing or not a number.
  std::optional<double> Number(const toml::table& table, std::string_view name, const std::string& key,
                               bool required, const toml::node& parent) {
    const toml::node* node = table.get(name);
    if (node == nullptr) {
      if (required) FailAt(Where(parent), key, "missing (the original fails with KeyError)", "", "a number");
      return std::nullopt;
    }
    if (const auto integer = node->value_exact<int64_t>()) return static_cast<double>(*integer);
    if (const auto real = node->value_exact<double>()) {
      if (std::isfinite(*real)) return *real;
    }
    Fail(*node, key, "not a finite number", "a number such as 4 or 0.1");
    return std::nullopt;
  }

  /// A whole number at `key` of `table` (a TOML integer).
  std::optional<int64_t> Integer(const toml::table& table, std::string_view name, const std::string& key,
                                 bool required, const toml::node& parent) {
    const toml::node* node = table.get(name);
    if (node == nullptr) {
      if (required)
        FailAt(Where(parent), key, "missing (the original fails with KeyError)", "", "an integer");
      return std::nullopt;
    }
    if (const auto integer = node->value_exact<int64_t>()) return *integer;
    Fail(*node, key, "not an integer", "a whole number such as 40");
    return std::nullopt;
  }

  static std::string Describe(const toml::node& node) {
    if (const auto text = node.value_exact<std::string>()) return *text;
    if (const auto integer = node.value_exact<int64_t>()) return std::to_string(*integer);
    if (const auto real = node.value_exact<double>()) return compat::FormatPythonFloat(*real);
    if (const auto flag = node.value_exact<bool>()) return *flag ? "true" : "false";
    if (node.is_table()) return "a table";
    if (node.is_array()) return "an array";
    return "";
  }

 private:
  std::string file_;
  std::vector<ConfigError> errors_;
};

/// The entries of a table in file order: toml++ keeps tables sorted by key, the original
/// (Python dicts) keeps the order of the file, and that order is the CSV's column order.
std::vector<std::pair<std::string, const toml::node*>> InFileOrder(const toml::table& table) {
  std::vector<std::pair<std::string, const toml::node*>> entries;
  for (const auto& [key, node] : table) entries.emplace_back(std::string(key.str()), &node);
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    const toml::source_position& pa = a.second->source().begin;
    const toml::source_position& pb = b.second->source().begin;
    return pa.line != pb.line ? pa.line < pb.line : pa.column < pb.column;
  });
  return entries;
}

void ReadNoise(Checker& checker, const toml::table& table, const toml::node& table_node,
               const std::string& key, int64_t num_samples, ChaosMetric& metric) {
  const toml::node* noise = table.get("noise");
  if (noise == nullptr) return;  // no noise at all
  const auto name = noise->value_exact<std::string>();
  if (!name || NumpyArguments(*name).empty()) {
    checker.Fail(*noise, key + ".noise", "unknown noise (the original raises ValueError)",
                 std::string(kNoises));
    return;
  }
  metric.noise = *name;
  const toml::node* args_node = table.get("noise_args");
  if (args_node == nullptr) {
    checker.FailAt(checker.Where(table_node), key + ".noise_args",
                   "noise is set but noise_args is missing (the original fails with KeyError)", "",
                   "noise_args = {...}, e.g. {\"scale\" = 1}");
    return;
  }
  const toml::table* args = args_node->as_table();
  if (args == nullptr) {
    checker.Fail(*args_node, key + ".noise_args", "not a table", "an inline table such as {\"scale\" = 1}");
    return;
  }
  const std::vector<std::string_view> allowed = NumpyArguments(metric.noise);
  std::string allowed_text;
  for (std::string_view arg : allowed) allowed_text += (allowed_text.empty() ? "" : ", ") + std::string(arg);
  for (const auto& [arg, node] : InFileOrder(*args)) {
    const std::string arg_key = key + ".noise_args." + arg;
    if (arg == "smoothing_window") {
      const auto window = node->value_exact<int64_t>();
      if (!window || *window < 1 || *window > num_samples) {
        checker.Fail(*node, arg_key,
                     "must be a whole number from 1 to num_samples (0 makes numpy.convolve fail, more than "
                     "num_samples changes the output length)",
                     "1 to " + std::to_string(num_samples));
      } else {
        metric.smoothing_window = *window;
      }
      continue;
    }
    if (std::find(allowed.begin(), allowed.end(), arg) == allowed.end()) {
      checker.Fail(*node, arg_key,
                   "numpy's " + NumpyMethod(metric.noise) + "() takes no argument " + arg +
                       " (the original raises TypeError)",
                   allowed_text + ", smoothing_window");
      continue;
    }
    const auto value = checker.Number(*args, arg, arg_key, true, *node);
    if (!value) continue;
    if (arg == "scale" && *value < 0) {
      checker.Fail(*node, arg_key, "a negative scale (numpy raises ValueError)", "a scale of at least 0");
      continue;
    }
    metric.noise_args.emplace_back(arg, *value);
  }
}

std::optional<ChaosAnomaly> ReadAnomaly(Checker& checker, const toml::node& node, const std::string& key,
                                        int64_t num_samples) {
  const toml::table* table = node.as_table();
  if (table == nullptr) {
    checker.Fail(node, key, "not a table",
                 "[anomalies.<metric>] with at, anomaly_factor, pattern, recovery_time");
    return std::nullopt;
  }
  ChaosAnomaly anomaly;
  anomaly.location = checker.Where(node);
  const auto at = checker.Integer(*table, "at", key + ".at", true, node);
  const auto factor = checker.Number(*table, "anomaly_factor", key + ".anomaly_factor", true, node);
  const auto recovery = checker.Integer(*table, "recovery_time", key + ".recovery_time", true, node);
  const toml::node* pattern = table->get("pattern");
  bool ok = at && factor && recovery;
  if (pattern == nullptr) {
    checker.FailAt(anomaly.location, key + ".pattern", "missing (the original fails with KeyError)", "",
                   std::string(kPatterns));
    ok = false;
  } else if (const auto text = pattern->value_exact<std::string>();
             text &&
             (*text == "linear" || *text == "exponential" || *text == "oscillating" || *text == "step")) {
    anomaly.pattern = *text;
  } else {
    checker.Fail(*pattern, key + ".pattern", "unknown pattern (the original raises ValueError)",
                 std::string(kPatterns));
    ok = false;
  }
  if (const toml::node* args_node = table->get("pattern_args")) {
    if (const toml::table* args = args_node->as_table()) {
      anomaly.frequency =
          checker.Number(*args, "frequency", key + ".pattern_args.frequency", false, *args_node);
    } else {
      checker.Fail(*args_node, key + ".pattern_args", "not a table",
                   "an inline table such as {\"frequency\" = 0.3}");
    }
  }
  if (!ok) return std::nullopt;
  anomaly.at = *at;
  anomaly.factor = *factor;
  anomaly.recovery_time = *recovery;
  const toml::node& at_node = *table->get("at");
  const toml::node& recovery_node = *table->get("recovery_time");
  if (*at < 0) {
    checker.Fail(at_node, key + ".at", "a negative start index", "0 to num_samples - recovery_time");
    return std::nullopt;
  }
  if (*recovery < 0) {
    checker.Fail(recovery_node, key + ".recovery_time", "a negative recovery time", "0 or more samples");
    return std::nullopt;
  }
  // Compared as recovery > num_samples - at: at + recovery can overflow int64_t (both may be
  // near its maximum), num_samples - at cannot (0 <= at, 1 <= num_samples).
  if (*recovery > num_samples - *at) {
    const uint64_t end = static_cast<uint64_t>(*at) + static_cast<uint64_t>(*recovery);
    checker.Fail(recovery_node, key + ".recovery_time",
                 "at + recovery_time = " + std::to_string(end) + " is beyond num_samples = " +
                     std::to_string(num_samples) + " (the original raises ValueError)",
                 "at + recovery_time <= " + std::to_string(num_samples));
    return std::nullopt;
  }
  if (anomaly.pattern == "exponential" && *recovery < 2) {
    checker.Fail(recovery_node, key + ".recovery_time",
                 *recovery == 1
                     ? "exponential with recovery_time 1 is 0/0: the original writes NaN"
                     : "exponential with recovery_time 0: the original fails (max of an empty array)",
                 "at least 2 for pattern exponential");
    return std::nullopt;
  }
  return anomaly;
}

}  // namespace

bool LooksLikeChaosToml(std::string_view text) {
  const auto has_table = [&](std::string_view header) {
    for (size_t at = text.find(header); at != std::string_view::npos; at = text.find(header, at + 1)) {
      size_t line_start = text.rfind('\n', at);
      line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
      if (text.substr(line_start, at - line_start).find_first_not_of(" \t") == std::string_view::npos)
        return true;
    }
    return false;
  };
  return has_table("[general]") && (has_table("[metrics]") || has_table("[metrics."));
}

ChaosConfig ParseChaosToml(std::string_view text, const std::string& file_name) {
  toml::table root;
  try {
    root = toml::parse(text, file_name);
  } catch (const toml::parse_error& error) {
    throw ConfigErrors({{{file_name, static_cast<int>(error.source().begin.line),
                          static_cast<int>(error.source().begin.column)},
                         "",
                         "not valid TOML: " + std::string(error.description()),
                         "",
                         "a seed-001 chaos-experiment TOML file"}});
  }
  Checker checker(file_name);
  ChaosConfig config;
  config.source_file = file_name;
  const SourceLocation top{file_name, 1, 1};

  const toml::table* general = root["general"].as_table();
  if (general == nullptr) {
    checker.FailAt(top, "general", "missing [general] table (the original fails with KeyError)", "",
                   "[general] with num_samples and seed");
    checker.ThrowIfAny();
  }
  const toml::node& general_node = *root.get("general");
  if (const auto samples =
          checker.Integer(*general, "num_samples", "general.num_samples", true, general_node)) {
    if (*samples < 1) {
      checker.Fail(*general->get("num_samples"), "general.num_samples", "no samples to generate",
                   "1 or more");
    } else {
      config.num_samples = *samples;
    }
  }
  if (const auto seed = checker.Integer(*general, "seed", "general.seed", false, general_node)) {
    if (*seed < 0) {
      checker.Fail(*general->get("seed"), "general.seed", "a negative seed (numpy raises ValueError)",
                   "0 (random) or a positive integer");
    } else {
      config.seed = static_cast<uint64_t>(*seed);
    }
  }
  config.seed_is_random = config.seed == 0;
  if (const toml::node* independent = general->get("independent_noise")) {
    if (const auto flag = independent->value_exact<bool>()) {
      config.independent_noise = *flag;
    } else {
      checker.Fail(*independent, "general.independent_noise", "not a boolean", "true or false");
    }
  }
  checker.ThrowIfAny();  // the rest needs num_samples

  const toml::table* metrics = root["metrics"].as_table();
  if (metrics == nullptr) {
    checker.FailAt(top, "metrics", "missing [metrics] table (the original fails with KeyError)", "",
                   "[metrics.<name>] tables with value, step_size, noise, noise_args");
  } else {
    for (const auto& [name, node] : InFileOrder(*metrics)) {
      const std::string key = "metrics." + name;
      const toml::table* table = node->as_table();
      if (table == nullptr) {
        checker.Fail(*node, key, "not a table",
                     "[metrics." + name + "] with value, step_size, noise, noise_args");
        continue;
      }
      ChaosMetric metric;
      metric.name = name;
      metric.location = checker.Where(*node);
      if (!IsValidMetricName(name)) {
        checker.FailAt(metric.location, key, "not a valid Prometheus metric name", name,
                       "letters, digits, '_' and ':', not starting with a digit");
      }
      if (const auto value = checker.Number(*table, "value", key + ".value", true, *node))
        metric.value = *value;
      if (const auto step = checker.Number(*table, "step_size", key + ".step_size", false, *node)) {
        // round(x / s) * s puts x on the same grid for s and -s (rint is symmetric).
        metric.step_size = std::fabs(*step);
      }
      ReadNoise(checker, *table, *node, key, config.num_samples, metric);
      config.metrics.push_back(std::move(metric));
    }
  }

  const toml::table* anomalies = root["anomalies"].as_table();
  if (anomalies == nullptr) {
    checker.FailAt(top, "anomalies", "missing [anomalies] table (the original fails with KeyError)", "",
                   "an [anomalies] table, possibly empty");
  } else {
    for (const auto& [name, node] : InFileOrder(*anomalies)) {
      // Clang 14 (the fuzz preset) cannot capture a structured binding in a lambda.
      const std::string& anomaly_name = name;
      auto metric =
          std::find_if(config.metrics.begin(), config.metrics.end(),
                       [&](const ChaosMetric& candidate) { return candidate.name == anomaly_name; });
      // The original ignores anomalies of metrics it does not generate; so do we.
      if (metric == config.metrics.end()) continue;
      metric->anomaly = ReadAnomaly(checker, *node, "anomalies." + name, config.num_samples);
    }
  }
  checker.ThrowIfAny();
  return config;
}

bool ChooseRandomSeed(ChaosConfig& config) {
  if (!config.seed_is_random) return false;
  std::random_device device;
  config.seed = std::uniform_int_distribution<uint64_t>(1, 1000)(device);
  return true;
}

ChaosConfig LoadChaosTomlFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw ConfigErrors({{{path, 0, 0}, "", "cannot read the config file", "", "a readable TOML file"}});
  std::ostringstream text;
  text << in.rdbuf();
  return ParseChaosToml(text.str(), path);
}

}  // namespace promsynth
