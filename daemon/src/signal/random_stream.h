#pragma once

#include <cmath>  // kept for includers that relied on it
#include <cstdint>
#include <numbers>
#include <string_view>

namespace promsynth {

/// Identity of one series' random stream, derived from (seed, metric name, label set).
using StreamKey = uint64_t;

/// A strong 64-bit mixing function (the SplitMix64 finaliser): every input bit affects every output bit.
constexpr uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

/// FNV-1a over bytes, mixed: a stable hash of names and label values (never std::hash,
/// whose values may differ between library versions and would break determinism).
constexpr uint64_t HashText(std::string_view text) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return Mix64(hash);
}

/// Combines a key with one more component, order-sensitively. Mixing the key before the
/// component joins makes distinct (key, component) pairs collide only by 64-bit chance.
constexpr StreamKey CombineKey(StreamKey key, uint64_t component) {
  return Mix64(Mix64(key + 0x9e3779b97f4a7c15ULL) ^ component);
}

}  // namespace promsynth

// TickRandom (the draws of one series at one tick) lives in its own header; it is included here so
// that everything that draws keeps one include.
#include "signal/tick_random.h"  // IWYU pragma: export
