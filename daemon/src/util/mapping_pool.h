#pragma once

#include <cstddef>
#include <mutex>

namespace promsynth {

/// One memory mapping kept between requests, so that the next large request body lands in pages
/// that are already backed. A fresh 30 MB body costs about 14 ms of page faults and zeroing in a
/// VM, a third of what a Theodolite-sized SLO check needs otherwise.
///
/// Bounded: one mapping of at most kMaxKeptBytes. While kept it is marked MADV_FREE, so the
/// kernel may take its pages back under memory pressure (the next user then faults them in again,
/// as it would have without the pool). Thread-safe.
class MappingPool {
 public:
  static constexpr std::size_t kMaxKeptBytes = std::size_t{32} << 20;

  /// A mapping handed out or given back: its start and length in bytes.
  struct Mapping {
    char* data = nullptr;
    std::size_t bytes = 0;
  };

  /// The process's pool.
  static MappingPool& Shared();

  MappingPool() = default;
  ~MappingPool();
  MappingPool(const MappingPool&) = delete;
  MappingPool& operator=(const MappingPool&) = delete;

  /// The kept mapping (any size; the caller grows it), or an empty Mapping when none is kept.
  Mapping Take();
  /// Takes back a mapping: kept when it is within the bound and none is kept, unmapped otherwise.
  void Give(Mapping mapping);
  /// Bytes kept now.
  std::size_t kept_bytes() const;

 private:
  mutable std::mutex mutex_;
  Mapping kept_;
};

}  // namespace promsynth
