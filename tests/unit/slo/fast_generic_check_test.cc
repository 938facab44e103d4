#include "slo/fast_generic_check.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "slo/aggregation.h"
#include "slo/check_response.h"
#include "slo/generic_checker.h"
#include "slo/repetition_scratch.h"
#include "slo/slo_error.h"
#include "slo/slo_request.h"
#include "slo_test_support.h"

namespace promsynth::slo {
namespace {

using testing::Body;
using testing::Meta;

// The general path's verdict, or nothing where it fails.
std::optional<bool> GeneralVerdict(const std::string& body) {
  try {
    return EvaluateGeneric(ParseGenericRequest(body));
  } catch (const SloError&) {
    return std::nullopt;
  }
}

// The general path's aggregated result before the threshold check, or nothing where it fails.
std::optional<double> GeneralResult(const std::string& body) {
  try {
    const GenericSloRequest request = ParseGenericRequest(body);
    std::vector<double> results;
    for (const RepetitionSeries& series : request.repetitions) {
      results.push_back(EvaluateRepetition(series, request).value);
    }
    if (request.query_aggregation.kind == AggregationKind::kMode)
      return std::nullopt;  // see CheckRepetitions
    return AggregateRepetitions(request.repetition_aggregation, results);
  } catch (const SloError&) {
    return std::nullopt;
  }
}

std::string Quoted(double value) {
  char text[40];
  std::snprintf(text, sizeof text, "\"%.17g\"", value);
  return text;
}

// The route's answer is the general path's: its verdict, or a 500 where it fails.
void ExpectRouteAnswersAsTheGeneralPath(const std::string& body) {
  const std::optional<bool> general = GeneralVerdict(body);
  const CheckResponse response = EvaluateGenericRequest(body);
  if (general) {
    EXPECT_EQ(response.body, *general ? "true" : "false") << body;
  } else {
    EXPECT_EQ(response.status, 500) << body;
  }
}

// Both paths agree on `results` with this metadata; where the general path computes a number,
// the threshold is set to exactly that number, so that a fast result one ulp away flips one of
// the four verdicts. Returns whether the fast path answered (rather than leaving it).
bool AgreesExactly(const std::string& results, const std::string& query, const std::string& repetition,
                   const std::string& warmup) {
  const std::optional<double> result =
      GeneralResult(Body(results, Meta(query, repetition, "lt", "0", warmup)));
  const std::string threshold = result && !std::isnan(*result) ? Quoted(*result) : "\"1\"";
  bool answered = false;
  for (const char* op : {"lt", "lte", "gt", "gte"}) {
    const std::string body = Body(results, Meta(query, repetition, op, threshold, warmup));
    const std::optional<bool> general = GeneralVerdict(body);
    for (const std::size_t threads : {std::size_t{1}, std::size_t{2}, std::size_t{3}}) {
      const std::optional<bool> fast = FastEvaluateGeneric(body, threads);
      // Leaving is always allowed; answering differently never is.
      if (fast) {
        EXPECT_EQ(fast, general) << body << " on " << threads << " threads";
        answered = true;
      }
    }
    ExpectRouteAnswersAsTheGeneralPath(body);
  }
  return answered;
}

std::string Series(const std::string& rows, const std::string& metric = "{\"job\": \"x\"}") {
  return "[{\"metric\": " + metric + ", \"values\": [" + rows + "]}]";
}

TEST(FastGenericCheckTest, AnswersPrometheusAndTheodoliteShapes) {
  // Prometheus: float seconds with three decimals, values as strings.
  EXPECT_TRUE(AgreesExactly(
      "[" + Series("[1634624674.695, \"12\"], [1634624679.695, \"13.5\"], [1634624684.695, \"9\"]") + "]",
      "mean", "median", "5"));
  // Theodolite: Java-printed timestamps.
  EXPECT_TRUE(
      AgreesExactly("[" + Series("[1634624.674695000000E9, \"7\"], [1634624.679695000000E9, \"8\"]") + ", " +
                        Series("[1634625.674695000000E9, \"3\"], [1634625.679695000000E9, \"40\"]") + "]",
                    "p99", "median", "0"));
  // Integer timestamps keep the int64 column (the warmup compares exactly).
  EXPECT_TRUE(AgreesExactly(
      "[" + Series("[9007199254740993, \"1\"], [9007199254740994, \"2\"], [9007199254740995, \"4\"]") + "]",
      "sum", "mean", "1"));
  // Mixed int and float timestamps, values as numbers, Python's float() spellings.
  EXPECT_TRUE(AgreesExactly("[" +
                                Series("[1, 5], [2.5, -1.25e2], [3, \" 7 \"], [4, \"1_000\"], [5, \"NaN\"], "
                                       "[6, \"+Inf\"], [7, \"-1E-3\"]") +
                                "]",
                            "max", "min", "0"));
}

TEST(FastGenericCheckTest, AgreesWithTheGeneralPathOnEveryAggregation) {
  const std::string results =
      "[" +
      Series("[10, \"3\"], [20, \"1\"], [15, \"4\"], [30, \"1\"], [40, \"5\"], [50, \"NaN\"], [60, \"9\"]") +
      ", " + Series("[10.5, \"2\"], [20.5, \"6\"], [30.5, \"5\"], [40.5, \"3\"], [50.5, \"5\"]") + ", " +
      Series("[1e1, \"8\"], [2E1, \"9\"], [3.0e+1, \"7\"], [4.00, \"9\"]") + "]";
  for (const char* query : {"mean", "median", "mode", "sum", "count", "max", "min", "std", "var", "skew",
                            "kurt", "first", "last", "trend", "p99", "p50", "p9.5"}) {
    for (const char* repetition : {"mean", "median", "max", "p90", "first"}) {
      for (const char* warmup : {"0", "10", "\"15\"", "12.9", "1000"}) {
        AgreesExactly(results, query, repetition, warmup);
      }
    }
  }
}

TEST(FastGenericCheckTest, SkipsWhatTheCheckNeverReads) {
  const std::string rows = "[1, \"5\"], [2, \"6\"]";
  // Extra top-level keys, metadata first, further series, metrics with escapes and nesting,
  // every kind of JSON value, all whitespace Python allows.
  const std::string body =
      "\n\t{ \"status\" : \"success\", \"metadata\": {\"warmupSeconds\": 0, \"queryAggregation\": \"mean\", "
      "\"repetitionAggregation\": \"mean\", \"operator\": \"lt\", \"threshold\": 6, \"extra\": [1, {}]},\r\n"
      "\"results\" : [ [ {\"metric\": {\"a\\\"b\": \"c\\\\d\\u00e9\\n\", \"n\": [null, true, false, -0.5e-3, "
      "NaN, "
      "Infinity, -Infinity, [[]], {}]}, \"values\" : [ " +
      rows + " ] , \"more\": 1}, {\"values\": \"not read\"}, 7 ] ], \"tail\": null } \n";
  EXPECT_EQ(FastEvaluateGeneric(body, 2), std::optional<bool>(true));
  EXPECT_EQ(GeneralVerdict(body), std::optional<bool>(true));
}

TEST(FastGenericCheckTest, LeavesEverythingElseToTheGeneralPath) {
  const std::string meta = "{" + Meta("mean", "mean", "lt", "6") + "}";
  const std::string ok_rows = "[1, \"5\"], [2, \"6\"]";
  const auto body = [&](const std::string& results) {
    return "{\"results\": " + results + ", \"metadata\": " + meta + "}";
  };
  ASSERT_EQ(FastEvaluateGeneric(body("[" + Series(ok_rows) + "]"), 1), std::optional<bool>(true));
  const std::vector<std::string> left = {
      // Repeated keys: the last one counts.
      "{\"results\": [" + Series(ok_rows) + "], \"results\": [" + Series("[1, \"50\"]") +
          "], \"metadata\": " + meta + "}",
      body("[[{\"values\": [" + ok_rows + "], \"values\": [[1, \"50\"]]}]]"),
      "{\"results\": [" + Series(ok_rows) + "], \"metadata\": " + meta + ", \"metadata\": " + meta + "}",
      // An escaped key may spell a key the check reads.
      "{\"results\": [" + Series(ok_rows) + "], \"met\\u0061data\": " + meta + "}",
      body("[[{\"v\\u0061lues\": [" + ok_rows + "]}]]"),
      // Text that is not ASCII, a byte order mark, UTF-16.
      body("[" + Series(ok_rows, "{\"job\": \"caf\xc3\xa9\"}") + "]"),
      "\xef\xbb\xbf" + body("[" + Series(ok_rows) + "]"),
      std::string("{\0\"\0", 4),
      // Rows outside the shape.
      body("[" + Series("") + "]"),
      body("[]"),
      body("[[]]"),
      body("[" + Series("[1, \"5\", 3]") + "]"),
      body("[" + Series("[1]") + "]"),
      body("[" + Series("[\"1\", \"5\"]") + "]"),
      body("[" + Series("[null, \"5\"]") + "]"),
      body("[" + Series("[NaN, \"5\"]") + "]"),
      body("[" + Series("[true, \"5\"]") + "]"),
      body("[" + Series("[1234567890123456789, \"5\"]") + "]"),
      body("[" + Series("[1, \"5\\u0030\"]") + "]"),
      body("[" + Series("[1, \"abc\"]") + "]"),
      body("[" + Series("[1, null]") + "]"),
      body("[" + Series("[1, \"5\"], {\"a\": 1}") + "]"),
      body("[[{\"values\": {\"0\": [1, 2]}}]]"),
      body("[[{\"metric\": {}}]]"),
      body("[{\"values\": [" + ok_rows + "]}]"),
      // Not JSON as Python reads it.
      body("[" + Series("[1., \"5\"]") + "]"),
      body("[" + Series("[01, \"5\"]") + "]"),
      body("[" + Series("[1, \"5\",]") + "]"),
      body("[" + Series(ok_rows) + "]") + "x",
      "{\"results\": [" + Series(ok_rows) + "]}",
      "{\"results\": [" + Series(ok_rows) + "], \"metadata\": {\"queryAggregation\": \"nope\"}}",
      // A `"metadata"` near the end that is not the member.
      "{\"metadata\": " + meta + ", \"results\": [" + Series(ok_rows) +
          "], \"note\": {\"metadata\": " + meta + "}}",
  };
  for (const std::string& b : left) {
    EXPECT_EQ(FastEvaluateGeneric(b, 2), std::nullopt) << b;
    ExpectRouteAnswersAsTheGeneralPath(b);
  }
}

TEST(FastGenericCheckTest, RandomRequestsOfTheShapeAgreeExactly) {
  std::mt19937_64 random(20261124);
  const auto pick = [&](std::initializer_list<const char*> options) {
    return std::string(options.begin()[random() % options.size()]);
  };
  const auto space = [&] { return pick({"", "", " ", "\n  ", "\t", "\r\n"}); };
  int answered = 0;
  for (int trial = 0; trial < 150; ++trial) {
    std::string results = "[" + space();
    const int repetitions = 1 + static_cast<int>(random() % 4);
    for (int r = 0; r < repetitions; ++r) {
      if (r > 0) results += "," + space();
      std::string rows;
      const int count = 1 + static_cast<int>(random() % 40);
      const int timestamp_style = static_cast<int>(random() % 4);
      for (int i = 0; i < count; ++i) {
        char cell[96];
        const long long t = 1600000000LL + 5LL * i + static_cast<long long>(random() % 3);
        switch (timestamp_style) {
          case 0:
            std::snprintf(cell, sizeof cell, "%lld", t);
            break;
          case 1:
            std::snprintf(cell, sizeof cell, "%lld.%03d", t, static_cast<int>(random() % 1000));
            break;
          case 2:
            std::snprintf(cell, sizeof cell, "%lld.%03d000000E6", t / 1000, static_cast<int>(t % 1000));
            break;
          default:
            std::snprintf(cell, sizeof cell, "%.9e", static_cast<double>(t) + 0.25);
        }
        std::string value;
        char number[64];
        switch (random() % 6) {
          case 0:
            std::snprintf(number, sizeof number, "\"%u\"", static_cast<unsigned>(random() % 1000000));
            break;
          case 1:
            std::snprintf(number, sizeof number, "\"%.17g\"",
                          std::ldexp(static_cast<double>(random() % 100000), -7));
            break;
          case 2:
            std::snprintf(number, sizeof number, "%.6e", static_cast<double>(random() % 1000) / 7.0);
            break;
          case 3:
            std::snprintf(number, sizeof number, "%d", static_cast<int>(random() % 2001) - 1000);
            break;
          case 4:
            std::snprintf(number, sizeof number, "\"%s\"",
                          pick({"NaN", "1e-320", "-0", "1e308", "123456789012345678901"}).c_str());
            break;
          default:
            std::snprintf(number, sizeof number, "\"%.3f\"", static_cast<double>(random() % 100000) / 1000.0);
        }
        value = number;
        if (i > 0) rows += "," + space();
        rows += "[" + space() + cell + space() + "," + space() + value + space() + "]";
      }
      results += Series(rows);
    }
    results += space() + "]";
    const std::string query = pick({"mean", "median", "sum", "max", "min", "std", "var", "skew", "kurt",
                                    "first", "last", "trend", "p99", "p95", "count"});
    const std::string repetition = pick({"mean", "median", "max", "min", "p90", "sum"});
    const std::string warmup = pick({"0", "7", "60", "\"12\"", "9.99"});
    if (AgreesExactly(results, query, repetition, warmup)) ++answered;
  }
  // Nearly every trial is in the shape; those whose check fails (trend over one row) are left.
  EXPECT_GT(answered, 120);
}

TEST(FastGenericCheckTest, FindsTheEndOfTheRowsHoweverTheyAreSpaced) {
  // The scan for the end of `values` stops at a `]` not followed by `,`: white space before a
  // comma, or between the last row and the array's end, must not lose the way.
  for (const char* rows :
       {"[1, \"5\"] , [2, \"6\"]\n", "[1,\"5\"]\n,\n[2,\"6\"] \t", "[1, \"5\"],[2, \"6\"]\r\n  "}) {
    EXPECT_TRUE(AgreesExactly("[" + Series(rows) + "]", "mean", "max", "0")) << rows;
  }
  // Pretty-printed, as json.dumps(indent=2) writes it.
  const std::string pretty =
      "{\n  \"results\": [\n    [\n      {\n        \"metric\": {},\n        \"values\": [\n          [\n"
      "            1,\n            \"5\"\n          ],\n          [\n            2,\n            \"6\"\n"
      "          ]\n        ]\n      }\n    ]\n  ],\n  \"metadata\": {\n    \"warmupSeconds\": 0,\n"
      "    \"queryAggregation\": \"max\",\n    \"repetitionAggregation\": \"mean\",\n"
      "    \"operator\": \"lt\",\n    \"threshold\": 6\n  }\n}\n";
  EXPECT_EQ(FastEvaluateGeneric(pretty, 2), std::optional<bool>(false));
  EXPECT_EQ(GeneralVerdict(pretty), std::optional<bool>(false));
}

TEST(FastGenericCheckTest, BracketsInsideValueStringsLeaveTheFastPath) {
  // Such a string is no number, so the rows are outside the shape wherever the scan stops.
  const std::string meta = "{" + Meta("mean", "mean", "lt", "6") + "}";
  for (const char* rows : {"[1, \"]]\"]", "[1, \"5\"], [2, \"], [\"], [3, \"6\"]", "[1, \"] ]\"], [2, \"6\"]",
                           "[1, \"[\"], [2, \"6\"]"}) {
    for (const std::string& body : {"{\"results\": [" + Series(rows) + "], \"metadata\": " + meta + "}",
                                    "{\"results\": [" + Series(rows) + ", " + Series("[1, \"5\"]") +
                                        "], \"metadata\": " + meta + "}"}) {
      EXPECT_EQ(FastEvaluateGeneric(body, 2), std::nullopt) << body;
      ExpectRouteAnswersAsTheGeneralPath(body);
    }
  }
}

// Hands `body` to a check in steps of `step` bytes, as a connection would, then finishes it.
std::optional<bool> FinishWhileArriving(const std::string& body, std::size_t step, std::size_t threads) {
  FastGenericCheck check(threads);
  for (std::size_t got = std::min(step, body.size()); got < body.size();
       got = std::min(got + step, body.size())) {
    check.Arrived(std::string_view(body.data(), got));
  }
  return check.Finish(body);
}

TEST(FastGenericCheckTest, AStartedCheckAnswersAsAWholeOne) {
  const std::string meta = "{" + Meta("p99", "median", "lt", "6", "1") + "}";
  std::string rows;
  for (int i = 0; i < 3000; ++i)
    rows +=
        (i > 0 ? ", [" : "[") + std::to_string(1600000000 + i) + ".5, \"" + std::to_string(i % 13) + "\"]";
  const std::string results =
      "[" + Series(rows) + ", " + Series(rows, "{\"a\": [1, 2]}") + ", " + Series(rows) + "]";
  const std::vector<std::string> bodies = {
      "{\"results\": " + results + ", \"metadata\": " + meta + "}",
      "{\"metadata\": " + meta + ", \"results\": " + results + "}",
      "{\"results\": " + results + ", \"metadata\": " + meta + ", \"tail\": [1, 2, {\"b\": null}]}",
      // Left to the general path: broken rows, missing metadata, a cut body.
      "{\"results\": [" + Series("[1, \"x\"]") + "], \"metadata\": " + meta + "}",
      "{\"results\": " + results + "}",
      "{\"results\": " + results,
  };
  for (const std::string& body : bodies) {
    const std::optional<bool> whole = FastEvaluateGeneric(body, 2);
    EXPECT_EQ(whole, GeneralVerdict(body).has_value() ? whole : std::nullopt);
    for (const std::size_t step : {std::size_t{1}, std::size_t{13}, std::size_t{4096}, body.size()}) {
      if (step == 1 && body.size() > 20000) continue;  // one byte at a time only for the short ones
      for (const std::size_t threads : {std::size_t{1}, std::size_t{2}}) {
        EXPECT_EQ(FinishWhileArriving(body, step, threads), whole)
            << body.substr(0, 80) << " in steps of " << step << " on " << threads << " threads";
      }
    }
  }
  EXPECT_TRUE(FinishWhileArriving(bodies[0], 4096, 2).has_value());
}

TEST(FastGenericCheckTest, AnAbandonedCheckLetsGoOfTheBodyAtOnce) {
  std::string rows;
  for (int i = 0; i < 20000; ++i) rows += (i > 0 ? ", [" : "[") + std::to_string(i) + ", \"1\"]";
  const std::string body = "{\"results\": [" + Series(rows) + ", " + Series(rows) + "], \"metadata\": {" +
                           Meta("mean", "mean", "lt", "6") + "}}";
  for (const std::size_t cut : {std::size_t{10}, body.size() / 3, body.size() - 5}) {
    // The buffer is freed right after Abandon: a thread still reading it fails under ASan.
    auto buffer = std::make_unique<char[]>(body.size());
    std::copy(body.begin(), body.end(), buffer.get());
    {
      FastGenericCheck check(2);
      check.Arrived(std::string_view(buffer.get(), cut));
      check.Abandon();
      buffer.reset();
      EXPECT_EQ(check.Finish(body), std::nullopt);  // an abandoned check answers nothing
    }
    // A check dropped without Finish abandons on its own.
    buffer = std::make_unique<char[]>(body.size());
    std::copy(body.begin(), body.end(), buffer.get());
    {
      FastGenericCheck check(2);
      check.Arrived(std::string_view(buffer.get(), cut));
    }
    buffer.reset();
  }
  // Abandoned before any byte arrived: it answers nothing either.
  FastGenericCheck never_started(2);
  never_started.Abandon();
  EXPECT_EQ(never_started.Finish(body), std::nullopt);
  EXPECT_TRUE(FastGenericCheck(2).Finish(body).has_value());
}

TEST(ScratchPoolTest, KeepsBoundedScratchesForTheNextRequest) {
  ScratchPool pool;
  std::vector<std::unique_ptr<RepetitionScratch>> taken;
  for (std::size_t i = 0; i < ScratchPool::kMaxKept + 2; ++i) taken.push_back(pool.Acquire());
  taken[0]->series.values.assign(1000, 1.0);
  const RepetitionScratch* kept = taken[0].get();
  for (auto& scratch : taken) pool.Release(std::move(scratch));
  EXPECT_EQ(pool.kept(), ScratchPool::kMaxKept);
  // The columns come back with their capacity.
  std::vector<std::unique_ptr<RepetitionScratch>> again;
  for (std::size_t i = 0; i < ScratchPool::kMaxKept; ++i) again.push_back(pool.Acquire());
  bool found = false;
  for (const auto& scratch : again)
    found = found || (scratch.get() == kept && scratch->series.values.capacity() >= 1000);
  EXPECT_TRUE(found);
  EXPECT_EQ(pool.kept(), 0U);

  // A scratch grown past the bound is freed, not kept.
  auto large = pool.Acquire();
  large->series.values.reserve(ScratchPool::kMaxKeptBytes / sizeof(double) + 1);
  pool.Release(std::move(large));
  EXPECT_EQ(pool.kept(), 0U);
  EXPECT_EQ(pool.kept_bytes(), 0U);

  // All kept scratches together hold at most the total bound.
  const std::size_t each = ScratchPool::kMaxKeptBytes;
  std::vector<std::unique_ptr<RepetitionScratch>> full;
  for (std::size_t i = 0; i < ScratchPool::kMaxKeptTotalBytes / each + 2; ++i) {
    full.push_back(pool.Acquire());
    full.back()->series.values.reserve(each / sizeof(double));
  }
  for (auto& scratch : full) pool.Release(std::move(scratch));
  EXPECT_EQ(pool.kept(), ScratchPool::kMaxKeptTotalBytes / each);
  EXPECT_EQ(pool.kept_bytes(), ScratchPool::kMaxKeptTotalBytes);
  // Taking one out gives its bytes back to the bound.
  const auto taken_again = pool.Acquire();
  EXPECT_EQ(pool.kept_bytes(), ScratchPool::kMaxKeptTotalBytes - each);
}

}  // namespace
}  // namespace promsynth::slo
