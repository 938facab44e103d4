#include "engine/engine.h"

#include <gtest/gtest.h>

#include <bit>
#include <span>

#include "config/config_error.h"
#include "config/yaml_config_loader.h"

namespace promsynth {
namespace {

const GeneratorRegistry kRegistry = GeneratorRegistry::WithBuiltins();

Config Load(const std::string& yaml) { return ParseYamlConfig(yaml, "t.yml"); }

constexpr const char* kMixed = R"(
global: {seed: 7, tick: 1s}
metrics:
  - {name: g, labels: {i: "0..9"}, generator: {kind: gaussian, mu: 5, sigma: 1}}
  - {name: c, type: counter, labels: {i: "0..9"}, generator: {kind: uniform, low: 1, high: 2}}
)";

TEST(EngineTest, SameSeedAndTickGiveTheSameValuesWhateverTheHistory) {
  Engine a(Load(kMixed), kRegistry);
  Engine b(Load(kMixed), kRegistry);
  // a steps through many ticks (and publishes in between), b jumps straight to the last one.
  for (int64_t t = 0; t <= 10; ++t) {
    a.Step(1'700'000'000'000 + t * 1000);
    a.Publish();
  }
  b.Step(1'700'000'010'000);
  auto sa = a.Publish();
  auto sb = b.Publish();
  for (size_t i = 0; i < 10; ++i) EXPECT_EQ(sa->values[i], sb->values[i]) << "gauge series " << i;
}

TEST(EngineTest, DifferentSeedsGiveDifferentValues) {
  Engine a(Load(kMixed), kRegistry);
  Config other = Load(kMixed);
  other.global.seed = 8;
  Engine b(other, kRegistry);
  a.Step(1'700'000'000'000);
  b.Step(1'700'000'000'000);
  EXPECT_NE(a.Publish()->values[0], b.Publish()->values[0]);
}

TEST(EngineTest, SeriesKeepTheirStreamWhenOtherSeriesAreAdded) {
  Engine small(Load("metrics:\n  - {name: g, labels: {i: [a, b]}, generator: {kind: uniform}}\n"), kRegistry);
  Engine large(Load("metrics:\n  - {name: g, labels: {i: [z, a, b], j: [x]}, generator: {kind: uniform}}\n"),
               kRegistry);
  // Keys depend on the label set, not the position: adding label values or columns changes only new series.
  const auto small_keys = ComputeStreamKeys(0, small.layout()->families[0]);
  Engine same_labels_other_order(
      Load("metrics:\n  - {name: g, labels: {i: [b, a]}, generator: {kind: uniform}}\n"), kRegistry);
  const auto reordered = ComputeStreamKeys(0, same_labels_other_order.layout()->families[0]);
  EXPECT_EQ(small_keys[0], reordered[1]);
  EXPECT_EQ(small_keys[1], reordered[0]);
  const auto large_keys = ComputeStreamKeys(0, large.layout()->families[0]);
  EXPECT_NE(small_keys[0], large_keys[1]);  // {i=a} and {i=a,j=x} are different series
}

TEST(EngineTest, CounterAccumulatesIncrementsAndNeverDecreases) {
  Engine engine(Load(kMixed), kRegistry);
  double previous = 0;
  for (int64_t t = 0; t < 20; ++t) {
    engine.Step(1'700'000'000'000 + t * 1000);
    const double total = engine.Publish()->values[10];
    EXPECT_GT(total, previous);
    EXPECT_LE(total - previous, 2.0);
    EXPECT_GE(total - previous, 1.0);
    previous = total;
  }
}

TEST(EngineTest, CounterCatchesUpMissedTicksAndCountsOverruns) {
  Engine steady(Load(kMixed), kRegistry);
  Engine late(Load(kMixed), kRegistry);
  for (int64_t t = 0; t <= 5; ++t) steady.Step(1'700'000'000'000 + t * 1000);
  late.Step(1'700'000'000'000);
  const StepResult result = late.Step(1'700'000'005'000);
  EXPECT_EQ(result.overruns, 2u * 4);  // 4 skipped ticks in each of 2 families
  EXPECT_DOUBLE_EQ(late.Publish()->values[10], steady.Publish()->values[10]);
}

TEST(EngineTest, StepsOnlyDueFamilies) {
  Engine engine(Load(R"(
metrics:
  - {name: fast, tick: 1s, generator: {kind: uniform}}
  - {name: slow, tick: 5s, generator: {kind: uniform}}
)"),
                kRegistry);
  EXPECT_EQ(engine.Step(1'700'000'000'000).families_stepped, 2u);
  const double slow = engine.Publish()->values[1];
  EXPECT_EQ(engine.Step(1'700'000'001'000).families_stepped, 1u);
  EXPECT_EQ(engine.Publish()->values[1], slow);
  EXPECT_EQ(engine.Step(1'700'000'001'500).families_stepped, 0u);
  EXPECT_EQ(engine.NextDueMs(1'700'000'001'500), 1'700'000'002'000);
  EXPECT_EQ(engine.Step(1'700'000'005'000).families_stepped, 2u);
}

TEST(EngineTest, FamilyRangesSteppedApartGiveTheValuesOfStep) {
  const std::string yaml =
      std::string(kMixed) +
      R"(  - {name: slow, tick: 2s, generator: {kind: uniform}, gaps: {drop_probability: 0.5}}
  - {name: h, type: histogram, buckets: [0.5], observations: {kind: uniform}}
)";
  Engine whole(Load(yaml), kRegistry);
  Engine apart(Load(yaml), kRegistry);
  const size_t split = apart.ConcurrentSplit();
  ASSERT_GT(split, 0u);
  ASSERT_LT(split, apart.family_count());
  EXPECT_EQ(apart.FamilyValueOffset(0), 0u);
  EXPECT_EQ(apart.FamilyValueOffset(1), 10u);
  EXPECT_EQ(apart.FamilyValueOffset(apart.family_count()), apart.value_count());
  std::vector<double> scratch_a(apart.scratch_size());
  std::vector<double> scratch_b(apart.scratch_size());
  std::vector<double> expected;
  std::vector<double> values(apart.value_count());
  const size_t at = apart.FamilyValueOffset(split);
  for (int64_t t = 1'700'000'000'000; t < 1'700'000'020'000; t += 1000) {
    whole.Step(t);
    whole.PublishValues(expected);
    apart.StepFamilies(t, split, apart.family_count(), scratch_b);  // either order
    apart.StepFamilies(t, 0, split, scratch_a);
    apart.PublishFamilyValues(0, split, std::span<double>(values.data(), at));
    apart.PublishFamilyValues(split, apart.family_count(),
                              std::span<double>(values.data() + at, values.size() - at));
    ASSERT_EQ(values.size(), expected.size());
    for (size_t i = 0; i < values.size(); ++i) {
      EXPECT_EQ(std::bit_cast<uint64_t>(values[i]), std::bit_cast<uint64_t>(expected[i])) << t << " " << i;
    }
  }
}

TEST(EngineTest, NoConcurrentSplitWithAnOverrideAPluginKindOrOneFamily) {
  struct Nothing final : SeriesOverride {
    void BeginStep(int64_t) noexcept override {}
    void Apply(size_t, const TickContext&, std::span<double>, std::span<double>) noexcept override {}
  };
  Engine overridden(Load(kMixed), kRegistry);
  EXPECT_GT(overridden.ConcurrentSplit(), 0u);
  overridden.SetOverride(std::make_unique<Nothing>());
  EXPECT_EQ(overridden.ConcurrentSplit(), 0u);

  GeneratorRegistry with_plugin = GeneratorRegistry::WithBuiltins();
  GeneratorKind foreign = *with_plugin.Find("uniform");
  foreign.name = "some_plugin_function";
  foreign.foreign = true;
  with_plugin.Add(foreign);
  EXPECT_EQ(Engine(Load(kMixed), with_plugin).ConcurrentSplit(), 0u);

  EXPECT_EQ(Engine(Load("metrics:\n  - {name: one, labels: {i: \"0..9\"}, generator: {kind: uniform}}\n"),
                   kRegistry)
                .ConcurrentSplit(),
            0u);
}

TEST(EngineTest, StatelessOnlyWhenEveryFamilyDependsOnTheTickAlone) {
  auto stateless = [](const std::string& generator, const std::string& extra = "") {
    return Engine(Load("metrics:\n  - {name: m, " + extra + "generator: " + generator + "}\n"), kRegistry)
        .Stateless();
  };
  EXPECT_TRUE(stateless("{kind: constant, value: 1}"));
  EXPECT_TRUE(
      stateless("{kind: uniform, stages: [{anomaly: {pattern: step, factor: 2, recovery_time: 3}}, {noise: "
                "{scale: 1}}, {round: 2}]}"));
  EXPECT_TRUE(stateless("{kind: sum, terms: [{kind: sine}, {kind: pulse}, {kind: gaussian}]}"));
  EXPECT_TRUE(stateless("{kind: uniform}", "type: counter, mode: total, "));
  EXPECT_FALSE(stateless("{kind: random_walk}"));
  EXPECT_FALSE(stateless("{kind: sum, terms: [{kind: sine}, {kind: random_walk}]}"));
  EXPECT_FALSE(stateless("{kind: random_walk, stages: [{round: 1}]}"));
  EXPECT_FALSE(stateless("{kind: uniform}", "type: counter, "));
  EXPECT_FALSE(stateless("{kind: uniform}", "advance: scrape, "));
  EXPECT_FALSE(
      Engine(Load("metrics:\n  - {name: h, type: histogram, buckets: [1], observations: {kind: uniform}}\n"),
             kRegistry)
          .Stateless());

  struct Nothing final : SeriesOverride {
    void BeginStep(int64_t) noexcept override {}
    void Apply(size_t, const TickContext&, std::span<double>, std::span<double>) noexcept override {}
  };
  Engine overridden(Load(kMixed), kRegistry);
  overridden.SetOverride(std::make_unique<Nothing>());
  EXPECT_FALSE(overridden.Stateless());
  GeneratorRegistry with_plugin = GeneratorRegistry::WithBuiltins();
  GeneratorKind foreign = *with_plugin.Find("uniform");
  foreign.name = "some_plugin_function";
  foreign.foreign = true;
  with_plugin.Add(foreign);
  EXPECT_FALSE(
      Engine(Load("metrics:\n  - {name: c, generator: {kind: constant}}\n"), with_plugin).Stateless());
}

TEST(EngineTest, AdoptStateKeepsCountersOfUnchangedFamilies) {
  Engine old_engine(Load(kMixed), kRegistry);
  for (int64_t t = 0; t < 5; ++t) old_engine.Step(1'700'000'000'000 + t * 1000);
  const double counted = old_engine.Publish()->values[10];

  Engine fresh(Load(std::string(kMixed) + "  - {name: extra, generator: {kind: constant, value: 3}}\n"),
               kRegistry);
  EXPECT_EQ(fresh.AdoptState(old_engine), 2u);
  fresh.Step(1'700'000'005'000);
  EXPECT_GT(fresh.Publish()->values[10], counted);

  Engine changed(Load(R"(
global: {seed: 7, tick: 1s}
metrics:
  - {name: c, type: counter, labels: {i: "0..9"}, generator: {kind: uniform, low: 1, high: 3}}
)"),
                 kRegistry);
  EXPECT_EQ(changed.AdoptState(old_engine), 0u);  // the generator changed: the counter starts over
}

TEST(EngineTest, RefusesTooManySeriesWithTheCount) {
  try {
    Engine engine(Load("metrics:\n  - {name: g, labels: {a: \"0..999\", b: \"0..999\"}, generator: {kind: "
                       "constant}}\n"),
                  kRegistry, EngineLimits{500'000});
    FAIL() << "expected a refusal";
  } catch (const ConfigErrors& errors) {
    EXPECT_EQ(
        std::string(errors.what()),
        "t.yml: metrics: the config expands to 1000000 series, more than the limit \"1000000\" (allowed: at "
        "most 500000 series (raise --limits.max-series or shrink the label lists))");
  }
}

TEST(EngineTest, InvalidGeneratorIsAConfigError) {
  EXPECT_THROW(
      Engine(Load("metrics:\n  - {name: g, generator: {kind: uniform, low: 3, high: 1}}\n"), kRegistry),
      ConfigErrors);
}

TEST(EngineTest, SnapshotIsImmutableWhileTheEngineMovesOn) {
  Engine engine(Load(kMixed), kRegistry);
  engine.Step(1'700'000'000'000);
  const auto held = engine.Publish();
  const std::vector<double> copy = held->values;
  for (int64_t t = 1; t < 10; ++t) {
    engine.Step(1'700'000'000'000 + t * 1000);
    engine.Publish();
  }
  EXPECT_EQ(held->values, copy);
  EXPECT_EQ(held->time_ms, 1'700'000'000'000);
}

}  // namespace
}  // namespace promsynth
