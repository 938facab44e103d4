// Proves that stepping families of every type allocates nothing: their scratch arrays, rings and
// observation buffers are all sized when the engine is built. Its own binary, because it links
// the counting global operator new (tests/support/allocation_counter.h).
#include <gtest/gtest.h>

#include <cstdint>

#include "config/yaml_config_loader.h"
#include "engine/engine.h"
#include "support/allocation_counter.h"

namespace promsynth {
namespace {

TEST(StepAllocationTest, EveryTypeStepsWithoutAllocating) {
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
  const int64_t before = testing::AllocationCount();
  ASSERT_GT(before, 0) << "building the engine allocates: the counting operator new is not linked in";
  for (int64_t k = 1; k <= 30; ++k) engine.Step(1'700'000'000'000 + k * 1000);
  engine.Step(1'700'000'000'000 + 45 * 1000);  // a stall: cumulative families catch up
  EXPECT_EQ(testing::AllocationCount() - before, 0);
}

}  // namespace
}  // namespace promsynth
