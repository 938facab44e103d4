#include "slo/slo_request.h"

#include "slo/json_conversions.h"
#include "slo/python_json.h"
#include "slo/series_table.h"
#include "slo/slo_error.h"
#include "slo/unicode_text.h"

namespace promsynth::slo {
namespace {

JsonValue Require(JsonValue object, std::string_view key, std::string_view where) {
  if (object.kind() != JsonKind::kObject) {
    throw SloError(std::string(where) + " is a " + std::string(object.PythonTypeName()) + ", not an object");
  }
  const std::optional<JsonValue> value = object.Find(key);
  if (!value) throw SloError(std::string(where) + "." + std::string(key) + " is missing");
  return *value;
}

Aggregation RequireAggregation(JsonValue metadata, std::string_view key) {
  const JsonValue name = Require(metadata, key, "metadata");
  if (name.kind() != JsonKind::kString) {
    throw SloError("metadata." + std::string(key) + " must be a string, not '" +
                   std::string(name.PythonTypeName()) + "'");
  }
  const std::optional<Aggregation> aggregation = ParseAggregation(name.string());
  if (!aggregation) {
    throw SloError("metadata." + std::string(key) + " " + QuoteForMessage(name.string()) +
                   " is not an aggregation (mean, median, mode, sum, count, max, min, std, var, skew, kurt, "
                   "first, last, trend, pXX)");
  }
  return *aggregation;
}

JsonValue RequireWarmup(JsonValue metadata) {
  if (metadata.kind() == JsonKind::kObject) {
    if (const std::optional<JsonValue> seconds = metadata.Find("warmupSeconds")) return *seconds;
  }
  return Require(metadata, "warmup", "metadata");
}

RepetitionSeries ParseRepetition(JsonValue repetition, std::size_t index) {
  const std::string where = "results[" + std::to_string(index) + "]";
  if (repetition.kind() != JsonKind::kArray) {
    throw SloError(where + " is a " + std::string(repetition.PythonTypeName()) + ", not a list of series");
  }
  if (repetition.size() == 0) throw SloError(where + " has no series (IndexError: list index out of range)");
  const JsonValue values = Require(*repetition.elements().begin(), "values", where + "[0]");
  try {
    return SeriesFromJson(values);
  } catch (const SloError& e) {
    throw SloError(where + "[0]." + e.what());
  }
}

}  // namespace

GenericSettings ParseGenericSettings(JsonValue metadata) {
  GenericSettings settings;
  const Converted<PyInt> warmup = PythonInt(RequireWarmup(metadata));
  if (!warmup.value) throw SloError("metadata.warmupSeconds: " + warmup.error);
  settings.warmup = *warmup.value;
  settings.query_aggregation = RequireAggregation(metadata, "queryAggregation");
  settings.repetition_aggregation = RequireAggregation(metadata, "repetitionAggregation");

  const JsonValue op = Require(metadata, "operator", "metadata");
  if (op.kind() == JsonKind::kString) settings.op = ParseOperator(op.string());
  if (!settings.op) {
    // Appended piecewise: GCC 12 warns (-Wrestrict, a false positive) on `"\"" + std::string(...)`.
    std::string shown;
    if (op.kind() == JsonKind::kString) {
      shown.append("\"").append(op.string()).append("\"");
    } else {
      shown.append("of type ").append(op.PythonTypeName());
    }
    settings.operator_error = "metadata.operator " + shown + " is not one of lt, lte, gt, gte, true, false";
  }

  const Converted<double> threshold = PythonFloat(Require(metadata, "threshold", "metadata"));
  if (!threshold.value) throw SloError("metadata.threshold: " + threshold.error);
  settings.threshold = *threshold.value;
  return settings;
}

GenericSloRequest ParseGenericRequest(std::string_view body) {
  const JsonDocument document(body);
  const JsonValue root = document.root();
  GenericSloRequest request;
  static_cast<GenericSettings&>(request) = ParseGenericSettings(Require(root, "metadata", "request"));

  const JsonValue results = Require(root, "results", "request");
  if (results.kind() != JsonKind::kArray) {
    throw SloError("results is a " + std::string(results.PythonTypeName()) + ", not a list of repetitions");
  }
  if (results.size() == 0) throw SloError("results is empty");
  request.repetitions.reserve(results.size());
  std::size_t index = 0;
  for (const JsonValue repetition : results.elements()) {
    request.repetitions.push_back(ParseRepetition(repetition, index++));
  }
  return request;
}

}  // namespace promsynth::slo
