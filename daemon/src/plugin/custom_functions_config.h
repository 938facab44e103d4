#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "config/config.h"

namespace promsynth {

/// How a seed-002 (custom metrics generator) config maps onto a promsynth Config.
struct CustomFunctionsOptions {
  /// Put before every `name`: the original always exposes `test_metrics_<name>`.
  std::string prefix = "test_metrics_";
  /// The original *sets* a "counter" to the function's value like a gauge (no accumulation, no
  /// `_total`), so by default counters stay gauges and export the same numbers. When true they
  /// become promsynth counters: the function's value is then the per-tick increment, and the
  /// name gets `_total`.
  bool counters_as_counters = false;
  /// Generator kinds for function names that differ from the kind: the seed's functions are the
  /// example plugin's `seed_*` ones, because `square`, `exponential` and `normal` are built-in
  /// kinds (a wave, a distribution, normal draws). Other names are used as the kind unchanged.
  std::map<std::string, std::string, std::less<>> function_kinds = {{"square", "seed_square"},
                                                                    {"power", "seed_power"},
                                                                    {"fibonacci", "seed_fibonacci"},
                                                                    {"exponential", "seed_exponential"},
                                                                    {"normal", "seed_normal"}};
  /// The tick of every metric (the original advances per scrape or once per 60 s; the daemon's
  /// advance mode decides when ticks are taken).
  Millis tick{1000};
  /// When the metrics advance: every tick (default), once per scrape (the original's v1: two
  /// scrapes give 1 then 4) or on a scrape at most once per `advance_interval` (v2: 60 s).
  AdvanceMode advance = AdvanceMode::kTick;
  Millis advance_interval{60000};
};

/// Parses a seed-002 config, a JSON array of `{name, metric_type, custom_function,
/// reset_interval?, labels?}`, into a Config: one gauge per entry named prefix + name,
/// generator kind = the custom function (with `reset_interval`, default 0), each label a
/// single-value dimension. Throws ConfigErrors (with line and column) for invalid JSON, a
/// top level that is not an array, unknown keys, a missing or empty custom_function, a bad
/// metric_type and duplicate names. Whether the function exists is checked later, against
/// the generator registry.
Config ParseCustomFunctionsConfig(std::string_view text, const std::string& source_file,
                                  const CustomFunctionsOptions& options = {});

/// True when `text` is a JSON array whose first element is an object with `custom_function`:
/// content detection for `--config.file`.
bool LooksLikeCustomFunctionsJson(std::string_view text);

}  // namespace promsynth
