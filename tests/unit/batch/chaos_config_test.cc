#include "batch/chaos_config.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/config_error.h"
#include "unit/batch/batch_test_support.h"

namespace promsynth {
namespace {

using ::testing::HasSubstr;

/// The error text for `toml`, or "" when it parses.
std::string ErrorsOf(const std::string& toml) {
  try {
    ParseChaosToml(toml, "c.toml");
  } catch (const ConfigErrors& errors) {
    return errors.what();
  }
  return "";
}

constexpr const char* kHead = "[general]\nnum_samples = 10\nseed = 7\n[metrics]\n[metrics.m]\nvalue = 5\n";

TEST(ChaosConfigTest, ReadsTheSeedExampleInFileOrder) {
  const ChaosConfig config = ParseChaosToml(testing::kSeedExampleToml, "config.toml");
  EXPECT_EQ(config.num_samples, 150);
  EXPECT_EQ(config.seed, 42u);
  EXPECT_FALSE(config.seed_is_random);
  EXPECT_FALSE(config.independent_noise);
  ASSERT_EQ(config.metrics.size(), 4u);
  // toml++ sorts keys; the CSV needs the file's order.
  EXPECT_EQ(config.metrics[0].name, "instances");
  EXPECT_EQ(config.metrics[1].name, "cpu_usage");
  EXPECT_EQ(config.metrics[2].name, "memory_usage_mb");
  EXPECT_EQ(config.metrics[3].name, "response_time_s");
  const ChaosMetric& instances = config.metrics[0];
  EXPECT_EQ(instances.value, 4.0);
  EXPECT_EQ(instances.step_size, 1.0);
  EXPECT_EQ(instances.noise, "exponential");
  EXPECT_EQ(instances.smoothing_window, 30);
  ASSERT_EQ(instances.noise_args.size(), 1u);
  EXPECT_EQ(instances.noise_args[0].first, "scale");
  EXPECT_EQ(instances.noise_args[0].second, 0.48);
  ASSERT_TRUE(instances.anomaly.has_value());
  EXPECT_EQ(instances.anomaly->pattern, "step");
  EXPECT_EQ(instances.anomaly->at, 40);
  EXPECT_EQ(instances.anomaly->recovery_time, 20);
  EXPECT_EQ(instances.anomaly->factor, 2.0);
  const ChaosMetric& cpu = config.metrics[1];
  ASSERT_EQ(cpu.noise_args.size(), 2u);
  EXPECT_EQ(cpu.noise_args[0].first, "loc");
  EXPECT_EQ(cpu.noise_args[1].first, "scale");
  EXPECT_EQ(config.metrics[2].anomaly->frequency, 0.3);
  EXPECT_FALSE(cpu.anomaly->frequency.has_value());
  EXPECT_EQ(config.metrics[3].step_size, 0.00001);
  EXPECT_EQ(config.metrics[3].smoothing_window, 1);
}

TEST(ChaosConfigTest, DetectsChaosTomlByContent) {
  EXPECT_TRUE(LooksLikeChaosToml(testing::kSeedExampleToml));
  EXPECT_TRUE(LooksLikeChaosToml("[general]\n[metrics]\n"));
  EXPECT_FALSE(LooksLikeChaosToml("global:\n  seed: 1\nmetrics: []\n"));
  EXPECT_FALSE(LooksLikeChaosToml("# [general] [metrics.x]\n"));
}

TEST(ChaosConfigTest, SeedZeroOrMissingMeansRandomAndAChosenSeedIsKept) {
  ChaosConfig zero =
      ParseChaosToml("[general]\nnum_samples = 3\nseed = 0\n[metrics]\n[anomalies]\n", "c.toml");
  EXPECT_TRUE(zero.seed_is_random);
  EXPECT_TRUE(ChooseRandomSeed(zero));
  EXPECT_GE(zero.seed, 1u);
  EXPECT_LE(zero.seed, 1000u);
  ChaosConfig missing = ParseChaosToml("[general]\nnum_samples = 3\n[metrics]\n[anomalies]\n", "c.toml");
  EXPECT_TRUE(missing.seed_is_random);
  ChaosConfig fixed =
      ParseChaosToml("[general]\nnum_samples = 3\nseed = 5\n[metrics]\n[anomalies]\n", "c.toml");
  EXPECT_FALSE(ChooseRandomSeed(fixed));
  EXPECT_EQ(fixed.seed, 5u);
}

TEST(ChaosConfigTest, IndependentNoiseIsAnOptIn) {
  const ChaosConfig config = ParseChaosToml(
      "[general]\nnum_samples = 3\nseed = 1\nindependent_noise = true\n[metrics]\n[anomalies]\n", "c.toml");
  EXPECT_TRUE(config.independent_noise);
}

TEST(ChaosConfigTest, AnomaliesOfUnknownMetricsAreIgnoredAndZeroRecoveryIsANoOp) {
  const ChaosConfig config = ParseChaosToml(
      std::string(kHead) +
          "[anomalies]\n[anomalies.ghost]\nat = 100\nanomaly_factor = 2\npattern = \"nope\"\nrecovery_time = "
          "1\n"
          "[anomalies.m]\nat = 2\nanomaly_factor = 3\npattern = \"linear\"\nrecovery_time = 0\n",
      "c.toml");
  ASSERT_TRUE(config.metrics[0].anomaly.has_value());
  EXPECT_EQ(config.metrics[0].anomaly->recovery_time, 0);
}

TEST(ChaosConfigTest, WindowBeyondTheRunIsRefusedWithItsLine) {
  const std::string errors = ErrorsOf(std::string(kHead) +
                                      "[anomalies]\n[anomalies.m]\nat = 8\nanomaly_factor = 2\n"
                                      "pattern = \"linear\"\nrecovery_time = 3\n");
  EXPECT_THAT(errors, HasSubstr("c.toml:12:"));
  EXPECT_THAT(errors, HasSubstr("anomalies.m.recovery_time"));
  EXPECT_THAT(errors, HasSubstr("at + recovery_time = 11 is beyond num_samples = 10"));
}

TEST(ChaosConfigTest, ExponentialWithOneSampleRecoveryIsRefusedInsteadOfNaN) {
  const std::string errors = ErrorsOf(std::string(kHead) +
                                      "[anomalies]\n[anomalies.m]\nat = 1\nanomaly_factor = 2\n"
                                      "pattern = \"exponential\"\nrecovery_time = 1\n");
  EXPECT_THAT(errors, HasSubstr("c.toml:12:"));
  EXPECT_THAT(errors, HasSubstr("NaN"));
}

TEST(ChaosConfigTest, UnknownPatternAndNoiseAreRefusedWithTheirLines) {
  const std::string errors = ErrorsOf(
      "[general]\nnum_samples = 10\n[metrics]\n[metrics.m]\nvalue = 1\nnoise = \"pink\"\n"
      "noise_args = {}\n[anomalies]\n[anomalies.m]\nat = 1\nanomaly_factor = 2\npattern = \"zigzag\"\n"
      "recovery_time = 2\n");
  EXPECT_THAT(errors, HasSubstr("c.toml:6:9: metrics.m.noise: unknown noise"));
  EXPECT_THAT(errors, HasSubstr("\"pink\""));
  EXPECT_THAT(errors, HasSubstr("c.toml:12:11: anomalies.m.pattern: unknown pattern"));
  EXPECT_THAT(errors, HasSubstr("linear, exponential, oscillating, step"));
}

TEST(ChaosConfigTest, MissingNumSamplesAnomaliesAndNoiseArgsAreRefused) {
  EXPECT_THAT(ErrorsOf("[general]\nseed = 1\n[metrics]\n[anomalies]\n"),
              HasSubstr("general.num_samples: missing"));
  EXPECT_THAT(ErrorsOf(kHead), HasSubstr("anomalies: missing [anomalies] table"));
  EXPECT_THAT(ErrorsOf(std::string(kHead) + "noise = \"gaussian\"\n[anomalies]\n"),
              HasSubstr("c.toml:5:1: metrics.m.noise_args: noise is set but noise_args is missing"));
}

TEST(ChaosConfigTest, NoiseArgumentsAreCheckedAsNumpyWould) {
  const std::string wrong_arg =
      ErrorsOf(std::string(kHead) + "noise = \"exponential\"\nnoise_args = {\"loc\" = 1}\n[anomalies]\n");
  EXPECT_THAT(wrong_arg, HasSubstr("c.toml:8:"));
  EXPECT_THAT(wrong_arg, HasSubstr("numpy's exponential() takes no argument loc"));
  EXPECT_THAT(
      ErrorsOf(std::string(kHead) + "noise = \"gaussian\"\nnoise_args = {\"scale\" = -1}\n[anomalies]\n"),
      HasSubstr("negative scale"));
  EXPECT_THAT(ErrorsOf(std::string(kHead) +
                       "noise = \"gaussian\"\nnoise_args = {\"smoothing_window\" = 0}\n[anomalies]\n"),
              HasSubstr("metrics.m.noise_args.smoothing_window"));
  EXPECT_THAT(ErrorsOf(std::string(kHead) +
                       "noise = \"gaussian\"\nnoise_args = {\"smoothing_window\" = 11}\n[anomalies]\n"),
              HasSubstr("1 to 10"));
}

TEST(ChaosConfigTest, TomlSyntaxErrorsAndBadNamesCarryTheirPosition) {
  EXPECT_THAT(ErrorsOf("[general]\nnum_samples = = 3\n"), HasSubstr("c.toml:2:"));
  EXPECT_THAT(
      ErrorsOf("[general]\nnum_samples = 3\n[metrics]\n[metrics.\"cpu-usage\"]\nvalue = 1\n[anomalies]\n"),
      HasSubstr("not a valid Prometheus metric name"));
  EXPECT_THAT(ErrorsOf("[general]\nnum_samples = 3\n[metrics]\n[metrics.m]\nvalue = \"high\"\n[anomalies]\n"),
              HasSubstr("c.toml:5:9: metrics.m.value: not a finite number"));
}

// Found writing chaos_toml_fuzz (its corpus keeps the case): at + recovery_time overflowed int64_t
// (undefined behaviour) when both were near its maximum; the check now cannot overflow and the
// message gives the exact sum.
TEST(ChaosConfigTest, HugeAtAndRecoveryTimeAreRefusedWithoutOverflow) {
  const std::string max = "9223372036854775807";
  const std::string toml = "[general]\nnum_samples = " + max +
                           "\n[metrics.m]\nvalue = 1\n[anomalies.m]\nat = " + max +
                           "\nanomaly_factor = 2\npattern = \"step\"\nrecovery_time = " + max + "\n";
  EXPECT_THAT(ErrorsOf(toml), HasSubstr("c.toml:9:17: anomalies.m.recovery_time: at + recovery_time = "
                                        "18446744073709551614 is beyond num_samples = " +
                                        max));
  EXPECT_EQ(ErrorsOf("[general]\nnum_samples = " + max + "\n[metrics.m]\nvalue = 1\n[anomalies.m]\nat = " +
                     max + "\nanomaly_factor = 2\npattern = \"step\"\nrecovery_time = 0\n"),
            "");
}

}  // namespace
}  // namespace promsynth
