#pragma once

#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "signal/generator.h"
#include "util/duration.h"

namespace promsynth {

/// How a generator parameter is written.
enum class ParamType {
  kNumber,      ///< a plain number
  kDuration,    ///< Prometheus notation (`90s`) or a number of seconds
  kText,        ///< a string; `ParamSpec::choices` lists the accepted ones when it is not empty
  kNumberList,  ///< a list of numbers
  kTimestamp,   ///< an RFC 3339 time (`2026-01-01T00:00:00Z`) or unix seconds; stored as unix seconds
  /// A number of ticks (a number, checked like kNumber), or a duration (`1h`, stored in seconds
  /// and marked wall-clock: ResolvedParams::IsWallClock).
  kTicksOrDuration,
  /// A number of ticks (a number, checked like kNumber), or an RFC 3339 time (stored as unix
  /// seconds and marked wall-clock).
  kTicksOrTime,
};

/// One declared parameter of a generator kind: what the config is validated against.
struct ParamSpec {
  std::string_view name;
  ParamType type = ParamType::kNumber;
  double default_value = 0;  ///< used when the parameter is absent and not required
  bool required = false;
  double min = -std::numeric_limits<double>::infinity();  ///< inclusive lower bound
  double max = std::numeric_limits<double>::infinity();   ///< inclusive upper bound
  bool positive = false;                                  ///< must be strictly greater than 0
  std::string_view alias;                                 ///< another accepted name (e.g. `mu` for `loc`)
  std::string_view help;
  std::vector<std::string_view> choices;  ///< for kText: the accepted values (empty: any text)
  std::string_view default_text;          ///< for kText: used when the parameter is absent
  bool integer = false;                   ///< a number must be a whole number
};

/// A generator's parameters after validation: every declared parameter has a value.
/// Durations are stored in seconds.
class ResolvedParams {
 public:
  void Set(std::string_view name, double value) { values_[std::string(name)] = value; }
  void SetText(std::string_view name, std::string value) { texts_[std::string(name)] = std::move(value); }
  void SetList(std::string_view name, std::vector<double> value) {
    lists_[std::string(name)] = std::move(value);
  }
  /// Records that the config wrote `name` (rather than its default applying).
  void MarkGiven(std::string_view name) { given_[std::string(name)] = true; }
  /// Records that a kTicksOrDuration / kTicksOrTime parameter was written as a duration or time.
  void MarkWallClock(std::string_view name) { wall_clock_[std::string(name)] = true; }

  /// The value of a declared parameter (0 for an undeclared one).
  double Get(std::string_view name) const;
  /// A duration or timestamp parameter in whole milliseconds.
  int64_t GetMillis(std::string_view name) const;
  /// A number parameter that was validated as a whole number.
  int64_t GetInteger(std::string_view name) const;
  /// A text parameter (empty for an undeclared one).
  const std::string& GetText(std::string_view name) const;
  /// A number-list parameter (empty for an undeclared one).
  const std::vector<double>& GetList(std::string_view name) const;
  /// Whether the config wrote the parameter (under its name or its alias).
  bool Given(std::string_view name) const { return given_.find(name) != given_.end(); }
  /// Whether a kTicksOrDuration / kTicksOrTime parameter is a duration or time (in seconds)
  /// rather than a number of ticks.
  bool IsWallClock(std::string_view name) const { return wall_clock_.find(name) != wall_clock_.end(); }

 private:
  std::map<std::string, double, std::less<>> values_;
  std::map<std::string, std::string, std::less<>> texts_;
  std::map<std::string, std::vector<double>, std::less<>> lists_;
  std::map<std::string, bool, std::less<>> given_;
  std::map<std::string, bool, std::less<>> wall_clock_;
};

/// Which child generators a kind takes.
enum class ChildShape {
  kNone,   ///< a leaf: no `terms`, no `input`
  kTerms,  ///< one or more `terms`
  kInput,  ///< exactly one `input`
};

/// A generator kind: its name, documentation, declared parameters and how to build it.
struct GeneratorKind {
  std::string_view name;
  std::string_view help;
  std::vector<ParamSpec> params;
  /// Checks between parameters (e.g. `low <= high`); returns a message when they do not fit.
  std::function<std::optional<std::string>(const ResolvedParams&)> check;
  /// Builds the generator for a family of `series_count` series.
  std::function<std::unique_ptr<Generator>(const ResolvedParams&, size_t series_count)> make;
  /// The child generators it takes; a kind with children is built by `make_composite`.
  ChildShape children = ChildShape::kNone;
  /// Builds a composite from its already built children (in config order).
  std::function<std::unique_ptr<Generator>(
      const ResolvedParams&, std::vector<std::unique_ptr<Generator>> children, size_t series_count)>
      make_composite;
  /// Plugin code (foreign, maybe sharing state between instances): its families are stepped on
  /// one thread only (see Engine::ConcurrentSplit).
  bool foreign = false;
};

}  // namespace promsynth
