#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace promsynth {

/// Which share of the series one replica generates (`--shard=i/n`).
///
/// Every family's cardinality expansion is cut into n contiguous slices of nearly equal size;
/// shard i generates slice i. A series keeps its position, so its labels, stream key and values
/// are exactly those of the same series in an unsharded run: the n replicas together expose each
/// series once. Immutable value type.
struct Shard {
  uint64_t index = 0;  ///< 0 ≤ index < count
  uint64_t count = 1;

  /// The first position of this shard's slice of `size` positions (floor(size · index / count)).
  size_t Begin(size_t size) const { return SliceEdge(size, index); }
  /// One past the last position of this shard's slice of `size` positions.
  size_t End(size_t size) const { return SliceEdge(size, index + 1); }

  bool IsWhole() const { return count == 1; }
  std::string ToString() const { return std::to_string(index) + "/" + std::to_string(count); }

 private:
  /// floor(size · k / count) without overflow: size = q · count + r.
  size_t SliceEdge(size_t size, uint64_t k) const {
    return static_cast<size_t>(size / count * k + size % count * k / count);
  }
};

/// Parses `i/n` (0 ≤ i < n, 1 ≤ n ≤ 1,000,000) or `auto/n`, which takes i from the numeric suffix
/// after the last '-' of `hostname` (a StatefulSet pod is named `<set>-<ordinal>`). On failure
/// returns nullopt and sets `error` to what is wrong and what is allowed.
std::optional<Shard> ParseShard(std::string_view text, std::string_view hostname, std::string& error);

}  // namespace promsynth
