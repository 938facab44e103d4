// Proves that stepping families of every type allocates nothing: their scratch arrays, rings and
// observation buffers are all sized when the engine is built. Its own binary, because it replaces
// the global operator new (allowed once per program). ThreadSanitizer owns the allocator and GCC
// refuses the replacement there, so TSan builds skip the check.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <new>

#include "config/yaml_config_loader.h"
#include "engine/engine.h"

#if !defined(__SANITIZE_THREAD__)
namespace {
std::atomic<int64_t> g_allocations{0};
}  // namespace

void* operator new(size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void* operator new[](size_t size) { return ::operator new(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }
void operator delete[](void* p, size_t) noexcept { std::free(p); }
#endif

namespace promsynth {
namespace {

TEST(StepAllocationTest, EveryTypeStepsWithoutAllocating) {
#if defined(__SANITIZE_THREAD__)
  GTEST_SKIP() << "the allocation counter is left out of TSan builds";
#else
  const GeneratorRegistry registry = GeneratorRegistry::WithBuiltins();
  Engine engine(ParseYamlConfig(R"(
metrics:
  - {name: g, labels: {i: "0..99"}, generator: {kind: gaussian}, gaps: {drop_probability: 0.5}}
  - {name: w, labels: {i: "0..99"}, generator: {kind: sine, stages: [{anomaly: {pattern: step, factor: 2, recovery_time: 3, every: 1m}}, {noise: {scale: 1}}, {clamp: {min: 0}}]}}
  - {name: c, type: counter, labels: {i: "0..99"}, generator: {kind: uniform}, resets: {every: 5}}
  - {name: r, type: counter, mode: rate, labels: {i: "0..99"}, generator: {kind: uniform}}
  - {name: t, type: counter, mode: total, labels: {i: "0..99"}, generator: {kind: sawtooth}}
  - {name: h, type: histogram, labels: {i: "0..99"}, observations: {kind: lognormal}, observations_per_tick: {kind: uniform, low: 0, high: 6}, resets: {every: 7}}
  - {name: s, type: summary, labels: {i: "0..99"}, window: 10s, observations: {kind: exponential}, observations_per_tick: 3.5}
)",
                                "t.yml"),
                registry);
  engine.Step(1'700'000'000'000);
  const int64_t before = g_allocations.load();
  for (int64_t k = 1; k <= 30; ++k) engine.Step(1'700'000'000'000 + k * 1000);
  engine.Step(1'700'000'000'000 + 45 * 1000);  // a stall: cumulative families catch up
  EXPECT_EQ(g_allocations.load() - before, 0);
#endif
}

}  // namespace
}  // namespace promsynth
