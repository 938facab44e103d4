#include "slo/generic_checker.h"

#include <algorithm>
#include <optional>
#include <thread>
#include <vector>

#include "slo/fast_generic_check.h"
#include "slo/reductions.h"
#include "slo/slo_error.h"

namespace promsynth::slo {
namespace {

// Below this size a request is evaluated on the caller's thread alone: starting threads would
// cost more than they save.
constexpr std::size_t kParallelRequestBytes = std::size_t{1} << 20;
// Repetitions are independent, but more threads than this bring nothing to one request.
constexpr std::size_t kMaxRequestThreads = 4;

}  // namespace

std::size_t GenericCheckThreads(std::size_t body_bytes) {
  if (body_bytes < kParallelRequestBytes) return 1;
  return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, kMaxRequestThreads);
}

RepetitionResult EvaluateRepetition(const RepetitionSeries& series, const GenericSettings& settings) {
  WarmedUpSeries survivors;
  return EvaluateRepetition(series, settings, survivors);
}

RepetitionResult EvaluateRepetition(const RepetitionSeries& series, const GenericSettings& settings,
                                    WarmedUpSeries& survivors) {
  ApplyWarmup(series, settings.warmup, survivors);
  RepetitionResult result;
  result.value = Aggregate(settings.query_aggregation, survivors.values, survivors.timestamps);
  if (settings.query_aggregation.kind == AggregationKind::kMode)
    result.has_non_nan = CountNonNan(survivors.values) > 0;
  return result;
}

bool CheckRepetitions(const std::vector<RepetitionResult>& results, const GenericSettings& settings) {
  // pandas builds the repetition table from the modes of each repetition; with none anywhere the
  // table has no column 0.
  if (settings.query_aggregation.kind == AggregationKind::kMode &&
      std::none_of(results.begin(), results.end(), [](const RepetitionResult& r) { return r.has_non_nan; })) {
    throw SloError("mode: no repetition has a non-NaN value after the warmup (KeyError: 0)");
  }
  std::vector<double> values;
  values.reserve(results.size());
  for (const RepetitionResult& r : results) values.push_back(r.value);
  const double result = AggregateRepetitions(settings.repetition_aggregation, values);
  if (!settings.op) throw SloError(settings.operator_error);
  return CheckThreshold(result, *settings.op, settings.threshold);
}

bool EvaluateGeneric(const GenericSloRequest& request) {
  std::vector<RepetitionResult> results;
  results.reserve(request.repetitions.size());
  for (std::size_t i = 0; i < request.repetitions.size(); ++i) {
    try {
      results.push_back(EvaluateRepetition(request.repetitions[i], request));
    } catch (const SloError& e) {
      throw SloError("results[" + std::to_string(i) + "]: " + e.what());
    }
  }
  return CheckRepetitions(results, request);
}

CheckResponse EvaluateGenericRequest(std::string_view body) {
  FastGenericCheck check(GenericCheckThreads(body.size()));
  return EvaluateGenericRequest(body, check);
}

CheckResponse EvaluateGenericRequest(std::string_view body, FastGenericCheck& started) {
  return RespondSafely([body, &started] {
    if (const std::optional<bool> verdict = started.Finish(body)) return *verdict;
    return EvaluateGeneric(ParseGenericRequest(body));
  });
}

}  // namespace promsynth::slo
