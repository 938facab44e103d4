#include "util/mapping_pool.h"

#include <gtest/gtest.h>

#include <cstring>
#include <utility>

#include "util/mapped_buffer.h"

namespace promsynth {
namespace {

constexpr std::size_t kMiB = std::size_t{1} << 20;

TEST(MappingPoolTest, ABufferGivesItsMappingBackAndTheNextOneStartsFromIt) {
  MappingPool pool;
  EXPECT_EQ(pool.Take().data, nullptr);  // nothing kept yet
  const char* first_data = nullptr;
  std::size_t first_capacity = 0;
  {
    MappedBuffer body(3 * kMiB, pool);
    std::memset(body.data(), 'x', 3 * kMiB);  // backs the pages
    body.Resize(3 * kMiB);
    first_data = body.data();
    first_capacity = body.capacity();
    EXPECT_EQ(pool.kept_bytes(), 0U);  // in use
  }
  EXPECT_EQ(pool.kept_bytes(), first_capacity);
  MappedBuffer next(kMiB, pool);
  EXPECT_EQ(next.data(), first_data);
  EXPECT_EQ(next.capacity(), first_capacity);
  EXPECT_EQ(next.size(), 0U);
  EXPECT_EQ(pool.kept_bytes(), 0U);
  std::memcpy(next.data(), "promsynth", 9);  // still writable after MADV_FREE
  next.Resize(9);
  EXPECT_EQ(next.view(), "promsynth");
}

TEST(MappingPoolTest, AKeptMappingThatIsTooSmallGrowsWithItsContent) {
  MappingPool pool;
  { MappedBuffer small(kMiB, pool); }
  MappedBuffer large(9 * kMiB, pool);
  EXPECT_GE(large.capacity(), 9 * kMiB);
  large.data()[9 * kMiB - 1] = 'z';
  large.Resize(9 * kMiB);
  EXPECT_EQ(large.view().back(), 'z');
}

TEST(MappingPoolTest, KeepsOneMappingWithinTheBound) {
  MappingPool pool;
  {
    MappedBuffer a(kMiB, pool);
    MappedBuffer b(kMiB, pool);  // the pool was empty: a fresh mapping
    EXPECT_NE(a.data(), b.data());
  }
  EXPECT_EQ(pool.kept_bytes(), 2 * kMiB);  // one of the two 2 MiB mappings; the other was unmapped
  MappingPool bounded;
  { MappedBuffer huge(MappingPool::kMaxKeptBytes + 1, bounded); }
  EXPECT_EQ(bounded.kept_bytes(), 0U);
  { MappedBuffer within(MappingPool::kMaxKeptBytes, bounded); }
  EXPECT_EQ(bounded.kept_bytes(), MappingPool::kMaxKeptBytes);
}

TEST(MappingPoolTest, OnlyTheBufferThatOwnsTheMappingGivesItBack) {
  MappingPool pool;
  MappedBuffer moved_to;
  {
    MappedBuffer body(kMiB, pool);
    moved_to = std::move(body);
  }
  EXPECT_EQ(pool.kept_bytes(), 0U);  // the moved-from buffer had nothing to give
  {
    MappedBuffer last(std::move(moved_to));
    EXPECT_EQ(pool.kept_bytes(), 0U);
  }
  EXPECT_EQ(pool.kept_bytes(), 2 * kMiB);
  MappedBuffer unpooled(kMiB);  // a buffer without a pool unmaps as before
}

}  // namespace
}  // namespace promsynth
