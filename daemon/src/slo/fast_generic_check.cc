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

#include "slo/arriving_body.h"
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

/// Reads JSON text from left to right, leaving on anything outside the shape. The text may still be
/// arriving: the cursor then waits for the bytes it needs, and the end is where the body ends.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : begin_(text.data()), p_(begin_), end_(begin_ + text.size()) {}
  explicit Cursor(ArrivingBody& arriving) : arriving_(&arriving) {
    const std::string_view so_far = arriving.WaitBeyond(0);
    begin_ = p_ = so_far.data();
    end_ = begin_ + so_far.size();
  }

  const char* position() const { return p_; }
  /// The end of the bytes that have arrived.
  const char* end() const { return end_; }
  /// Moves to `p`, a position between here and end() that a caller has read up to.
  void MoveTo(const char* p) { p_ = p; }
  bool AtEnd() { return !Has(1); }
  char Peek() { return Has(1) ? *p_ : '\0'; }

  // Python's json whitespace: space, tab, newline, carriage return.
  void SkipWhitespace() {
    while (Has(1) && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
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
    for (; Has(1); ++p_) {
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
    if (Peek() == '.' && Has(2) && IsAsciiDigit(p_[1])) {
      integer = false;
      p_ += 2;
      while (IsAsciiDigit(Peek())) ++p_;
    }
    if (Peek() == 'e' || Peek() == 'E') {
      std::size_t k = 1;  // an offset: waiting for bytes moves end_, never the bytes
      if (Has(k + 1) && (p_[k] == '+' || p_[k] == '-')) ++k;
      if (Has(k + 1) && IsAsciiDigit(p_[k])) {
        integer = false;
        while (Has(k + 1) && IsAsciiDigit(p_[k])) ++k;
        p_ += k;
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
        if (Peek() == '-' && Has(2) && p_[1] == 'I') {
          SkipWord("-Infinity");
          return;
        }
        if (Number().text.size() > kMaxSkippedNumberLength) Leave();
    }
  }

  /// Moves past the `values` array at the cursor to where it ends if its rows are in the shape:
  /// the first `]` whose next byte other than white space is another `]` (a row's end, then the
  /// array's). Only a candidate: ReadRows reads exactly up to it and leaves unless every row is in
  /// the shape, and then it is the end. Rows of the shape hold no brackets in strings (a string
  /// with one is no number), and a `]` followed by `,` ends a row with more to come, so the scan
  /// looks at sixteen bytes at a time and stops only at a `]` not followed by `,`: once per array
  /// in a compact body or one with `, ` between rows. The serial part of the fast path.
  void SkipRowsQuickly() {
    const char* p = p_;
    for (;;) {
#if defined(__SSE2__)
      const __m128i close = _mm_set1_epi8(']');
      const __m128i comma = _mm_set1_epi8(',');
      for (; end_ - p >= 17; p += 16) {
        const __m128i here = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
        auto stops = static_cast<unsigned>(
            _mm_movemask_epi8(_mm_andnot_si128(_mm_cmpeq_epi8(next, comma), _mm_cmpeq_epi8(here, close))));
        for (; stops != 0; stops &= stops - 1) {
          if (ClosesRows(p + std::countr_zero(stops))) return;
        }
      }
#endif
      for (; p < end_; ++p) {
        if (*p == ']' && ClosesRows(p)) return;
      }
      // The end of what has arrived: wait for more.
      p_ = p;
      if (!Has(1)) Leave();
    }
  }

 private:
  /// Whether the `]` at `close` is followed by white space and another `]`; if so the cursor moves
  /// past that one.
  bool ClosesRows(const char* close) {
    p_ = close + 1;
    SkipWhitespace();
    return Take(']');
  }

  void SkipWord(std::string_view word) {
    if (!Has(word.size()) || std::string_view(p_, word.size()) != word) Leave();
    p_ += word.size();
  }

  // A string with any escapes Python accepts; non-ASCII text leaves (the general path decodes it).
  void SkipString() {
    Expect('"');
    while (Has(1)) {
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

  /// At least `n` bytes from the cursor on, waiting for them while the body arrives; false when the
  /// body ends before. Inline for the common case, where they are there already.
  bool Has(std::size_t n) { return static_cast<std::size_t>(end_ - p_) >= n || WaitFor(n); }

  [[gnu::noinline]] bool WaitFor(std::size_t n) {
    while (arriving_ != nullptr && static_cast<std::size_t>(end_ - p_) < n) {
      const auto have = static_cast<std::size_t>(end_ - begin_);
      const std::string_view so_far = arriving_->WaitBeyond(have);
      if (so_far.size() == have) return false;  // no more will come
      end_ = begin_ + so_far.size();
    }
    return static_cast<std::size_t>(end_ - p_) >= n;
  }

  ArrivingBody* arriving_ = nullptr;  // the body still arriving, or none when the text is whole
  const char* begin_;
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
    cursor.SkipRowsQuickly();
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

// Validates the whole body at the cursor and calls `on_values(text)` for each repetition's `values`
// array, in order, and `on_metadata(text)` for the value of `metadata`.
template <typename OnValues, typename OnMetadata>
void ScanBody(Cursor& cursor, OnValues&& on_values, OnMetadata&& on_metadata) {
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

/// Repetitions handed from the scan to the threads that read and evaluate them, the settings
/// they need, and their results. Rows read before the settings are known wait, parked in their
/// scratch, until they are. Thread-safe.
class RepetitionQueue {
 public:
  RepetitionQueue() = default;
  RepetitionQueue(const RepetitionQueue&) = delete;
  RepetitionQueue& operator=(const RepetitionQueue&) = delete;
  /// Gives parked scratches back to the pool.
  ~RepetitionQueue() {
    for (Parked& parked : parked_) ScratchPool::Shared().Release(std::move(parked.scratch));
  }

  /// Makes the settings known; parked repetitions are evaluated from then on.
  void SetSettings(const GenericSettings& settings) {
    {
      const std::lock_guard lock(mutex_);
      settings_ = settings;
    }
    changed_.notify_all();
  }

  /// The settings, once known.
  std::optional<GenericSettings> Settings() const {
    const std::lock_guard lock(mutex_);
    return settings_;
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

  /// Marks the check as failed: nothing more is handed out.
  void Fail() { Close(true); }

  /// Work for a thread: the rows of a repetition nobody has taken, or a parked repetition once
  /// the settings are known. Waits while the scan may add either; nothing when all is done.
  struct Task {
    std::size_t index = 0;
    std::string_view rows;                      ///< to read, when `parked` is null
    std::unique_ptr<RepetitionScratch> parked;  ///< rows read already, to evaluate
  };
  std::optional<Task> Take() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] {
      return failed_ || next_ < rows_.size() || (settings_ && !parked_.empty()) || closed_;
    });
    if (failed_) return std::nullopt;
    if (next_ < rows_.size()) {
      const std::size_t index = next_++;
      return Task{index, rows_[index], nullptr};
    }
    if (settings_ && !parked_.empty()) {
      Parked parked = std::move(parked_.back());
      parked_.pop_back();
      return Task{parked.index, {}, std::move(parked.scratch)};
    }
    return std::nullopt;
  }

  /// Keeps the rows of repetition `index`, read into `scratch`, until the settings are known.
  void Park(std::size_t index, std::unique_ptr<RepetitionScratch> scratch) {
    {
      const std::lock_guard lock(mutex_);
      parked_.push_back({index, std::move(scratch)});
    }
    changed_.notify_one();
  }

  /// Records the result of repetition `index`.
  void Complete(std::size_t index, const RepetitionResult& result) {
    const std::lock_guard lock(mutex_);
    results_[index] = result;
  }

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
  struct Parked {
    std::size_t index;
    std::unique_ptr<RepetitionScratch> scratch;
  };

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::optional<GenericSettings> settings_;
  std::vector<std::string_view> rows_;
  std::vector<std::optional<RepetitionResult>> results_;
  std::vector<Parked> parked_;
  std::size_t next_ = 0;
  bool closed_ = false;
  bool failed_ = false;
};

// Reads and evaluates repetitions from `queue` until none is left, in columns kept between
// requests.
void EvaluateRepetitions(RepetitionQueue& queue) noexcept {
  ScratchPool& pool = ScratchPool::Shared();
  std::unique_ptr<RepetitionScratch> scratch;
  try {
    while (std::optional<RepetitionQueue::Task> task = queue.Take()) {
      if (!scratch) scratch = pool.Acquire();
      if (task->parked) {
        // The surviving rows go into this thread's columns: parked scratches hold only rows.
        // Handed out only once the settings are known.
        queue.Complete(task->index,
                       EvaluateRepetition(task->parked->series, *queue.Settings(), scratch->survivors));
        pool.Release(std::move(task->parked));
        continue;
      }
      ReadRows(task->rows, scratch->series);
      if (const std::optional<GenericSettings> settings = queue.Settings()) {
        queue.Complete(task->index, EvaluateRepetition(scratch->series, *settings, scratch->survivors));
      } else {
        // The rows wait in a scratch of their own; this thread keeps its columns for the survivors.
        std::unique_ptr<RepetitionScratch> parked = pool.Acquire();
        std::swap(parked->series, scratch->series);
        queue.Park(task->index, std::move(parked));
      }
    }
  } catch (...) {
    queue.Fail();
  }
  pool.Release(std::move(scratch));
}

GenericSettings ParseSettings(std::string_view metadata) {
  const JsonDocument document(metadata);
  return ParseGenericSettings(document.root());
}

// Scans the body at `cursor`, handing its repetitions and settings to `queue`, and closes it.
// `guess`: the metadata text the queue's settings were read from before the scan, if they were.
void ScanInto(Cursor& cursor, RepetitionQueue& queue, std::optional<std::string_view> guess) noexcept {
  try {
    ScanBody(
        cursor, [&queue](std::string_view rows) { queue.Push(rows); },
        [&](std::string_view metadata) {
          if (guess) {
            // The guess was evaluated with: it must be this very member.
            if (metadata.data() != guess->data() || metadata.size() != guess->size()) Leave();
            return;
          }
          queue.SetSettings(ParseSettings(metadata));
        });
    queue.Close(false);
  } catch (...) {
    queue.Close(true);
  }
}

}  // namespace

/// The threads of one check and what they share.
struct FastGenericCheck::Run {
  ArrivingBody arriving;
  RepetitionQueue queue;
  std::vector<std::thread> threads;

  /// Starts helpers until there are `count` threads besides the caller's; fewer if the system
  /// refuses (fewer threads still give the answer).
  template <typename Body>
  void StartThreads(std::size_t count, Body&& first) noexcept {
    try {
      if (count > 0) threads.emplace_back(std::forward<Body>(first));
      while (threads.size() < count) threads.emplace_back([this] { EvaluateRepetitions(queue); });
    } catch (...) {
    }
  }

  void JoinThreads() noexcept {
    for (std::thread& thread : threads) thread.join();
    threads.clear();
  }
};

FastGenericCheck::FastGenericCheck(std::size_t threads) : threads_(std::max<std::size_t>(threads, 1)) {}

FastGenericCheck::~FastGenericCheck() { Abandon(); }

void FastGenericCheck::Arrived(std::string_view so_far) noexcept {
  if (run_) {
    run_->arriving.Arrived(so_far);
    return;
  }
  if (finished_ || started_) return;  // started_ without run_: no thread could start
  started_ = true;
  try {
    run_ = std::make_unique<Run>();
  } catch (...) {
    return;  // Finish does it all
  }
  run_->arriving.Arrived(so_far);
  // The scan waits for the bytes as they come, on a thread of its own, then helps with the rows;
  // the helpers read each repetition's rows as soon as the scan has found their end.
  Run& run = *run_;
  run.StartThreads(threads_, [&run] {
    Cursor cursor(run.arriving);
    ScanInto(cursor, run.queue, std::nullopt);
    EvaluateRepetitions(run.queue);
  });
  if (run.threads.empty()) run_.reset();  // no thread: Finish does it all
}

void FastGenericCheck::Abandon() noexcept {
  finished_ = true;
  if (!run_) return;
  run_->queue.Fail();
  run_->arriving.Finish();
  run_->JoinThreads();
  run_.reset();
}

std::optional<bool> FastGenericCheck::Finish(std::string_view body) noexcept {
  if (finished_) return std::nullopt;
  finished_ = true;
  try {
    if (run_) {
      run_->arriving.Arrived(body);
      run_->arriving.Finish();
    } else {
      run_ = std::make_unique<Run>();
      // The whole body is here: settings read first from where `metadata` probably is let each
      // repetition be evaluated as soon as it is read, with nothing parked.
      std::optional<std::string_view> guess = GuessMetadata(body);
      if (guess) {
        try {
          run_->queue.SetSettings(ParseSettings(*guess));
        } catch (const SloError&) {
          guess.reset();  // the scan reads it again, and the general path reports it
        }
      }
      run_->StartThreads(threads_ - 1, [this] { EvaluateRepetitions(run_->queue); });
      Cursor cursor(body);
      ScanInto(cursor, run_->queue, guess);
    }
    EvaluateRepetitions(run_->queue);
    run_->JoinThreads();
    const std::optional<std::vector<RepetitionResult>> results = run_->queue.Results();
    const std::optional<GenericSettings> settings = run_->queue.Settings();
    run_.reset();
    if (!results || !settings) return std::nullopt;
    return CheckRepetitions(*results, *settings);
  } catch (...) {
    Abandon();
    return std::nullopt;
  }
}

std::optional<bool> FastEvaluateGeneric(std::string_view body, std::size_t threads) noexcept {
  FastGenericCheck check(threads);
  return check.Finish(body);
}

}  // namespace promsynth::slo
