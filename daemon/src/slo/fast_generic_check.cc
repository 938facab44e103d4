#include "slo/fast_generic_check.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "slo/exact_decimal.h"
#include "slo/generic_checker.h"
#include "slo/json_conversions.h"
#include "slo/python_float.h"
#include "slo/python_json.h"
#include "slo/repetition_scratch.h"
#include "slo/repetition_series.h"
#include "slo/slo_error.h"
#include "slo/slo_request.h"
#include "slo/unicode_text.h"

namespace promsynth::slo {
namespace {

// Thrown where the body leaves the shape this file reads; never escapes FastEvaluateGeneric.
struct OutsideShape {};

[[noreturn]] void Leave() { throw OutsideShape{}; }

// Nesting SkipValue follows before it leaves the body to the general parser (which follows
// kMaxJsonDepth levels and names the error).
constexpr int kMaxSkipDepth = 64;
// Python refuses integer literals of more digits than this; SkipValue leaves them to the general path.
constexpr std::size_t kMaxSkippedNumberLength = 4000;
// Integer timestamps and values of at most this many digits are exact in an int64.
constexpr std::size_t kMaxExactDigits = 18;
constexpr std::uint64_t kExactIntegerBound = 1'000'000'000'000'000'000;  // 10^kMaxExactDigits

bool IsHexDigit(char c) { return IsAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

/// A JSON number literal as Python's NUMBER_RE reads it.
struct NumberLiteral {
  std::string_view text;
  bool integer;  ///< no fraction and no exponent
};

/// Reads JSON text from left to right, leaving on anything outside the shape.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

  const char* position() const { return p_; }
  const char* end() const { return end_; }
  /// Moves to `p`, a position between here and the end that a caller has read up to.
  void MoveTo(const char* p) { p_ = p; }
  bool AtEnd() const { return p_ == end_; }
  char Peek() const { return p_ < end_ ? *p_ : '\0'; }

  // Python's json whitespace: space, tab, newline, carriage return.
  void SkipWhitespace() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }

  void Expect(char c) {
    if (Peek() != c) Leave();
    ++p_;
  }

  bool Take(char c) {
    if (Peek() != c) return false;
    ++p_;
    return true;
  }

  /// A string without escapes at the cursor: its ASCII content, which is its text.
  std::string_view PlainString() {
    Expect('"');
    const char* start = p_;
    for (; p_ < end_; ++p_) {
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') return {start, static_cast<std::size_t>(p_++ - start)};
      if (c == '\\' || c < 0x20 || c >= 0x80) Leave();
    }
    Leave();
  }

  /// The number literal at the cursor, as long as NUMBER_RE matches; what follows is the caller's
  /// to check (Python fails on `1.`, `01` or `1e` at the next token). `NaN` and `Infinity` leave.
  NumberLiteral Number() {
    const char* start = p_;
    Take('-');
    if (!IsAsciiDigit(Peek())) Leave();
    if (!Take('0')) {
      while (IsAsciiDigit(Peek())) ++p_;
    }
    bool integer = true;
    if (Peek() == '.' && p_ + 1 < end_ && IsAsciiDigit(p_[1])) {
      integer = false;
      p_ += 2;
      while (IsAsciiDigit(Peek())) ++p_;
    }
    if (Peek() == 'e' || Peek() == 'E') {
      const char* k = p_ + 1;
      if (k < end_ && (*k == '+' || *k == '-')) ++k;
      if (k < end_ && IsAsciiDigit(*k)) {
        integer = false;
        while (k < end_ && IsAsciiDigit(*k)) ++k;
        p_ = k;
      }
    }
    return {{start, static_cast<std::size_t>(p_ - start)}, integer};
  }

  /// Moves past any JSON value that Python accepts, without keeping it.
  void SkipValue(int depth) {
    if (depth > kMaxSkipDepth) Leave();
    switch (Peek()) {
      case '{':
        SkipContainer(depth, '}', true);
        return;
      case '[':
        SkipContainer(depth, ']', false);
        return;
      case '"':
        SkipString();
        return;
      case 't':
        SkipWord("true");
        return;
      case 'f':
        SkipWord("false");
        return;
      case 'n':
        SkipWord("null");
        return;
      case 'N':
        SkipWord("NaN");
        return;
      case 'I':
        SkipWord("Infinity");
        return;
      default:
        if (Peek() == '-' && p_ + 1 < end_ && p_[1] == 'I') {
          SkipWord("-Infinity");
          return;
        }
        if (Number().text.size() > kMaxSkippedNumberLength) Leave();
    }
  }

  /// Moves past the array at the cursor by counting brackets outside strings. Only a scan for the
  /// end: ReadRows validates the content, and that the array ends exactly there. The serial part
  /// of the fast path, so it looks at sixteen bytes at a time and steps only through the brackets
  /// and quotes among them (about four in a row of thirty bytes).
  void SkipArrayQuickly() {
    int depth = 0;
    bool in_string = false;
    const char* p = p_;
#if defined(__SSE2__)
    const __m128i open = _mm_set1_epi8('[');
    const __m128i close = _mm_set1_epi8(']');
    const __m128i quote = _mm_set1_epi8('"');
    for (; end_ - p >= 16; p += 16) {
      const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      auto marks = static_cast<unsigned>(_mm_movemask_epi8(
          _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(block, open), _mm_cmpeq_epi8(block, close)),
                       _mm_cmpeq_epi8(block, quote))));
      for (; marks != 0; marks &= marks - 1) {
        const int i = std::countr_zero(marks);
        if (StepStructural(p[i], depth, in_string)) {
          p_ = p + i + 1;
          return;
        }
      }
    }
#endif
    for (; p < end_; ++p) {
      if (StepStructural(*p, depth, in_string)) {
        p_ = p + 1;
        return;
      }
    }
    Leave();
  }

 private:
  /// One byte of SkipArrayQuickly's scan; true when it closes the outermost array.
  static bool StepStructural(char c, int& depth, bool& in_string) {
    if (c == '"') {
      in_string = !in_string;
    } else if (!in_string) {
      if (c == '[') {
        ++depth;
      } else if (c == ']') {
        return --depth == 0;
      }
    }
    return false;
  }

  void SkipWord(std::string_view word) {
    if (static_cast<std::size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word)
      Leave();
    p_ += word.size();
  }

  // A string with any escapes Python accepts; non-ASCII text leaves (the general path decodes it).
  void SkipString() {
    Expect('"');
    while (p_ < end_) {
      const auto c = static_cast<unsigned char>(*p_++);
      if (c == '"') return;
      if (c < 0x20 || c >= 0x80) Leave();
      if (c != '\\') continue;
      if (AtEnd()) Leave();
      const char escape = *p_++;
      if (escape == 'u') {
        for (int k = 0; k < 4; ++k) {
          if (!IsHexDigit(Peek())) Leave();
          ++p_;
        }
      } else if (std::string_view("\"\\/bfnrt").find(escape) == std::string_view::npos) {
        Leave();
      }
    }
    Leave();
  }

  void SkipContainer(int depth, char close, bool object) {
    ++p_;
    SkipWhitespace();
    if (Take(close)) return;
    for (;;) {
      if (object) {
        SkipString();
        SkipWhitespace();
        Expect(':');
        SkipWhitespace();
      }
      SkipValue(depth + 1);
      SkipWhitespace();
      if (Take(',')) {
        SkipWhitespace();
        continue;
      }
      Expect(close);
      return;
    }
  }

  const char* p_;
  const char* end_;
};

// Calls `member(key)` with the cursor at each member's value of the object at the cursor; `member`
// must move past the value. Keys must be plain strings.
template <typename Member>
void ForEachMember(Cursor& cursor, Member&& member) {
  cursor.Expect('{');
  cursor.SkipWhitespace();
  if (cursor.Take('}')) return;
  for (;;) {
    const std::string_view key = cursor.PlainString();
    cursor.SkipWhitespace();
    cursor.Expect(':');
    cursor.SkipWhitespace();
    member(key);
    cursor.SkipWhitespace();
    if (cursor.Take(',')) {
      cursor.SkipWhitespace();
      continue;
    }
    cursor.Expect('}');
    return;
  }
}

// The text of the value at the cursor, which it moves past.
std::string_view SkipValueText(Cursor& cursor, int depth) {
  const char* start = cursor.position();
  cursor.SkipValue(depth);
  return {start, static_cast<std::size_t>(cursor.position() - start)};
}

// One element of `results`: a list whose first element holds `values`, handed to `on_values`.
template <typename OnValues>
void ScanRepetition(Cursor& cursor, OnValues&& on_values) {
  cursor.Expect('[');
  cursor.SkipWhitespace();
  bool seen_values = false;
  ForEachMember(cursor, [&](std::string_view key) {
    if (key != "values") {
      cursor.SkipValue(4);
      return;
    }
    // A repeated key would make the last one count: the general path handles that.
    if (seen_values || cursor.Peek() != '[') Leave();
    seen_values = true;
    const char* start = cursor.position();
    cursor.SkipArrayQuickly();
    on_values(std::string_view(start, static_cast<std::size_t>(cursor.position() - start)));
  });
  if (!seen_values) Leave();
  cursor.SkipWhitespace();
  while (cursor.Take(',')) {  // further series of the repetition are never read
    cursor.SkipWhitespace();
    cursor.SkipValue(3);
    cursor.SkipWhitespace();
  }
  cursor.Expect(']');
}

// Validates the whole body and calls `on_values(text)` for each repetition's `values` array, in
// order, and `on_metadata(text)` for the value of `metadata`.
template <typename OnValues, typename OnMetadata>
void ScanBody(std::string_view body, OnValues&& on_values, OnMetadata&& on_metadata) {
  Cursor cursor(body);
  bool seen_results = false;
  bool seen_metadata = false;
  cursor.SkipWhitespace();
  ForEachMember(cursor, [&](std::string_view key) {
    if (key == "results") {
      if (seen_results) Leave();
      seen_results = true;
      cursor.Expect('[');
      cursor.SkipWhitespace();
      for (;;) {
        ScanRepetition(cursor, on_values);
        cursor.SkipWhitespace();
        if (!cursor.Take(',')) break;
        cursor.SkipWhitespace();
      }
      cursor.Expect(']');
    } else if (key == "metadata") {
      if (seen_metadata) Leave();
      seen_metadata = true;
      on_metadata(SkipValueText(cursor, 1));
    } else {
      cursor.SkipValue(1);
    }
  });
  cursor.SkipWhitespace();
  if (!cursor.AtEnd() || !seen_results || !seen_metadata) Leave();
}

// Where `metadata` probably is, found before the scan so that repetitions can be evaluated while
// the scan goes on: Theodolite and most clients send it last, after the results. The text after
// the last `"metadata"` near the end of the body, if it reads as a JSON value. Only a guess: the
// scan confirms that the member is really there.
std::optional<std::string_view> GuessMetadata(std::string_view body) {
  constexpr std::size_t kTail = 64 << 10;
  constexpr std::string_view kKey = "\"metadata\"";
  const std::size_t from = body.size() > kTail ? body.size() - kTail : 0;
  const std::size_t key = body.rfind(kKey);
  if (key == std::string_view::npos || key < from) return std::nullopt;
  try {
    Cursor cursor(body.substr(key + kKey.size()));
    cursor.SkipWhitespace();
    cursor.Expect(':');
    cursor.SkipWhitespace();
    return SkipValueText(cursor, 1);
  } catch (const OutsideShape&) {
    return std::nullopt;
  }
}

// The value of an integer literal that fits an int64 exactly.
PyInt SmallInteger(const NumberLiteral& number) {
  const std::size_t digits = number.text.size() - (number.text.front() == '-' ? 1 : 0);
  if (digits > kMaxExactDigits) Leave();
  return JsonIntegerValue(number.text);
}

/// The columns ReadRows fills, and how the timestamps have typed so far.
struct RowColumns {
  RepetitionSeries& series;
  bool has_float = false;  ///< a float timestamp was read: the column is float64

  void AddInteger(std::int64_t exact, double approx) {
    series.timestamps.push_back(approx);
    // Once a float is seen the integers are dropped, so they are no longer kept.
    if (!has_float) series.integer_timestamps.push_back(exact);
  }
  void AddFloat(double timestamp) {
    series.timestamps.push_back(timestamp);
    has_float = true;
  }
};

// The timestamp at the cursor: most in one pass (ScanDecimal), the rest through NUMBER_RE and the
// full conversions.
void ReadTimestamp(Cursor& cursor, RowColumns& columns) {
  const char* p = cursor.position();
  DecimalDigits digits;
  if (ScanDecimal<DecimalGrammar::kJsonNumber>(p, cursor.end(), digits)) {
    if (!digits.fraction_or_exponent) {
      if (digits.mantissa < kExactIntegerBound) {  // JSON has no leading zeros: at most 18 digits
        columns.AddInteger(static_cast<std::int64_t>(digits.mantissa), static_cast<double>(digits.mantissa));
        cursor.MoveTo(p);
        return;
      }
    } else if (const double exact = ExactDecimalValue(digits); !std::isnan(exact)) {
      columns.AddFloat(exact);
      cursor.MoveTo(p);
      return;
    }
  }
  const NumberLiteral timestamp = cursor.Number();
  if (timestamp.integer) {
    const PyInt exact = SmallInteger(timestamp);
    columns.AddInteger(*exact.exact, exact.approx);
  } else {
    columns.AddFloat(JsonNumberValue(timestamp.text, false));
  }
}

// The value cell at the cursor: a string of digits in one pass (ScanDecimal), anything else
// through Python's float().
void ReadValue(Cursor& cursor, RepetitionSeries& series) {
  if (cursor.Peek() != '"') {
    const NumberLiteral value = cursor.Number();
    series.values.push_back(value.integer ? SmallInteger(value).approx : JsonNumberValue(value.text, false));
    return;
  }
  const char* p = cursor.position() + 1;
  DecimalDigits digits;
  if (ScanDecimal<DecimalGrammar::kPythonFloat>(p, cursor.end(), digits) && p < cursor.end() && *p == '"') {
    if (const double exact = ExactDecimalValue(digits); !std::isnan(exact)) {
      series.values.push_back(exact);
      cursor.MoveTo(p + 1);
      return;
    }
  }
  const std::optional<double> value = PythonFloatFromString(cursor.PlainString());
  if (!value) Leave();  // an error only if the row survives the warmup: the general path knows
  series.values.push_back(*value);
}

// Parses the `values` array `rows` into `series` (reusing its capacity), with the column typing
// and conversions of SeriesFromJson.
void ReadRows(std::string_view rows, RepetitionSeries& series) {
  series.timestamps.clear();
  series.integer_timestamps.clear();
  series.values.clear();
  series.unconvertible.clear();
  series.first_timestamp_is_null = false;
  RowColumns columns{series};
  Cursor cursor(rows);
  cursor.Expect('[');
  cursor.SkipWhitespace();
  for (;;) {
    cursor.Expect('[');
    cursor.SkipWhitespace();
    ReadTimestamp(cursor, columns);
    cursor.SkipWhitespace();
    cursor.Expect(',');
    cursor.SkipWhitespace();
    ReadValue(cursor, series);
    cursor.SkipWhitespace();
    cursor.Expect(']');
    cursor.SkipWhitespace();
    if (!cursor.Take(',')) break;
    cursor.SkipWhitespace();
  }
  cursor.Expect(']');
  if (!cursor.AtEnd()) Leave();  // the quick scan's end is the array's end
  series.column = columns.has_float ? TimestampColumn::kFloat : TimestampColumn::kInteger;
  if (columns.has_float) series.integer_timestamps.clear();
}

/// Repetitions handed from the scan to the threads that evaluate them, the settings they need,
/// and their results. Thread-safe.
class RepetitionQueue {
 public:
  /// Makes the settings known; repetitions are handed out only from then on.
  void SetSettings(const GenericSettings& settings) {
    {
      const std::lock_guard lock(mutex_);
      settings_ = settings;
    }
    changed_.notify_all();
  }

  /// Adds the `values` text of the next repetition.
  void Push(std::string_view rows) {
    {
      const std::lock_guard lock(mutex_);
      rows_.push_back(rows);
      results_.emplace_back();
    }
    changed_.notify_one();
  }

  /// No repetition follows. With `failed`, none is handed out any more either.
  void Close(bool failed) {
    {
      const std::lock_guard lock(mutex_);
      closed_ = true;
      failed_ = failed_ || failed;
    }
    changed_.notify_all();
  }

  /// A repetition nobody has taken, waiting while the scan may add one; nothing at the end.
  struct Task {
    std::size_t index;
    std::string_view rows;
    GenericSettings settings;
  };
  std::optional<Task> Take() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return failed_ || (settings_ && next_ < rows_.size()) || closed_; });
    if (failed_ || !settings_ || next_ == rows_.size()) return std::nullopt;
    const std::size_t index = next_++;
    return Task{index, rows_[index], *settings_};
  }

  /// Records the result of repetition `index`.
  void Complete(std::size_t index, const RepetitionResult& result) {
    const std::lock_guard lock(mutex_);
    results_[index] = result;
  }

  /// Marks the check as failed: nothing more is handed out.
  void Fail() { Close(true); }

  /// Every repetition's result once all are complete; nothing when the check failed.
  std::optional<std::vector<RepetitionResult>> Results() const {
    const std::lock_guard lock(mutex_);
    if (failed_ || !settings_) return std::nullopt;
    std::vector<RepetitionResult> results;
    results.reserve(results_.size());
    for (const std::optional<RepetitionResult>& result : results_) {
      if (!result) return std::nullopt;
      results.push_back(*result);
    }
    return results;
  }

 private:
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::optional<GenericSettings> settings_;
  std::vector<std::string_view> rows_;
  std::vector<std::optional<RepetitionResult>> results_;
  std::size_t next_ = 0;
  bool closed_ = false;
  bool failed_ = false;
};

// Evaluates repetitions from `queue` until none is left, in columns kept between requests.
void EvaluateRepetitions(RepetitionQueue& queue) noexcept {
  std::unique_ptr<RepetitionScratch> scratch;
  try {
    scratch = ScratchPool::Shared().Acquire();
    while (const std::optional<RepetitionQueue::Task> task = queue.Take()) {
      ReadRows(task->rows, scratch->series);
      queue.Complete(task->index, EvaluateRepetition(scratch->series, task->settings, scratch->survivors));
    }
  } catch (...) {
    queue.Fail();
  }
  ScratchPool::Shared().Release(std::move(scratch));
}

GenericSettings ParseSettings(std::string_view metadata) {
  const JsonDocument document(metadata);
  return ParseGenericSettings(document.root());
}

}  // namespace

std::optional<bool> FastEvaluateGeneric(std::string_view body, std::size_t threads) noexcept {
  RepetitionQueue queue;
  std::vector<std::thread> helpers;
  std::optional<GenericSettings> settings;
  try {
    const std::optional<std::string_view> guess = GuessMetadata(body);
    if (guess) {
      try {
        settings = ParseSettings(*guess);
        queue.SetSettings(*settings);
      } catch (const SloError&) {
        // The general path reports it.
      }
    }
    try {
      for (std::size_t t = 1; t < threads; ++t)
        helpers.emplace_back([&queue] { EvaluateRepetitions(queue); });
    } catch (...) {
      // Fewer threads still give the answer.
    }
    ScanBody(
        body, [&queue](std::string_view rows) { queue.Push(rows); },
        [&](std::string_view metadata) {
          if (settings) {
            // The guess was evaluated with: it must be this very member.
            if (metadata.data() != guess->data() || metadata.size() != guess->size()) Leave();
            return;
          }
          settings = ParseSettings(metadata);
          queue.SetSettings(*settings);
        });
    queue.Close(false);
  } catch (...) {
    queue.Close(true);
  }
  EvaluateRepetitions(queue);
  for (std::thread& helper : helpers) helper.join();
  try {
    const std::optional<std::vector<RepetitionResult>> results = queue.Results();
    if (!results) return std::nullopt;
    return CheckRepetitions(*results, *settings);
  } catch (...) {
    return std::nullopt;
  }
}

}  // namespace promsynth::slo
