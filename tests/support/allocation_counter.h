#pragma once

#include <cstdint>

namespace promsynth::testing {

/// Calls of the global operator new so far in this program. Linking the allocation_counter
/// library replaces the global allocation functions with counting ones (allowed once per
/// program), so only the allocation tests' own binaries link it. Not built under ThreadSanitizer,
/// which owns the allocator: GCC refuses the replacement there.
int64_t AllocationCount();

}  // namespace promsynth::testing
