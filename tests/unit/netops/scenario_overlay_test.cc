#include "netops/scenario_overlay.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "config/config_error.h"
#include "config/yaml_config_loader.h"
#include "config/yaml_config_writer.h"
#include "engine/engine.h"
#include "netops/netops_simulator.h"
#include "netops/netops_to_config.h"
#include "netops_test_support.h"
#include "signal/generator_registry.h"
#include "signal/stale_marker.h"

namespace promsynth::netops {
namespace {

using testing::ExampleConfig;
using ::testing::HasSubstr;

constexpr int64_t kSecond = 1000;

struct OverlayRun {
  explicit OverlayRun(const Config& loaded)
      : config(loaded), engine(config, GeneratorRegistry::WithBuiltins()) {
    auto made = std::make_unique<ScenarioOverlay>(config, *engine.layout());
    overlay = made.get();
    engine.SetOverride(std::move(made));
  }
  /// Steps global tick k (1 s ticks from an arbitrary origin) and returns the values.
  std::vector<double> Step(int64_t k) {
    engine.Step(kOrigin + k * kSecond);
    return engine.Publish()->values;
  }
  static constexpr int64_t kOrigin = 1'700'000'000'000;

  Config config;
  Engine engine;
  ScenarioOverlay* overlay = nullptr;
};

// The netops example imported as YAML (through the writer and the loader) runs the original's
// timeline tick for tick, with every metric pinned to its peak exactly when the original pins it.
TEST(ScenarioOverlayTest, ImportedNetopsExampleReplaysTheOriginalTickForTick) {
  const NetopsConfig netops = ExampleConfig();
  const Config config =
      ParseYamlConfig(WriteYamlConfig(NetopsToConfig(netops, "example.json")), "example.yml");
  ASSERT_EQ(config.scenario_groups.size(), 1u);
  OverlayRun run(config);
  NetopsSimulator original(netops, 0);
  int pinned_ticks = 0;
  for (int64_t k = 0; k < 400; ++k) {
    const std::vector<double> values = run.Step(k);
    const TickResult& expected = original.Tick();
    ASSERT_EQ(run.overlay->machine(0).active_scenario(), expected.active_scenario) << "tick " << k;
    for (size_t m = 0; m < netops.metrics.size(); ++m) {
      const MetricSample& sample = expected.samples[m];
      if (sample.phase != ErrorPhase::kSpike && sample.phase != ErrorPhase::kPinned) continue;
      ++pinned_ticks;
      if (config.metrics[m].type == MetricType::kGauge) {
        EXPECT_EQ(values[m], sample.value) << netops.metrics[m].name << " tick " << k;
      }
    }
  }
  EXPECT_GT(pinned_ticks, 400);  // the four metrics are pinned for a good share of the 400 ticks
}

TEST(ScenarioOverlayTest, EffectsApplyToAnySeries) {
  const Config config = ParseYamlConfig(R"(
metrics:
  - {name: level, generator: {kind: constant, value: 10}}
  - {name: gone, generator: {kind: constant, value: 5}}
  - {name: boosted, generator: {kind: constant, value: 10}}
  - {name: held, generator: {kind: ramp, start: 0, slope: 1}}
  - {name: served, type: counter, generator: {kind: constant, value: 2}}
scenario_groups:
  - name: demo
    error_rate: 0
    metrics:
      level: {effect: drop}
      gone: {effect: gap}
      boosted: {effect: spike, factor: 3}
      held: {effect: flatline}
      served_total: {effect: counter_reset}
    scenarios:
      - {name: outage, length: 6, at: 3s, metrics: {level: 0, gone: 0, boosted: 0, held: 0, served_total: 0}}
)",
                                        "effects.yml");
  OverlayRun run(config);
  std::vector<std::vector<double>> ticks;
  for (int64_t k = 0; k < 14; ++k) ticks.push_back(run.Step(k));
  const int64_t length = run.overlay->machine(0).error_length();
  ASSERT_GE(length, 4);  // int(gauss(6, 0.6)) from Random(42)
  for (int64_t k = 0; k < 14; ++k) {
    const bool in_error = k >= 3 && k < 3 + length;
    const std::vector<double>& v = ticks[static_cast<size_t>(k)];
    EXPECT_EQ(v[0], in_error ? 0 : 10) << k;
    EXPECT_EQ(IsStaleMarker(v[1]), in_error) << k;
    EXPECT_EQ(v[2], in_error ? 30 : 10) << k;
    if (in_error) {
      EXPECT_EQ(v[3], ticks[2][3]) << k;  // held at the last value before the window
    } else if (k > 0) {
      EXPECT_GT(v[3], ticks[static_cast<size_t>(k - 1)][3]) << k;
    }
    // The total restarts on the window's first tick (that tick's increment is added after it).
    EXPECT_EQ(v[4], k < 3 ? 2.0 * static_cast<double>(k + 1) : 2.0 * static_cast<double>(k - 3 + 1)) << k;
  }
}

TEST(ScenarioOverlayTest, EveryRepeatsAScheduledScenario) {
  const Config config = ParseYamlConfig(R"(
metrics:
  - {name: cpu, generator: {kind: constant, value: 50}}
scenario_groups:
  - name: cron
    metrics: {cpu: {value: 100}}
    scenarios:
      - {name: hourly, length: 2, every: 10s, metrics: {cpu: 0}}
)",
                                        "every.yml");
  OverlayRun run(config);
  std::vector<int64_t> starts;
  for (int64_t k = 0; k < 35; ++k) {
    run.Step(k);
    const ScenarioMachine& machine = run.overlay->machine(0);
    if (machine.active_scenario() && machine.steps() == 1) starts.push_back(k);
  }
  EXPECT_EQ(starts, (std::vector<int64_t>{10, 20, 30}));
}

TEST(ScenarioOverlayTest, LoaderReportsBadGroups) {
  try {
    ParseYamlConfig(R"(
metrics:
  - {name: cpu, generator: {kind: constant, value: 50}}
  - {name: hits, type: counter, generator: {kind: constant, value: 1}}
scenario_groups:
  - name: g
    error_rate: 1.5
    metrics:
      cpu: {effect: counter_reset}
      hits_total: {effect: gap}
      nope: {effect: pin, value: 1}
      pinned: {effect: pin}
      odd: {effect: melt}
    scenarios:
      - {name: s, length: 0, every: 0s, metrics: {cpu: 0, unknown: 3}}
)",
                    "bad.yml");
    FAIL() << "no error";
  } catch (const ConfigErrors& errors) {
    const std::string text = errors.what();
    EXPECT_THAT(text, HasSubstr("bad.yml:7:17: scenario_groups[0].error_rate: not a probability"));
    EXPECT_THAT(text, HasSubstr("scenario_groups[0].metrics.cpu: counter_reset applies to counters only"));
    EXPECT_THAT(text, HasSubstr("scenario_groups[0].metrics.hits_total: a gap applies to gauges only"));
    EXPECT_THAT(text, HasSubstr("scenario_groups[0].metrics.nope: no metric of that name"));
    EXPECT_THAT(text, HasSubstr("scenario_groups[0].metrics.pinned.value: a pin effect needs the value"));
    EXPECT_THAT(text, HasSubstr("scenario_groups[0].metrics.odd.effect: unknown scenario effect"));
    EXPECT_THAT(text, HasSubstr("scenario_groups[0].scenarios[0].length: the length must be positive"));
    EXPECT_THAT(text, HasSubstr("scenario_groups[0].scenarios[0].every: not a duration"));
    EXPECT_THAT(text,
                HasSubstr("scenario_groups[0].scenarios[0].metrics.unknown: not a metric of this group"));
  }
}

}  // namespace
}  // namespace promsynth::netops

namespace promsynth::netops {
namespace {

TEST(ScenarioOverlayTest, FindsScenariosByGroupQualifiedOrBareName) {
  const Config config = ParseYamlConfig(R"(
metrics:
  - {name: a, generator: {kind: constant, value: 1}}
scenario_groups:
  - name: edge/eu
    metrics: {a: {effect: drop}}
    scenarios: [{name: outage, length: 5, metrics: {a: 0}}, {name: cut/over, length: 5, metrics: {a: 0}}]
  - name: core
    metrics: {a: {effect: drop}}
    scenarios: [{name: outage, length: 5, metrics: {a: 0}}]
)",
                                        "groups.yml");
  OverlayRun run(config);
  using Refs = std::vector<std::pair<size_t, size_t>>;
  auto find = [&](std::string_view name) {
    Refs refs;
    for (const ScenarioOverlay::ScenarioRef& ref : run.overlay->Find(name))
      refs.emplace_back(ref.group, ref.scenario);
    return refs;
  };
  // Names are compared whole, so slashes inside a group's or a scenario's name are fine.
  EXPECT_EQ(find("outage"), (Refs{{0, 0}, {1, 0}}));
  EXPECT_EQ(find("edge/eu/outage"), (Refs{{0, 0}}));
  EXPECT_EQ(find("core/outage"), (Refs{{1, 0}}));
  EXPECT_EQ(find("cut/over"), (Refs{{0, 1}}));
  EXPECT_EQ(find("edge/eu/cut/over"), (Refs{{0, 1}}));
  EXPECT_EQ(find("core/cut/over"), Refs{});
  EXPECT_EQ(find("edge/outage"), Refs{});
  EXPECT_EQ(find(""), Refs{});
}

}  // namespace
}  // namespace promsynth::netops
