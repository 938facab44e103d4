#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "netops/json_value.h"

namespace promsynth::netops {

/// One Prometheus label: name and value.
using LabelPair = std::pair<std::string, std::string>;

/// Turns a netops metric's opaque `labels` into Prometheus labels for the live export, in config
/// order. Values are written as Python's `str()` would (`1`, `1.5`, `True`, `None`; strings as they
/// are; arrays and objects as their Python JSON text). A name that is not a valid Prometheus label
/// name gets every invalid character replaced by `_` (and a leading `_` when it starts with a digit);
/// names starting with `__` are reserved and dropped, as are repeats after sanitising (first wins).
/// `labels` that is not an object gives no labels.
std::vector<LabelPair> PrometheusLabels(const JsonValue& labels);

/// A netops metric name as a Prometheus metric name: invalid characters become `_` (and a
/// leading `_` when it starts with a digit).
std::string PrometheusMetricName(std::string_view name);

}  // namespace promsynth::netops
