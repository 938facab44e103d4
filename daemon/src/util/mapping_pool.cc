#include "util/mapping_pool.h"

#include <sys/mman.h>

#include <utility>

namespace promsynth {

MappingPool& MappingPool::Shared() {
  static MappingPool pool;
  return pool;
}

MappingPool::~MappingPool() {
  if (kept_.data != nullptr) munmap(kept_.data, kept_.bytes);
}

MappingPool::Mapping MappingPool::Take() {
  const std::lock_guard lock(mutex_);
  return std::exchange(kept_, Mapping{});
}

void MappingPool::Give(Mapping mapping) {
  if (mapping.data == nullptr) return;
  if (mapping.bytes <= kMaxKeptBytes) {
    const std::lock_guard lock(mutex_);
    if (kept_.data == nullptr) {
#ifdef MADV_FREE
      // The content is garbage from here on; the pages stay backed unless memory runs short.
      (void)madvise(mapping.data, mapping.bytes, MADV_FREE);
#endif
      kept_ = mapping;
      return;
    }
  }
  munmap(mapping.data, mapping.bytes);
}

std::size_t MappingPool::kept_bytes() const {
  const std::lock_guard lock(mutex_);
  return kept_.bytes;
}

}  // namespace promsynth
