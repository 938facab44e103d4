#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "config/config.h"
#include "config/config_error.h"
#include "engine/engine.h"

namespace promsynth {

/// What a config will cost in resident memory, from the measured figures (docs/performance.md).
struct MemoryEstimate {
  /// The process without series: libraries, thread stacks, HTTP buffers (measured ~11 MB).
  static constexpr uint64_t kBaseBytes = 16ULL << 20;
  /// Per series: the engine's value and stream key, three snapshot buffers in flight (the slot,
  /// a scrape, the next tick) and a counter's scratch increment or a generator's state (measured
  /// 44 bytes per series at a million; the estimate errs high).
  static constexpr uint64_t kBytesPerSeries = 8 + 8 + 3 * 8 + 8;
  /// Per SLO history sample: a time and a value in a fixed ring.
  static constexpr uint64_t kBytesPerHistorySample = 16;

  uint64_t series = 0;           ///< series this replica generates (its shard's share)
  uint64_t history_samples = 0;  ///< upper bound of the SLO history rings' samples
  uint64_t total_bytes = 0;      ///< base + series + histories

  /// "123.4 MiB (N series × 48 B + H history samples × 16 B + 16 MiB base)".
  std::string Describe() const;
};

/// Estimates `config`'s memory for the shard in `limits`.
MemoryEstimate EstimateMemory(const Config& config, const EngineLimits& limits);

/// The error for a config whose estimate exceeds `limits.memory_limit_bytes` (0: no limit).
std::optional<ConfigError> MemoryLimitError(const Config& config, const EngineLimits& limits);

/// Parses a byte size: a number with an optional unit B, KB, MB, GB, TB (powers of 1000) or
/// KiB, MiB, GiB, TiB, K, M, G, T (powers of 1024), e.g. `512MiB`, `2G`, `1500000`.
std::optional<uint64_t> ParseByteSize(std::string_view text);

}  // namespace promsynth
