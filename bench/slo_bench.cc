// SLO checker benchmarks: a Theodolite-sized request (10 repetitions x 100,000 samples, ~40 MB of JSON)
// evaluated end to end (parse + warmup + aggregation + check) on both routes, and the per-sample cost
// of each query-level aggregation.
#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "slo/aggregation.h"
#include "slo/fast_generic_check.h"
#include "slo/generic_checker.h"
#include "slo/slo_request.h"
#include "slo/slope_checker.h"

namespace {

constexpr int kRepetitions = 10;
constexpr int kSamples = 100'000;

// Prometheus-style values as the Theodolite operator sends them: Java-printed timestamps every 5 s
// and sample values as strings.
std::string BuildBody(std::string_view query, std::string_view repetition) {
  std::string body = "{\"results\": [";
  char row[96];
  for (int r = 0; r < kRepetitions; ++r) {
    body += r == 0 ? "[" : ", [";
    body += "{\"metric\": {\"consumergroup\": \"theodolite\"}, \"values\": [";
    const long long start_ms = 1634624674695LL + r * 1'000'000'000LL;
    for (int i = 0; i < kSamples; ++i) {
      const long long ms = start_ms + 5000LL * i;
      const unsigned value = static_cast<unsigned>((i * 2654435761u + static_cast<unsigned>(r)) % 1'000'000u);
      const int n = std::snprintf(row, sizeof row, "%s[%lld.%012lldE9, \"%u\"]", i == 0 ? "" : ", ",
                                  ms / 1'000'000'000'000LL, ms % 1'000'000'000'000LL, value);
      body.append(row, static_cast<std::size_t>(n));
    }
    body += "]}]";
  }
  body += "], \"metadata\": {\"warmupSeconds\": 60, \"threshold\": 2000000.0, \"queryAggregation\": \"";
  body += query;
  body += "\", \"repetitionAggregation\": \"";
  body += repetition;
  body += "\", \"operator\": \"lt\"}}";
  return body;
}

const std::string& Body() {
  static const std::string body = BuildBody("p99", "median");
  return body;
}

void BM_GenericRequestEndToEnd(benchmark::State& state) {
  const std::string& body = Body();
  for (auto _ : state) {
    const promsynth::slo::CheckResponse response = promsynth::slo::EvaluateGenericRequest(body);
    if (response.status != 200) state.SkipWithError(response.body.c_str());
    benchmark::DoNotOptimize(response);
  }
  state.SetItemsProcessed(state.iterations() * kRepetitions * kSamples);
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(body.size()));
}
BENCHMARK(BM_GenericRequestEndToEnd)->Unit(benchmark::kMillisecond);

// The fast path alone, on 1 and 2 threads: how the scan and the per-repetition work split.
void BM_GenericRequestFastPath(benchmark::State& state) {
  const std::string& body = Body();
  const auto threads = static_cast<std::size_t>(state.range(0));
  for (auto _ : state) {
    const std::optional<bool> verdict = promsynth::slo::FastEvaluateGeneric(body, threads);
    if (!verdict) state.SkipWithError("the benchmark body left the fast path");
    benchmark::DoNotOptimize(verdict);
  }
  state.SetItemsProcessed(state.iterations() * kRepetitions * kSamples);
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(body.size()));
}
BENCHMARK(BM_GenericRequestFastPath)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// The general path alone: the document parse and the table building.
void BM_GenericRequestParseOnly(benchmark::State& state) {
  const std::string& body = Body();
  for (auto _ : state) benchmark::DoNotOptimize(promsynth::slo::ParseGenericRequest(body));
  state.SetItemsProcessed(state.iterations() * kRepetitions * kSamples);
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(body.size()));
}
BENCHMARK(BM_GenericRequestParseOnly)->Unit(benchmark::kMillisecond);

void BM_SlopeRequestEndToEnd(benchmark::State& state) {
  const std::string& body = Body();
  for (auto _ : state) {
    const promsynth::slo::CheckResponse response = promsynth::slo::EvaluateSlopeRequest(body);
    if (response.status != 200) state.SkipWithError(response.body.c_str());
    benchmark::DoNotOptimize(response);
  }
  state.SetItemsProcessed(state.iterations() * kRepetitions * kSamples);
}
BENCHMARK(BM_SlopeRequestEndToEnd)->Unit(benchmark::kMillisecond);

// Per-sample cost of one query-level aggregation over 100,000 values.
void BM_Aggregate(benchmark::State& state, const char* name) {
  std::vector<double> values(kSamples);
  std::vector<double> timestamps(kSamples);
  for (int i = 0; i < kSamples; ++i) {
    values[static_cast<std::size_t>(i)] = static_cast<double>((i * 2654435761u) % 1'000'000u);
    timestamps[static_cast<std::size_t>(i)] = 1634624674.695 + 5.0 * i;
  }
  const promsynth::slo::Aggregation aggregation = *promsynth::slo::ParseAggregation(name);
  for (auto _ : state) {
    benchmark::DoNotOptimize(promsynth::slo::Aggregate(aggregation, values, timestamps));
  }
  state.SetItemsProcessed(state.iterations() * kSamples);
}
BENCHMARK_CAPTURE(BM_Aggregate, mean, "mean");
BENCHMARK_CAPTURE(BM_Aggregate, median, "median");
BENCHMARK_CAPTURE(BM_Aggregate, mode, "mode");
BENCHMARK_CAPTURE(BM_Aggregate, max, "max");
BENCHMARK_CAPTURE(BM_Aggregate, std, "std");
BENCHMARK_CAPTURE(BM_Aggregate, skew, "skew");
BENCHMARK_CAPTURE(BM_Aggregate, kurt, "kurt");
BENCHMARK_CAPTURE(BM_Aggregate, p99, "p99");
BENCHMARK_CAPTURE(BM_Aggregate, trend, "trend");

}  // namespace
