#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace promsynth {

/// A memo of Python float texts (`compat::WritePythonFloat`) for a batch writer's columns.
///
/// Generated columns often repeat their values: a constant, a value quantised or rounded by a
/// stage, a periodic wave sampled at a whole number of steps per period (a 1 h sine every 1 s has
/// 3600 distinct values). Such a value is formatted once and copied afterwards. The memo is a
/// two-way set-associative table keyed by the value's bits, so a hit gives exactly the text the
/// formatter gives (the output does not depend on the memo). A column whose values rarely repeat
/// (uniform draws, a random walk) skips the memo after a trial window of lookups, and tries again
/// after a longer stretch, so it pays almost nothing for it. About 512 KiB; not thread-safe (one
/// per formatting thread).
class FloatTextMemo {
 public:
  /// A memo for rows of `columns` values (0: an empty placeholder, to be assigned before use).
  explicit FloatTextMemo(size_t columns);

  /// Writes the text of `value`, the value of column `column`, to `out` (room for
  /// compat::kMaxPythonFloatLength bytes) and returns its length, as WritePythonFloat does.
  size_t Write(char* out, size_t column, double value) noexcept;

  /// Lookups per trial window of a column, and the hits below which the column skips the memo.
  static constexpr uint32_t kWindow = 1024;
  static constexpr uint32_t kMinHits = kWindow / 4;
  /// Values a column formats directly after a trial window with too few hits.
  static constexpr uint32_t kSkip = 64 * kWindow;

 private:
  /// A cached text: up to 23 bytes (a Python float repr has at most 24, rarely reached; longer
  /// texts are not cached). `length` 0 marks an empty entry.
  struct Entry {
    uint64_t bits = 0;
    std::array<char, 23> text{};
    uint8_t length = 0;
  };
  struct Column {
    uint32_t lookups = 0;
    uint32_t hits = 0;
    uint32_t skip = 0;  ///< values left to format without the memo
  };
  static constexpr int kSetBits = 13;  ///< 8192 sets of two entries

  std::vector<Entry> entries_;
  std::vector<Column> columns_;
};

}  // namespace promsynth
