#include "netops/netops_simulator.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "compat/python_float_format.h"
#include "netops_test_support.h"

namespace promsynth::netops {
namespace {

using testing::ExampleConfig;
using testing::ExampleWith;

constexpr uint64_t kSeed = 20260423;
// Config order of the example: cpu_utilization, throughput, packet_loss, latency.
constexpr size_t kCpu = 0;
constexpr size_t kThroughput = 1;
constexpr size_t kPacketLoss = 2;
constexpr size_t kLatency = 3;

TEST(NetopsSimulatorTest, PinnedCpuSamplePrintsTheIntegerBound) {
  NetopsSimulator simulator(ExampleConfig(), kSeed);
  // Scenario #1 starts at tick 1 with E = 80; cpu starts at offset 30 (L = 50, P = 24): pinned on
  // ticks 57..80.
  for (int tick = 0; tick <= 57; ++tick) simulator.Tick();
  const MetricSample& cpu = simulator.last().samples[kCpu];
  EXPECT_EQ(cpu.phase, ErrorPhase::kPinned);
  EXPECT_EQ(cpu.value, 100.0);
  EXPECT_EQ(cpu.source, ValueSource::kMax);
  EXPECT_TRUE(cpu.is_error);
  EXPECT_EQ(cpu.alert, "Operation - Chassis CPU Utilization (100) exceed Critical threshold (80.0)");
  EXPECT_EQ(simulator.ValueText(kCpu, cpu), "100");
}

TEST(NetopsSimulatorTest, PinnedBelowThresholdMetricSitsAtMin) {
  NetopsSimulator simulator(ExampleConfig(), kSeed);
  // throughput (type: false) starts at offset 0 of scenario #1 (L = 80, P = 38): pinned 43..80.
  for (int tick = 0; tick <= 44; ++tick) simulator.Tick();
  const MetricSample& throughput = simulator.last().samples[kThroughput];
  EXPECT_EQ(throughput.phase, ErrorPhase::kPinned);
  EXPECT_EQ(throughput.value, 0.0);
  EXPECT_EQ(throughput.alert, "Low Throughput (0) below threshold (3.0)");
}

TEST(NetopsSimulatorTest, NormalAlertPrintsAPythonFloatRepr) {
  NetopsSimulator simulator(ParseNetopsConfig(ExampleWith("\"error_rate\": 0.1", "\"error_rate\": 0")),
                            kSeed);
  int alerts = 0;
  for (int tick = 0; tick < 2000 && alerts < 20; ++tick) {
    const MetricSample& cpu = simulator.Tick().samples[kCpu];
    if (!cpu.alerting) {
      EXPECT_EQ(cpu.alert, "");
      continue;
    }
    ++alerts;
    ASSERT_EQ(cpu.source, ValueSource::kDraw);
    const std::string text = compat::FormatPythonFloat(cpu.value);
    EXPECT_NE(text.find('.'), std::string::npos);
    EXPECT_EQ(std::stod(text), cpu.value);
    EXPECT_EQ(cpu.alert,
              "Operation - Chassis CPU Utilization (" + text + ") exceed Critical threshold (80.0)");
  }
  EXPECT_EQ(alerts, 20);
}

TEST(NetopsSimulatorTest, EmptyAlertsNeverAlert) {
  const std::string body = ExampleWith(
      "\"alerts\": {\n        \"threshold\": 80,\n        \"alert\": \"Operation - Chassis CPU Utilization "
      "(StatReplace) exceed Critical threshold (80.0)\"\n      }",
      "\"alerts\": {}");
  NetopsSimulator simulator(ParseNetopsConfig(body), kSeed);
  EXPECT_FALSE(simulator.config().metrics[kCpu].alert.enabled);
  int pinned = 0;
  for (int tick = 0; tick < 3000; ++tick) {
    const MetricSample& cpu = simulator.Tick().samples[kCpu];
    pinned += cpu.phase == ErrorPhase::kPinned ? 1 : 0;
    EXPECT_FALSE(cpu.alerting);
    EXPECT_EQ(cpu.alert, "");
  }
  EXPECT_GT(pinned, 100);
}

TEST(NetopsSimulatorTest, ClampToFloatAndIntegerBoundsPrintsThemAsWritten) {
  const std::string body =
      R"({"metrics": {"a": {"metric": {"mu": -50, "sigma": 1, "noise": 0.0, "min": 0, "max": 10},
                             "alerts": {"threshold": 0, "alert": "low StatReplace StatReplace", "type": false}},
                       "b": {"metric": {"mu": 50, "sigma": 1, "noise": 0, "min": 0.1, "max": 10.0},
                             "alerts": {"threshold": 10, "alert": "high StatReplace"}},
                       "c": {"metric": {"mu": -50, "sigma": 1, "noise": 0, "min": 0.1, "max": 10.0},
                             "alerts": {"threshold": 0.1, "alert": "StatReplace", "type": 0}}},
          "error_scenarios": [], "error_rate": 0})";
  NetopsSimulator simulator(ParseNetopsConfig(body), kSeed);
  const TickResult& tick = simulator.Tick();
  EXPECT_EQ(tick.samples[0].value, 0.0);
  EXPECT_EQ(tick.samples[0].alert, "low 0 0");
  EXPECT_EQ(tick.samples[1].value, 10.0);
  EXPECT_EQ(tick.samples[1].alert, "high 10.0");
  EXPECT_EQ(tick.samples[2].alert, "0.1");
}

TEST(NetopsSimulatorTest, MinMaxEqualClampsToMaxLast) {
  const std::string body =
      R"({"metrics": {"a": {"metric": {"mu": 5, "sigma": 1, "noise": 0, "min": 5, "max": 5.0},
                             "alerts": {"threshold": 5, "alert": "StatReplace"}}},
          "error_scenarios": [], "error_rate": 0})";
  NetopsSimulator simulator(ParseNetopsConfig(body), kSeed);
  const MetricSample& sample = simulator.Tick().samples[0];
  EXPECT_EQ(sample.source, ValueSource::kMax);
  EXPECT_EQ(sample.alert, "5.0");
}

TEST(NetopsSimulatorTest, SameSeedSameValuesOtherSeedOtherValues) {
  NetopsSimulator a(ExampleConfig(), kSeed);
  NetopsSimulator b(ExampleConfig(), kSeed);
  NetopsSimulator c(ExampleConfig(), kSeed + 1);
  int differ = 0;
  for (int tick = 0; tick < 200; ++tick) {
    const TickResult& ta = a.Tick();
    const TickResult& tb = b.Tick();
    const TickResult& tc = c.Tick();
    for (size_t m = 0; m < 4; ++m) {
      EXPECT_EQ(ta.samples[m].value, tb.samples[m].value);
      EXPECT_EQ(ta.samples[m].phase, tc.samples[m].phase);  // the timeline ignores the seed
      differ += ta.samples[m].value != tc.samples[m].value ? 1 : 0;
    }
  }
  EXPECT_GT(differ, 300);
}

TEST(NetopsSimulatorTest, IsErrorModes) {
  NetopsSimulator pinned_only(ExampleConfig(), kSeed, IsErrorMode::kPinnedPhase);
  NetopsSimulator whole(ExampleConfig(), kSeed, IsErrorMode::kWholeWindow);
  std::string pinned_flags;
  std::string whole_flags;
  for (int tick = 0; tick <= 82; ++tick) {
    pinned_flags += pinned_only.Tick().samples[kCpu].is_error ? '1' : '0';
    whole_flags += whole.Tick().samples[kCpu].is_error ? '1' : '0';
  }
  // cpu in scenario #1: window ticks 31..80 (offset 30 from tick 1), pinned 57..80.
  EXPECT_EQ(whole_flags, std::string(31, '0') + std::string(50, '1') + "00");
  EXPECT_EQ(pinned_flags, std::string(57, '0') + std::string(24, '1') + "00");
}

TEST(NetopsSimulatorTest, NormalSamplesHaveTheConfiguredMoments) {
  NetopsSimulator simulator(ParseNetopsConfig(ExampleWith("\"error_rate\": 0.1", "\"error_rate\": 0")),
                            kSeed);
  constexpr int kTicks = 50000;
  double sum = 0;
  double sum_squares = 0;
  for (int tick = 0; tick < kTicks; ++tick) {
    const double value = simulator.Tick().samples[kCpu].value;
    sum += value;
    sum_squares += value * value;
  }
  const double mean = sum / kTicks;
  const double sd = std::sqrt(sum_squares / kTicks - mean * mean);
  EXPECT_NEAR(mean, 75.0, 0.1);            // standard error 0.018
  EXPECT_NEAR(sd, std::sqrt(17.0), 0.06);  // sqrt(4² + 1²); standard error 0.013
}

// Alert rates outside the metric's error window with the example config at error_rate 0.1 over
// 100,000 ticks (21,000 to 38,000 normal ticks per metric). Expected: P(N(75, 4.12) >= 80) = 11.3 %,
// P(N(1.5, 0.30) >= 2) = 4.8 %, P(N(5, 1.08) >= 7) = 3.2 %, P(N(200, 70.7) <= 30) = 0.81 %;
// tolerances are at least five standard errors (over 40 seeds the worst deviation was 0.4 of them).
TEST(NetopsSimulatorTest, AlertRatesInNormalOperation) {
  for (const uint64_t seed : {kSeed, uint64_t{7}}) {
    NetopsSimulator simulator(ExampleConfig(), seed);
    std::vector<int> normal(4);
    std::vector<int> alerting(4);
    for (int tick = 0; tick < 100000; ++tick) {
      const TickResult& result = simulator.Tick();
      for (size_t m = 0; m < 4; ++m) {
        if (result.samples[m].phase != ErrorPhase::kNormal) continue;
        ++normal[m];
        alerting[m] += result.samples[m].alerting ? 1 : 0;
      }
    }
    auto rate = [&](size_t m) { return alerting[m] / static_cast<double>(normal[m]); };
    EXPECT_GT(normal[kCpu], 10000);
    EXPECT_NEAR(rate(kCpu), 0.113, 0.014) << "seed " << seed;
    EXPECT_NEAR(rate(kPacketLoss), 0.048, 0.010) << "seed " << seed;
    EXPECT_NEAR(rate(kLatency), 0.032, 0.008) << "seed " << seed;
    EXPECT_NEAR(rate(kThroughput), 0.0081, 0.004) << "seed " << seed;
  }
}

TEST(NetopsSimulatorTest, ForcedScenarioThroughTheSimulator) {
  NetopsSimulator simulator(ParseNetopsConfig(ExampleWith("\"error_rate\": 0.1", "\"error_rate\": 0")),
                            kSeed);
  EXPECT_EQ(simulator.FindScenario("2"), 2u);
  EXPECT_EQ(simulator.FindScenario("3"), std::nullopt);
  simulator.Tick();
  simulator.RequestScenarioStart(2);
  const TickResult& first = simulator.Tick();
  EXPECT_EQ(first.event, ScenarioEvent::kStarted);
  EXPECT_TRUE(simulator.IsScenarioActive(2));
  EXPECT_FALSE(simulator.IsScenarioActive(0));
  EXPECT_EQ(first.samples[kCpu].phase == ErrorPhase::kNormal, false);
  bool saw_pinned_max = false;
  while (simulator.machine().in_error()) {
    const MetricSample& cpu = simulator.Tick().samples[kCpu];
    saw_pinned_max |= cpu.phase == ErrorPhase::kPinned && cpu.alert.find("(100)") != std::string::npos;
  }
  EXPECT_TRUE(saw_pinned_max);
  simulator.RequestScenarioStart(0);
  simulator.Tick();
  EXPECT_TRUE(simulator.RequestScenarioStopOf(0));
  EXPECT_FALSE(simulator.RequestScenarioStopOf(0));  // already ending: nothing more changes
  EXPECT_EQ(simulator.Tick().event, ScenarioEvent::kEnded);
  EXPECT_FALSE(simulator.IsScenarioActive(0));
}

TEST(NetopsSimulatorTest, RenderAlertReplacesEveryOccurrence) {
  EXPECT_EQ(RenderAlert("x StatReplace y StatReplace", "1.5"), "x 1.5 y 1.5");
  EXPECT_EQ(RenderAlert("no marker", "1.5"), "no marker");
  EXPECT_EQ(RenderAlert("StatReplaceStatReplace", "0"), "00");
}

}  // namespace
}  // namespace promsynth::netops
