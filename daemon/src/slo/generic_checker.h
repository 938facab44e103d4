#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "slo/check_response.h"
#include "slo/fast_generic_check.h"
#include "slo/slo_request.h"

namespace promsynth::slo {

/// The query-level outcome of one repetition.
struct RepetitionResult {
  double value = 0.0;        ///< the query aggregation of the values that survive the warmup
  bool has_non_nan = false;  ///< for `mode` only: whether any surviving value is not NaN
};

/// Steps 2-4 of the generic checker for one repetition: the warmup filter and the query aggregation.
/// Throws SloError where pandas raises.
RepetitionResult EvaluateRepetition(const RepetitionSeries& series, const GenericSettings& settings);

/// EvaluateRepetition with the surviving rows in `survivors`, reusing its capacity.
RepetitionResult EvaluateRepetition(const RepetitionSeries& series, const GenericSettings& settings,
                                    WarmedUpSeries& survivors);

/// Steps 5-9 from the repetitions' outcomes, in order: the repetition aggregation and the threshold
/// check. Throws SloError where the original answers 500 (`mode` when every repetition is empty, an
/// invalid operator).
bool CheckRepetitions(const std::vector<RepetitionResult>& results, const GenericSettings& settings);

/// Steps 2-9 of the generic checker on a parsed request: per repetition the warmup filter and the
/// query aggregation, then the repetition aggregation and the threshold check. Throws SloError where
/// the original answers 500 (e.g. `trend` over an emptied repetition, `mode` when every repetition
/// is empty, an invalid operator).
bool EvaluateGeneric(const GenericSloRequest& request);

/// `POST /` of Theodolite's generic SLO checker: 200 `true`/`false`, or 500 with a one-line reason.
/// Never throws.
CheckResponse EvaluateGenericRequest(std::string_view body);

/// EvaluateGenericRequest with a fast path that `started` while the body arrived (see
/// FastGenericCheck). Never throws.
CheckResponse EvaluateGenericRequest(std::string_view body, FastGenericCheck& started);

/// The threads a generic check of a body of `body_bytes` uses: one below 1 MiB, where starting
/// threads costs more than it saves; otherwise one per core, at most four.
std::size_t GenericCheckThreads(std::size_t body_bytes);

}  // namespace promsynth::slo
