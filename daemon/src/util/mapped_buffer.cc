#include "util/mapped_buffer.h"

#include <sys/mman.h>

#include <cassert>
#include <cstdint>
#include <new>
#include <utility>

namespace promsynth {
namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;

// Mappings are whole huge pages, so that the last one can be huge too.
std::size_t RoundUp(std::size_t bytes) { return (bytes + kHugePage - 1) / kHugePage * kHugePage; }

// A new mapping of `bytes` (a multiple of kHugePage) that starts on a huge page boundary: a plain
// mmap is only page aligned, and a huge page can only back an aligned 2 MB range.
void* MapAligned(std::size_t bytes) {
  const std::size_t padded = bytes + kHugePage;
  void* mapped =
      mmap(nullptr, padded, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (mapped == MAP_FAILED) return mapped;
  char* start = static_cast<char*>(mapped);
  const std::size_t head = (kHugePage - reinterpret_cast<std::uintptr_t>(start) % kHugePage) % kHugePage;
  if (head > 0) munmap(start, head);
  munmap(start + head + bytes, padded - head - bytes);
  return start + head;
}

void AdviseHugePages(void* start, std::size_t bytes) {
#ifdef MADV_HUGEPAGE
  // Only advice: where transparent huge pages are off the buffer works with small pages.
  (void)madvise(start, bytes, MADV_HUGEPAGE);
#endif
}

}  // namespace

MappedBuffer::MappedBuffer(std::size_t capacity) { Reserve(capacity); }

MappedBuffer::MappedBuffer(std::size_t capacity, MappingPool& pool) : pool_(&pool) {
  const MappingPool::Mapping kept = pool.Take();
  data_ = kept.data;
  capacity_ = kept.bytes;
  Reserve(capacity);  // a mapping that is too small grows, keeping the pages it has
}

MappedBuffer::~MappedBuffer() { Release(); }

MappedBuffer::MappedBuffer(MappedBuffer&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      capacity_(std::exchange(other.capacity_, 0)),
      pool_(std::exchange(other.pool_, nullptr)) {}

MappedBuffer& MappedBuffer::operator=(MappedBuffer&& other) noexcept {
  if (this != &other) {
    Release();
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
    capacity_ = std::exchange(other.capacity_, 0);
    pool_ = std::exchange(other.pool_, nullptr);
  }
  return *this;
}

void MappedBuffer::Release() {
  if (data_ == nullptr) return;
  if (pool_ != nullptr) {
    pool_->Give({data_, capacity_});
  } else {
    munmap(data_, capacity_);
  }
  data_ = nullptr;
  size_ = capacity_ = 0;
}

void MappedBuffer::Reserve(std::size_t capacity) {
  if (capacity <= capacity_) return;
  if (capacity > (std::size_t{1} << 46)) throw std::bad_alloc();
  const std::size_t bytes = RoundUp(capacity);
  void* mapped = data_ == nullptr ? MapAligned(bytes) : mremap(data_, capacity_, bytes, MREMAP_MAYMOVE);
  if (mapped == MAP_FAILED) throw std::bad_alloc();
  data_ = static_cast<char*>(mapped);
  capacity_ = bytes;
  AdviseHugePages(data_, capacity_);
}

void MappedBuffer::Resize(std::size_t size) {
  assert(size <= capacity_);
  size_ = size;
}

}  // namespace promsynth
