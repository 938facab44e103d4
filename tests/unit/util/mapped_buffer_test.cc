#include "util/mapped_buffer.h"

#include <gtest/gtest.h>

#include <cstring>
#include <new>
#include <string>
#include <utility>

namespace promsynth {
namespace {

TEST(MappedBufferTest, StartsEmptyAndZeroed) {
  MappedBuffer buffer(1000);
  EXPECT_EQ(buffer.size(), 0U);
  EXPECT_GE(buffer.capacity(), 1000U);
  buffer.Resize(1000);
  for (std::size_t i = 0; i < buffer.size(); ++i) ASSERT_EQ(buffer.data()[i], '\0') << i;
}

TEST(MappedBufferTest, GrowingKeepsTheContent) {
  MappedBuffer buffer(16);
  std::memcpy(buffer.data(), "promsynth", 9);
  buffer.Resize(9);
  const std::size_t large = std::size_t{40} << 20;  // past the first mapping, over huge pages
  buffer.Reserve(large);
  EXPECT_GE(buffer.capacity(), large);
  EXPECT_EQ(buffer.view(), "promsynth");
  buffer.data()[large - 1] = 'x';
  buffer.Resize(large);
  EXPECT_EQ(buffer.view().substr(0, 9), "promsynth");
  EXPECT_EQ(buffer.view()[large - 2], '\0');
  EXPECT_EQ(buffer.view().back(), 'x');
  buffer.Reserve(10);  // never shrinks
  EXPECT_GE(buffer.capacity(), large);
}

TEST(MappedBufferTest, MovesOwnTheMapping) {
  MappedBuffer first(64);
  std::memcpy(first.data(), "abc", 3);
  first.Resize(3);
  MappedBuffer second(std::move(first));
  EXPECT_EQ(second.view(), "abc");
  EXPECT_EQ(first.size(), 0U);  // NOLINT(bugprone-use-after-move): the moved-from state is defined
  EXPECT_EQ(first.data(), nullptr);
  MappedBuffer third;
  third = std::move(second);
  EXPECT_EQ(third.view(), "abc");
  EXPECT_EQ(MappedBuffer().view(), "");
}

TEST(MappedBufferTest, RefusesAnImpossibleReservation) {
  MappedBuffer buffer;
  EXPECT_THROW(buffer.Reserve(static_cast<std::size_t>(-1)), std::bad_alloc);
  EXPECT_EQ(buffer.capacity(), 0U);
}

}  // namespace
}  // namespace promsynth
