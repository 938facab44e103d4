#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "config/config_error.h"
#include "config/yaml_config_loader.h"
#include "engine/engine.h"
#include "remote_write/remote_write_worker.h"
#include "remote_write/sample_enumeration.h"
#include "remote_write/write_request_encoder.h"

namespace promsynth {
namespace {

using namespace std::string_literals;

TEST(WriteRequestEncoderTest, EncodesOneSeriesAsTheProtobufWireFormat) {
  WriteRequestEncoder encoder;
  const LabelView labels[] = {{"__name__", "up"}, {"a", "b"}};
  encoder.AddSeries(labels, 1.0, 1000);
  // Worked out by hand from the remote write proto: Label{1:"__name__",2:"up"} is
  // 0a 08 "__name__" 12 02 "up" (14 bytes); Label{1:"a",2:"b"} is 0a 01 61 12 01 62 (6 bytes);
  // Sample{1: 1.0 as fixed64, 2: varint 1000 = e8 07} is 09 <00 00 00 00 00 00 f0 3f> 10 e8 07
  // (12 bytes); TimeSeries = 0a 0e <14> 0a 06 <6> 12 0c <12> = 38 bytes, in WriteRequest field 1.
  const std::string expected =
      "\x0a\x26"s                                                   // WriteRequest.timeseries, 38 bytes
      "\x0a\x0e\x0a\x08__name__\x12\x02up"s                         // labels[0]
      "\x0a\x06\x0a\x01\x61\x12\x01\x62"s                           // labels[1]
      "\x12\x0c\x09\x00\x00\x00\x00\x00\x00\xf0\x3f\x10\xe8\x07"s;  // samples[0]
  EXPECT_EQ(encoder.bytes(), expected);
  EXPECT_EQ(encoder.series(), 1u);
  encoder.Clear();
  EXPECT_TRUE(encoder.bytes().empty());
}

TEST(WriteRequestEncoderTest, VarintsOfEveryLength) {
  for (uint64_t value : {0ULL, 127ULL, 128ULL, 16383ULL, 16384ULL, ~0ULL}) {
    std::string out;
    AppendVarint(out, value);
    EXPECT_EQ(out.size(), VarintSize(value)) << value;
    uint64_t decoded = 0;
    for (size_t i = 0; i < out.size(); ++i) decoded |= static_cast<uint64_t>(out[i] & 0x7f) << (7 * i);
    EXPECT_EQ(decoded, value);
  }
  std::string out;
  AppendVarint(out, 300);
  EXPECT_EQ(out, "\xac\x02"s);  // the protobuf documentation's example
}

const GeneratorRegistry kRegistry = GeneratorRegistry::WithBuiltins();

TEST(SampleEnumerationTest, LabelsSortedWithTheNameAtItsPlaceAndTickAlignedTimes) {
  const Config config = ParseYamlConfig(R"(
global: {seed: 1, tick: 1s, labels: {env: test}}
metrics:
  - {name: g, labels: {zone: [a, b], Upper: [x]}, generator: {kind: constant, value: 3}}
  - {name: c_total, type: counter, tick: 10s, labels: {i: "1..3"}, generator: {kind: constant, value: 2}}
)",
                                        "t.yml");
  Engine engine(config, kRegistry);
  engine.Step(1'700'000'012'345);
  const auto snapshot = engine.Publish();
  std::vector<std::string> lines;
  EnumerateSamples(*snapshot, [&](std::span<const LabelView> labels, double value, int64_t time_ms) {
    std::string line;
    for (const LabelView& label : labels)
      line += std::string(label.name) + "=" + std::string(label.value) + ",";
    for (size_t i = 1; i < labels.size(); ++i) EXPECT_LT(labels[i - 1].name, labels[i].name) << line;
    lines.push_back(line + " " + std::to_string(value) + " @" + std::to_string(time_ms));
  });
  const std::vector<std::string> expected = {
      "Upper=x,__name__=g,env=test,zone=a, 3.000000 @1700000012000",
      "Upper=x,__name__=g,env=test,zone=b, 3.000000 @1700000012000",
      "__name__=c_total,env=test,i=1, 2.000000 @1700000010000",
      "__name__=c_total,env=test,i=2, 2.000000 @1700000010000",
      "__name__=c_total,env=test,i=3, 2.000000 @1700000010000",
  };
  EXPECT_EQ(lines, expected);
  EXPECT_EQ(CountSamples(*snapshot), 5u);
}

TEST(SampleEnumerationTest, AShardEnumeratesOnlyItsSlice) {
  const Config config = ParseYamlConfig(
      "metrics:\n  - {name: g, labels: {i: \"0..9\"}, generator: {kind: uniform}}\n", "t.yml");
  Engine engine(config, kRegistry, EngineLimits{.shard = {1, 2}});
  engine.Step(1'700'000'000'000);
  std::vector<std::string> ids;
  EnumerateSamples(*engine.Publish(), [&](std::span<const LabelView> labels, double, int64_t) {
    ids.emplace_back(labels[1].value);
  });
  EXPECT_EQ(ids, (std::vector<std::string>{"5", "6", "7", "8", "9"}));
}

std::vector<ConfigError> LoadErrors(const std::string& yaml) {
  try {
    ParseYamlConfig(yaml, "t.yml");
  } catch (const ConfigErrors& errors) {
    return errors.errors();
  }
  return {};
}

TEST(RemoteWriteConfigTest, ReadsEveryKey) {
  const Config config = ParseYamlConfig(R"(
metrics: [{name: g, generator: {kind: uniform}}]
remote_write:
  - url: http://127.0.0.1:9090/api/v1/write
    basic_auth: {username: u, password_file: /run/secret}
    headers: {X-Scope-OrgID: tenant-1}
    batch: {max_samples: 500}
    queue: {capacity: 10000, max_retries: 3, min_backoff: 100ms, max_backoff: 10s}
  - {url: "https://mimir/api/v1/push", bearer_token: abc}
)",
                                        "t.yml");
  ASSERT_EQ(config.remote_write.size(), 2u);
  const RemoteWriteConfig& first = config.remote_write[0];
  EXPECT_EQ(first.url, "http://127.0.0.1:9090/api/v1/write");
  EXPECT_EQ(first.username, "u");
  EXPECT_EQ(first.password_file, "/run/secret");
  ASSERT_EQ(first.headers.size(), 1u);
  EXPECT_EQ(first.headers[0].second, "tenant-1");
  EXPECT_EQ(first.max_samples, 500u);
  EXPECT_EQ(first.capacity, 10000u);
  EXPECT_EQ(first.max_retries, 3);
  EXPECT_EQ(first.min_backoff.count(), 100);
  EXPECT_EQ(first.max_backoff.count(), 10000);
  EXPECT_EQ(config.remote_write[1].bearer_token, "abc");
  EXPECT_EQ(config.remote_write[1].max_samples, 2000u);  // defaults
}

TEST(RemoteWriteConfigTest, BadEntriesNameTheKeyTheValueAndWhatIsAllowed) {
  const auto errors = LoadErrors(R"(
metrics: [{name: g, generator: {kind: uniform}}]
remote_write:
  - url: ftp://x
    bearer_token: a
    bearer_token_file: /b
    headers: {Content-Encoding: gzip}
    batch: {max_samples: 0}
    queue: {min_backoff: 5s, max_backoff: 1s, colour: red}
  - {url: http://x, basic_auth: {username: u}}
)");
  std::vector<std::string> keys;
  for (const ConfigError& error : errors) keys.push_back(error.key);
  for (const char* key :
       {"remote_write[0].url", "remote_write[0]", "remote_write[0].headers.Content-Encoding",
        "remote_write[0].batch.max_samples", "remote_write[0].queue.colour", "remote_write[0].queue",
        "remote_write[1].basic_auth"}) {
    EXPECT_NE(std::find(keys.begin(), keys.end(), key), keys.end()) << key;
  }
  for (const ConfigError& error : errors) {
    EXPECT_GT(error.location.line, 0) << error.key;
    EXPECT_FALSE(error.allowed.empty()) << error.key;
  }
}

TEST(RemoteWriteWorkerTest, NetworkErrorsAreRetriedThenCountedAsFailed) {
  // Nothing listens on port 1: every attempt is a connection error, retried max_retries times.
  RemoteWriteConfig target;
  target.url = "http://127.0.0.1:1/api/v1/write";
  target.max_retries = 2;
  target.min_backoff = std::chrono::milliseconds(1);
  target.max_backoff = std::chrono::milliseconds(2);
  std::atomic<uint64_t> sent{0}, failed{0}, dropped{0};
  const Config config = ParseYamlConfig(
      "metrics:\n  - {name: g, labels: {i: \"0..9\"}, generator: {kind: uniform}}\n", "t.yml");
  Engine engine(config, kRegistry);
  engine.Step(1'700'000'000'000);
  {
    RemoteWriteWorker worker(target, [&](uint64_t s, uint64_t f, uint64_t d) {
      sent += s;
      failed += f;
      dropped += d;
    });
    worker.Offer(engine.Publish());
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (failed < 10 && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::yield();
    }
  }
  EXPECT_EQ(sent, 0u);
  EXPECT_EQ(failed, 10u);
  EXPECT_EQ(dropped, 0u);
}

TEST(RemoteWriteWorkerTest, AFullQueueDropsTheOldestSnapshots) {
  RemoteWriteConfig target;
  target.url = "http://127.0.0.1:1/api/v1/write";
  target.capacity = 25;  // two snapshots of 10 samples fit, a third pushes out the oldest queued
  target.max_retries = 1000;
  target.min_backoff = std::chrono::milliseconds(1000);
  target.max_backoff = std::chrono::milliseconds(1000);
  std::atomic<uint64_t> dropped{0};
  const Config config = ParseYamlConfig(
      "metrics:\n  - {name: g, labels: {i: \"0..9\"}, generator: {kind: uniform}}\n", "t.yml");
  Engine engine(config, kRegistry);
  RemoteWriteWorker worker(target, [&](uint64_t, uint64_t, uint64_t d) { dropped += d; });
  // The worker takes the first snapshot and stays in its backoff; the queue then holds at most 2.
  for (int i = 0; i < 6; ++i) {
    engine.Step(1'700'000'000'000 + i * 1000);
    worker.Offer(engine.Publish());
  }
  // 6 offered, 1 taken by the worker (or 0 if it has not started yet), 2 queued: 3 or 4 dropped.
  EXPECT_GE(dropped.load(), 30u);
  EXPECT_LE(dropped.load(), 40u);
  auto oversized = engine.Publish();
  RemoteWriteConfig tiny = target;
  tiny.capacity = 5;
  std::atomic<uint64_t> tiny_dropped{0};
  RemoteWriteWorker small(tiny, [&](uint64_t, uint64_t, uint64_t d) { tiny_dropped += d; });
  small.Offer(oversized);  // larger than the whole queue: dropped at once
  EXPECT_EQ(tiny_dropped.load(), 10u);
}

}  // namespace
}  // namespace promsynth
