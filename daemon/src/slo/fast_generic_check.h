#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>

namespace promsynth::slo {

/// The generic check (`POST /`) of a request in the shape Prometheus range queries and Theodolite
/// produce, without building a document tree: one scan finds each repetition's `values`, then the
/// rows are parsed straight into columns and evaluated, the repetitions spread over `threads`
/// threads (the caller's included).
///
/// The shape: an ASCII body holding one object with `results` and `metadata` once each (other keys
/// are skipped); each repetition a list whose first element is an object with `values` once; each
/// row exactly `[timestamp, value]`, the timestamp a number literal (an integer of at most 18
/// digits, or with a fraction or exponent), the value a string without escapes or such a number.
/// Everything else anywhere in the body is validated as JSON and skipped.
///
/// Returns the verdict the general path (ParseGenericRequest, then EvaluateGeneric) gives for the
/// same body. Returns nothing when the body leaves that shape or the check fails in any way, even
/// where the general path would succeed: the caller then runs the general path, which has the
/// exact answer and error for every body. Never throws.
std::optional<bool> FastEvaluateGeneric(std::string_view body, std::size_t threads) noexcept;

/// FastEvaluateGeneric, started while the body still arrives. The first Arrived starts the scan on
/// a thread of its own, which waits for bytes as it needs them; each repetition's rows are read as
/// soon as its `values` array is complete, on `threads` threads in all, and kept until `metadata`
/// (which clients send last) gives the settings. Finish completes the check on the whole body. A
/// check that saw no Arrived does all its work in Finish, like FastEvaluateGeneric.
///
/// Memory: the rows read before `metadata` are kept as columns, 16 to 24 bytes a row, which is at
/// most three times the body (a row is at least 8 bytes of JSON); the general path would hold far
/// more for the same body.
class FastGenericCheck {
 public:
  /// Bodies at least this long are worth starting while they arrive.
  static constexpr std::size_t kArrivingBodyBytes = std::size_t{1} << 20;

  explicit FastGenericCheck(std::size_t threads);
  /// Abandons a check that has not finished, waiting for its threads.
  ~FastGenericCheck();
  FastGenericCheck(const FastGenericCheck&) = delete;
  FastGenericCheck& operator=(const FastGenericCheck&) = delete;

  /// The body's first `so_far.size()` bytes are at `so_far.data()`, in a buffer that neither moves
  /// nor shrinks until Finish or Abandon returns.
  void Arrived(std::string_view so_far) noexcept;
  /// The body will not complete: the check stops using its bytes before this returns.
  void Abandon() noexcept;
  /// The verdict for the whole `body` (for a check that saw Arrived, the same buffer, now
  /// complete), or nothing: see FastEvaluateGeneric. Once per check.
  std::optional<bool> Finish(std::string_view body) noexcept;

 private:
  struct Run;
  std::size_t threads_;
  std::unique_ptr<Run> run_;
  bool started_ = false;   ///< Arrived was called
  bool finished_ = false;  ///< Finish or Abandon was called
};

}  // namespace promsynth::slo
