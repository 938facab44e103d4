#pragma once

#include <cstddef>
#include <string_view>

#include "util/mapping_pool.h"

namespace promsynth {

/// A byte buffer in a private anonymous mapping of its own, for request bodies of many megabytes.
///
/// Reserving capacity only reserves address space: pages are backed as bytes are written, so a
/// client that declares a large body and sends little costs little. The mapping asks for
/// transparent huge pages, which turns the thousands of page faults of a 30 MB body (each one
/// costly in a VM) into a handful, and growing it moves page tables (mremap) instead of copying.
/// Bytes past the size are zero until written, except in a buffer from a MappingPool.
class MappedBuffer {
 public:
  MappedBuffer() = default;
  /// A buffer with room for `capacity` bytes and size 0. Throws std::bad_alloc when the address
  /// space cannot be reserved.
  explicit MappedBuffer(std::size_t capacity);
  /// The same, starting from `pool`'s kept mapping when it has one, and giving the mapping back
  /// to `pool` when the buffer is done with it. Bytes past the size are then unspecified.
  MappedBuffer(std::size_t capacity, MappingPool& pool);
  ~MappedBuffer();
  MappedBuffer(MappedBuffer&& other) noexcept;
  MappedBuffer& operator=(MappedBuffer&& other) noexcept;
  MappedBuffer(const MappedBuffer&) = delete;
  MappedBuffer& operator=(const MappedBuffer&) = delete;

  /// Makes room for at least `capacity` bytes, keeping the content. Throws std::bad_alloc.
  void Reserve(std::size_t capacity);
  /// Sets the size; `size` must not exceed capacity(). Growing exposes bytes that are zero or
  /// were written through data() beforehand.
  void Resize(std::size_t size);

  char* data() { return data_; }
  const char* data() const { return data_; }
  std::size_t size() const { return size_; }
  std::size_t capacity() const { return capacity_; }
  /// The content.
  std::string_view view() const { return {data_, size_}; }

 private:
  /// Unmaps the mapping, or gives it back to its pool.
  void Release();

  char* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
  MappingPool* pool_ = nullptr;  ///< where the mapping goes back to; null: unmapped
};

}  // namespace promsynth
