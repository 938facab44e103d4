#include "config/metric_type_loader.h"

#include <cmath>
#include <limits>
#include <optional>
#include <sstream>

#include "config/generator_config_loader.h"
#include "config/rfc3339_time.h"

namespace promsynth {
namespace {

constexpr size_t kMaxBuckets = 1000;
constexpr size_t kMaxQuantiles = 100;
constexpr double kMaxObservationsPerTick = 100'000;
// A summary keeps window × max observations per series: more than this is surely a mistake.
constexpr uint64_t kMaxSummaryWindowObservations = 1'000'000;
constexpr Millis kDefaultSummaryWindow{600'000};  // client_golang's DefMaxAge
constexpr uint32_t kDefaultHistogramMaxPerTick = 1000;

std::string FormatNumber(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

bool IsCumulative(MetricType type) { return type != MetricType::kGauge; }

std::optional<double> ReadNumber(Walker& walker, const YAML::Node& node, const std::string& key,
                                 const std::string& allowed) {
  auto value = node.IsScalar() ? ParseNumber(node.Scalar()) : std::nullopt;
  if (!value) walker.Fail(node, key, "not a number", Walker::Describe(node), allowed);
  return value;
}

std::optional<double> ReadProbability(Walker& walker, const YAML::Node& node, const std::string& key) {
  constexpr const char* kAllowed = "a probability from 0 to 1";
  auto value = ReadNumber(walker, node, key, kAllowed);
  if (!value) return std::nullopt;
  if (!(*value >= 0 && *value <= 1)) {
    walker.Fail(node, key, "out of range", Walker::Describe(node), kAllowed);
    return std::nullopt;
  }
  return value;
}

// A time: RFC 3339 or unix seconds.
std::optional<int64_t> ReadTimeMillis(Walker& walker, const YAML::Node& node, const std::string& key) {
  if (node.IsScalar()) {
    if (auto seconds = ParseNumber(node.Scalar()); seconds && std::isfinite(*seconds)) {
      return static_cast<int64_t>(std::llround(*seconds * 1000.0));
    }
    if (auto millis = ParseRfc3339Millis(node.Scalar())) return millis;
  }
  walker.Fail(node, key, "not a time", Walker::Describe(node),
              "an RFC 3339 time such as 2026-01-01T00:00:00Z, or unix seconds");
  return std::nullopt;
}

// A duration of zero or more (`offset`).
std::optional<Millis> ReadDuration(Walker& walker, const YAML::Node& node, const std::string& key) {
  auto value = node.IsScalar() ? ParseDuration(node.Scalar()) : std::nullopt;
  if (!value) {
    walker.Fail(node, key, "not a duration", Walker::Describe(node),
                "Prometheus notation such as 100ms, 1s, 5m, 1h30m");
  }
  return value;
}

void RejectUnlessType(Walker& walker, const YAML::Node& node, const std::string& key, MetricType type,
                      std::initializer_list<MetricType> allowed_types, std::string_view what) {
  for (MetricType allowed : allowed_types) {
    if (type == allowed) return;
  }
  walker.Fail(node, key, std::string(what) + " does not apply to a " + std::string(MetricTypeName(type)),
              Walker::Describe(node), "remove it, or change the metric's type");
}

void ReadMode(Walker& walker, const YAML::Node& node, const std::string& key, MetricConfig& metric) {
  const std::string text = Walker::Describe(node);
  if (text == "increments") {
    metric.counter_mode = CounterMode::kIncrements;
  } else if (text == "rate") {
    metric.counter_mode = CounterMode::kRate;
  } else if (text == "total") {
    metric.counter_mode = CounterMode::kTotal;
  } else {
    walker.Fail(node, key, "unknown counter mode", text, "increments, rate, total");
  }
}

void ReadResets(Walker& walker, const YAML::Node& node, const std::string& path, MetricConfig& metric) {
  metric.resets.location = walker.Where(node);
  if (!walker.ExpectMap(node, path)) return;
  walker.CheckKeys(node, path, {"every", "at"});
  if (const YAML::Node every = node["every"]) {
    const std::string key = path + ".every";
    const std::string text = Walker::Describe(every);
    constexpr const char* kAllowed =
        "a duration such as 1h (aligned to the epoch), or a whole number of ticks ≥ 1";
    if (auto duration = every.IsScalar() ? ParseDuration(text) : std::nullopt) {
      if (duration->count() <= 0) {
        walker.Fail(every, key, "out of range", text, kAllowed);
      } else {
        metric.resets.every = *duration;
      }
    } else if (auto ticks = every.IsScalar() ? ParseNumber(text) : std::nullopt;
               ticks && *ticks >= 1 && *ticks <= 1e15 && *ticks == std::floor(*ticks)) {
      metric.resets.every_ticks = static_cast<int64_t>(*ticks);
    } else {
      walker.Fail(every, key, "not a reset interval", text, kAllowed);
    }
  }
  if (const YAML::Node at = node["at"]) {
    const std::string key = path + ".at";
    if (at.IsSequence()) {
      for (size_t i = 0; i < at.size(); ++i) {
        if (auto millis = ReadTimeMillis(walker, at[i], key + "[" + std::to_string(i) + "]")) {
          metric.resets.at_ms.push_back(*millis);
        }
      }
    } else if (auto millis = ReadTimeMillis(walker, at, key)) {
      metric.resets.at_ms.push_back(*millis);
    }
  }
  if (!node["every"] && !node["at"]) {
    walker.Fail(node, path, "resets names no reset", Walker::Describe(node),
                "every (a duration or a number of ticks) and/or at (a list of times)");
  }
}

void ReadAbsentWindow(Walker& walker, const YAML::Node& node, const std::string& path, GapConfig& gaps) {
  if (!walker.ExpectMap(node, path)) return;
  walker.CheckKeys(node, path, {"from", "to", "every", "for", "offset"});
  AbsentWindow window;
  const bool fixed = node["from"] || node["to"];
  const bool periodic = node["every"] || node["for"] || node["offset"];
  if (fixed == periodic) {
    walker.Fail(node, path, "an absent window is either {from, to} or {every, for}", Walker::Describe(node),
                "{from: TIME, to: TIME} or {every: DURATION, for: DURATION, offset: DURATION}");
    return;
  }
  const size_t errors_before = walker.errors().size();
  if (fixed) {
    for (const char* name : {"from", "to"}) {
      if (!node[name]) {
        walker.Fail(node, Walker::Join(path, name), "missing", "", "an RFC 3339 time or unix seconds");
      }
    }
    if (walker.errors().size() != errors_before) return;
    auto from = ReadTimeMillis(walker, node["from"], path + ".from");
    auto to = ReadTimeMillis(walker, node["to"], path + ".to");
    if (!from || !to) return;
    if (*to <= *from) {
      walker.Fail(node["to"], path + ".to", "the window ends before it starts", Walker::Describe(node["to"]),
                  "a time after from");
      return;
    }
    window.from_ms = *from;
    window.to_ms = *to;
  } else {
    if (!node["every"]) walker.Fail(node, path + ".every", "missing", "", "a duration such as 1h");
    if (!node["for"]) walker.Fail(node, path + ".for", "missing", "", "a duration shorter than every");
    if (walker.errors().size() != errors_before) return;
    auto every = ReadPositiveDuration(walker, node["every"], path + ".every", "every");
    auto length = ReadPositiveDuration(walker, node["for"], path + ".for", "for");
    std::optional<Millis> offset = Millis{0};
    if (node["offset"]) offset = ReadDuration(walker, node["offset"], path + ".offset");
    if (!every || !length || !offset) return;
    if (*length >= *every) {
      walker.Fail(node["for"], path + ".for", "an absent window must be shorter than its period",
                  Walker::Describe(node["for"]), "less than every (" + FormatDuration(*every) + ")");
      return;
    }
    window.every = *every;
    window.length = *length;
    window.offset = *offset;
  }
  gaps.absent.push_back(window);
}

void ReadGaps(Walker& walker, const YAML::Node& node, const std::string& path, MetricConfig& metric) {
  GapConfig& gaps = metric.gaps;
  gaps.location = walker.Where(node);
  if (!walker.ExpectMap(node, path)) return;
  walker.CheckKeys(
      node, path,
      {"drop_probability", "absent", "nan_probability", "inf_probability", "neg_inf_probability"});
  if (const YAML::Node drop = node["drop_probability"]) {
    if (auto p = ReadProbability(walker, drop, path + ".drop_probability")) gaps.drop_probability = *p;
  }
  const std::pair<const char*, double*> specials[] = {{"nan_probability", &gaps.nan_probability},
                                                      {"inf_probability", &gaps.inf_probability},
                                                      {"neg_inf_probability", &gaps.neg_inf_probability}};
  for (const auto& [name, target] : specials) {
    const YAML::Node value = node[name];
    if (!value) continue;
    const std::string key = Walker::Join(path, name);
    if (metric.type == MetricType::kHistogram || metric.type == MetricType::kSummary) {
      walker.Fail(value, key, "special values apply only to gauges and counters", Walker::Describe(value),
                  "for a histogram or summary, give the observations NaN or Inf instead");
      continue;
    }
    if (auto p = ReadProbability(walker, value, key)) *target = *p;
  }
  if (gaps.nan_probability + gaps.inf_probability + gaps.neg_inf_probability > 1) {
    walker.Fail(node, path, "nan_probability + inf_probability + neg_inf_probability is more than 1",
                FormatNumber(gaps.nan_probability + gaps.inf_probability + gaps.neg_inf_probability),
                "probabilities that add up to at most 1");
  }
  if (const YAML::Node absent = node["absent"]) {
    const std::string key = path + ".absent";
    if (!absent.IsSequence()) {
      walker.Fail(absent, key, "expected a list of windows", Walker::Describe(absent),
                  "[{from: TIME, to: TIME}, {every: 1h, for: 5m}]");
    } else {
      for (size_t i = 0; i < absent.size(); ++i) {
        ReadAbsentWindow(walker, absent[i], key + "[" + std::to_string(i) + "]", gaps);
      }
    }
  }
}

// A list of numbers, each finite and greater than the one before.
std::vector<double> ReadIncreasingList(Walker& walker, const YAML::Node& node, const std::string& key,
                                       size_t max_items, double min, double max, const std::string& allowed) {
  std::vector<double> numbers;
  if (!node.IsSequence() || node.size() == 0 || node.size() > max_items) {
    walker.Fail(node, key, node.IsSequence() ? "wrong number of items" : "expected a list",
                node.IsSequence() ? std::to_string(node.size()) + " items" : Walker::Describe(node),
                "a list of 1 to " + std::to_string(max_items) + " numbers: " + allowed);
    return numbers;
  }
  for (size_t i = 0; i < node.size(); ++i) {
    const std::string item_key = key + "[" + std::to_string(i) + "]";
    auto value = ReadNumber(walker, node[i], item_key, allowed);
    if (!value) return {};
    if (!(*value >= min && *value <= max) || !std::isfinite(*value)) {
      walker.Fail(node[i], item_key, "out of range", Walker::Describe(node[i]), allowed);
      return {};
    }
    if (!numbers.empty() && *value <= numbers.back()) {
      walker.Fail(node[i], item_key, "not greater than the item before", Walker::Describe(node[i]),
                  "strictly increasing numbers: " + allowed);
      return {};
    }
    numbers.push_back(*value);
  }
  return numbers;
}

GeneratorConfig ConstantGenerator(double value, const SourceLocation& location) {
  GeneratorConfig generator;
  generator.kind = "constant";
  generator.location = location;
  generator.kind_location = location;
  GeneratorParam param;
  param.number = value;
  param.location = location;
  generator.params.emplace("value", std::move(param));
  return generator;
}

void ReadObservations(Walker& walker, const YAML::Node& node, const std::string& path, MetricConfig& metric) {
  ObservationConfig& observations = metric.observations;
  observations.location = walker.Where(node);
  const std::string noun(MetricTypeName(metric.type));
  if (const YAML::Node value = node["observations"]) {
    ReadGenerator(walker, value, path + ".observations", observations.value);
  } else {
    walker.Fail(node, path + ".observations", "a " + noun + " needs observations", "",
                "the distribution of one observation, e.g. {kind: exponential, scale: 0.2}");
  }
  bool per_tick_is_constant = true;
  double per_tick = 1;
  if (const YAML::Node count = node["observations_per_tick"]) {
    const std::string key = path + ".observations_per_tick";
    if (count.IsMap()) {
      per_tick_is_constant = false;
      ReadGenerator(walker, count, key, observations.per_tick);
    } else {
      const std::string allowed = "a number from 0 to " + FormatNumber(kMaxObservationsPerTick) +
                                  " (a fraction is the mean), or a generator";
      auto number = ReadNumber(walker, count, key, allowed);
      if (number && !(*number >= 0 && *number <= kMaxObservationsPerTick)) {
        walker.Fail(count, key, "out of range", Walker::Describe(count), allowed);
        number.reset();
      }
      if (number) per_tick = *number;
    }
  }
  if (per_tick_is_constant) observations.per_tick = ConstantGenerator(per_tick, observations.location);

  if (const YAML::Node max = node["max_observations_per_tick"]) {
    const std::string key = path + ".max_observations_per_tick";
    const std::string allowed = "a whole number from 1 to " + FormatNumber(kMaxObservationsPerTick);
    auto number = ReadNumber(walker, max, key, allowed);
    if (number && *number >= 1 && *number <= kMaxObservationsPerTick && *number == std::floor(*number)) {
      observations.max_per_tick = static_cast<uint32_t>(*number);
    } else if (number) {
      walker.Fail(max, key, "out of range", Walker::Describe(max), allowed);
    }
  }
  if (observations.max_per_tick == 0) {
    if (per_tick_is_constant) {
      observations.max_per_tick = static_cast<uint32_t>(std::max(1.0, std::ceil(per_tick)));
    } else if (metric.type == MetricType::kHistogram) {
      observations.max_per_tick = kDefaultHistogramMaxPerTick;
    } else {
      walker.Fail(node, path + ".max_observations_per_tick",
                  "a summary whose observations_per_tick is a generator needs max_observations_per_tick", "",
                  "the most observations one tick may add: the window keeps that many per tick");
    }
  } else if (per_tick_is_constant && per_tick > observations.max_per_tick) {
    walker.Fail(node["observations_per_tick"], path + ".observations_per_tick",
                "more than max_observations_per_tick", FormatNumber(per_tick),
                "at most " + std::to_string(observations.max_per_tick));
  }
}

void ReadSummaryWindow(Walker& walker, const YAML::Node& node, const std::string& path,
                       MetricConfig& metric) {
  const YAML::Node window = node["window"];
  const YAML::Node max_age = node["max_age"];
  if (window && max_age) {
    walker.Fail(max_age, path + ".max_age", "window given twice, as window and as max_age",
                Walker::Describe(max_age), "one of the two names");
    return;
  }
  metric.window = kDefaultSummaryWindow;
  const YAML::Node given = window ? window : max_age;
  const std::string key = path + (window ? ".window" : ".max_age");
  if (given) {
    auto value = ReadPositiveDuration(walker, given, key, "window");
    if (!value) return;
    metric.window = *value;
  }
  if (metric.window < metric.tick) {
    walker.Fail(given ? given : node, key, "the window is shorter than one tick",
                FormatDuration(metric.window),
                "at least the metric's tick (" + FormatDuration(metric.tick) + ")");
    return;
  }
  const uint64_t ticks =
      static_cast<uint64_t>((metric.window.count() + metric.tick.count() - 1) / metric.tick.count());
  if (metric.observations.max_per_tick > 0 &&
      ticks * metric.observations.max_per_tick > kMaxSummaryWindowObservations) {
    walker.Fail(given ? given : node, key, "the window would keep too many observations per series",
                std::to_string(ticks) + " ticks × " + std::to_string(metric.observations.max_per_tick) +
                    " observations",
                "at most " + std::to_string(kMaxSummaryWindowObservations) +
                    " (window ÷ tick × max_observations_per_tick): a shorter window or fewer observations");
  }
}

}  // namespace

const std::vector<double>& DefaultHistogramBuckets() {
  static const std::vector<double> kBuckets = {.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10};
  return kBuckets;
}

const std::vector<double>& DefaultSummaryQuantiles() {
  static const std::vector<double> kQuantiles = {0.5, 0.9, 0.99};
  return kQuantiles;
}

void ReadMetricTypeOptions(Walker& walker, const YAML::Node& node, const std::string& path,
                           MetricConfig& metric) {
  const MetricType type = metric.type;
  using enum MetricType;
  if (const YAML::Node mode = node["mode"]) {
    RejectUnlessType(walker, mode, path + ".mode", type, {kCounter}, "mode");
    if (type == kCounter) ReadMode(walker, mode, path + ".mode", metric);
  }
  if (const YAML::Node resets = node["resets"]) {
    RejectUnlessType(walker, resets, path + ".resets", type, {kCounter, kHistogram, kSummary}, "resets");
    if (type == kCounter && metric.counter_mode == CounterMode::kTotal) {
      walker.Fail(resets, path + ".resets", "a counter in mode total takes its resets from its generator",
                  Walker::Describe(resets), "remove resets, or use mode increments or rate");
    } else if (IsCumulative(type)) {
      ReadResets(walker, resets, path + ".resets", metric);
    }
  }
  if (const YAML::Node gaps = node["gaps"]) ReadGaps(walker, gaps, path + ".gaps", metric);

  for (const char* key : {"observations", "observations_per_tick", "max_observations_per_tick"}) {
    if (const YAML::Node value = node[key]) {
      RejectUnlessType(walker, value, Walker::Join(path, key), type, {kHistogram, kSummary}, key);
    }
  }
  if (const YAML::Node buckets = node["buckets"]) {
    RejectUnlessType(walker, buckets, path + ".buckets", type, {kHistogram}, "buckets");
  }
  for (const char* key : {"quantiles", "window", "max_age"}) {
    if (const YAML::Node value = node[key]) {
      RejectUnlessType(walker, value, Walker::Join(path, key), type, {kSummary}, key);
    }
  }
  if (type != kHistogram && type != kSummary) return;

  if (const YAML::Node generator = node["generator"]) {
    walker.Fail(generator, path + ".generator",
                "a " + std::string(MetricTypeName(type)) + " takes observations, not a generator",
                Walker::Describe(generator), "observations: {kind: ...} and observations_per_tick");
  }
  ReadObservations(walker, node, path, metric);
  if (type == kHistogram) {
    metric.buckets = DefaultHistogramBuckets();
    if (const YAML::Node buckets = node["buckets"]) {
      metric.buckets = ReadIncreasingList(
          walker, buckets, path + ".buckets", kMaxBuckets, -std::numeric_limits<double>::max(),
          std::numeric_limits<double>::max(), "finite upper bounds, e.g. [0.1, 0.5, 1] (+Inf is implied)");
    }
  } else {
    metric.quantiles = DefaultSummaryQuantiles();
    if (const YAML::Node quantiles = node["quantiles"]) {
      metric.quantiles = ReadIncreasingList(walker, quantiles, path + ".quantiles", kMaxQuantiles, 0, 1,
                                            "quantiles from 0 to 1, e.g. [0.5, 0.9, 0.99]");
    }
    ReadSummaryWindow(walker, node, path, metric);
  }
}

}  // namespace promsynth
