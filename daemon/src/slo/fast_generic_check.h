#pragma once

#include <cstddef>
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

}  // namespace promsynth::slo
