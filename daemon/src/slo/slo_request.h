#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "slo/aggregation.h"
#include "slo/python_int.h"
#include "slo/python_json.h"
#include "slo/repetition_series.h"
#include "slo/threshold_check.h"

namespace promsynth::slo {

/// What the generic checker reads from a request's `metadata`.
struct GenericSettings {
  /// `int(metadata.warmupSeconds)`, or `int(metadata.warmup)` in the v0.10.x dialect; seconds.
  PyInt warmup;
  Aggregation query_aggregation;       ///< applied to each repetition's surviving values
  Aggregation repetition_aggregation;  ///< applied to the per-repetition results
  /// The comparison; unset when `metadata.operator` is none of the six, which the original only
  /// reports after aggregating (see `operator_error`).
  std::optional<Operator> op;
  std::string operator_error;  ///< the 500 reason when `op` is unset
  /// `float(metadata.threshold)`.
  double threshold = 0.0;
};

/// A parsed request of the generic checker (`POST /`), ready for EvaluateGeneric.
struct GenericSloRequest : GenericSettings {
  /// The first series of each repetition, in order.
  std::vector<RepetitionSeries> repetitions;
};

/// Reads the settings from `metadata` as the original does: `warmupSeconds` (else `warmup`) through
/// `int()`, both aggregation names, `operator`, `float(threshold)`; extra keys are ignored. Throws
/// SloError for anything the original answers with 500 before it aggregates.
GenericSettings ParseGenericSettings(JsonValue metadata);

/// Parses a request body the way the original reads it: Python's `json.loads` of the raw body
/// (Content-Type is irrelevant), then `metadata.warmupSeconds` (else `metadata.warmup`) through
/// `int()`, both aggregation names, `metadata.operator`, `float(metadata.threshold)`, and from every
/// element of `results` only `[0]["values"]`. Extra keys are ignored. Throws SloError for anything
/// the original answers with 500 before it aggregates.
GenericSloRequest ParseGenericRequest(std::string_view body);

}  // namespace promsynth::slo
