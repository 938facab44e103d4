// AppendPythonFloat allocates nothing but the growth of its output string. Its own binary,
// because it links the counting global operator new (tests/support/allocation_counter.h).
#include <gtest/gtest.h>

#include <string>

#include "compat/python_float_format.h"
#include "support/allocation_counter.h"
#include "unit/compat/python_reprs.h"

namespace promsynth::compat {
namespace {

TEST(PythonFloatFormatAllocationTest, AppendDoesNotAllocateWhenCapacitySuffices) {
  std::string out;
  out.reserve(size_t{64} * 1024);
  const int64_t before = testing::AllocationCount();
  ASSERT_GT(before, 0) << "reserve() allocates: the counting operator new is not linked in";
  for (const FormatCase& c : kPythonReprs) {
    AppendPythonFloat(out, c.value);
    out += '\n';
  }
  const int64_t after = testing::AllocationCount();
  EXPECT_EQ(after - before, 0);
  EXPECT_GT(out.size(), kPythonReprs.size() * 4);
}

}  // namespace
}  // namespace promsynth::compat
