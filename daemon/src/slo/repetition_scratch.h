#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

#include "slo/repetition_series.h"

namespace promsynth::slo {

/// The columns one thread fills for each repetition it evaluates.
struct RepetitionScratch {
  RepetitionSeries series;   ///< the repetition's rows as read
  WarmedUpSeries survivors;  ///< the rows after the warmup

  /// Bytes the columns hold in capacity.
  std::size_t CapacityBytes() const;
};

/// Scratch columns kept from one request to the next. A large check that fills fresh columns
/// pays a page fault for every 4 KB of them (tens of milliseconds for a Theodolite-sized request);
/// reused columns are already mapped. A check started while its body arrives holds one scratch
/// per repetition until `metadata` arrives, so the pool keeps up to kMaxKept. Bounded: a scratch
/// is kept only while its capacity is at most kMaxKeptBytes and all kept ones hold at most
/// kMaxKeptTotalBytes. Thread-safe.
class ScratchPool {
 public:
  static constexpr std::size_t kMaxKept = 16;
  static constexpr std::size_t kMaxKeptBytes = std::size_t{8} << 20;
  static constexpr std::size_t kMaxKeptTotalBytes = std::size_t{32} << 20;

  /// The process's pool.
  static ScratchPool& Shared();

  /// A kept scratch, or a new empty one.
  std::unique_ptr<RepetitionScratch> Acquire();
  /// Gives a scratch back; kept while the bounds allow, freed otherwise.
  void Release(std::unique_ptr<RepetitionScratch> scratch);
  /// How many scratches are kept now.
  std::size_t kept() const;
  /// The capacity the kept scratches hold, in bytes.
  std::size_t kept_bytes() const;

 private:
  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<RepetitionScratch>> kept_;
  std::size_t kept_bytes_ = 0;
};

}  // namespace promsynth::slo
