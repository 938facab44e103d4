#include "faults/fault_injector.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <limits>

namespace promsynth {
namespace {

/// SplitMix64's finaliser: a well-mixed 64-bit hash of a counter.
uint64_t Mix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

/// A uniform number in [0, 1) from a hash.
double Unit(uint64_t hash) { return static_cast<double>(hash >> 11) * 0x1.0p-53; }

void TimeOrNull(rapidjson::Writer<rapidjson::StringBuffer>& writer, int64_t until_ms, int64_t now_ms) {
  // A pause without an end is shown as null too; "paused" says whether it is on.
  if (until_ms > now_ms && until_ms != std::numeric_limits<int64_t>::max()) {
    writer.Int64(until_ms);
  } else {
    writer.Null();
  }
}

}  // namespace

void FaultInjector::SetBaseline(const FaultSettings& settings, uint64_t seed) {
  std::lock_guard lock(mutex_);
  baseline_ = settings;
  seed_ = seed;
}

void FaultInjector::Pause() {
  std::lock_guard lock(mutex_);
  paused_until_ = std::numeric_limits<int64_t>::max();
}

void FaultInjector::Resume() {
  std::lock_guard lock(mutex_);
  paused_until_ = 0;
}

void FaultInjector::Apply(const FaultRequest& request, int64_t now_ms) {
  std::lock_guard lock(mutex_);
  overlay_ = Overlay(EffectiveLocked(now_ms), request);
  has_overlay_ = true;
  overlay_until_ = request.duration ? now_ms + request.duration->count() : 0;
  if (request.pause) paused_until_ = request.pause->count() > 0 ? now_ms + request.pause->count() : 0;
  if (request.down) down_until_ = now_ms + request.down->count();
}

void FaultInjector::Clear() {
  std::lock_guard lock(mutex_);
  has_overlay_ = false;
  overlay_until_ = 0;
  paused_until_ = 0;
  down_until_ = 0;
}

FaultSettings FaultInjector::EffectiveLocked(int64_t now_ms) const {
  if (!has_overlay_ || (overlay_until_ != 0 && now_ms >= overlay_until_)) return baseline_;
  return overlay_;
}

FaultSettings FaultInjector::Effective(int64_t now_ms) const {
  std::lock_guard lock(mutex_);
  return EffectiveLocked(now_ms);
}

ScrapeFault FaultInjector::NextScrape(int64_t now_ms) {
  std::lock_guard lock(mutex_);
  const FaultSettings settings = EffectiveLocked(now_ms);
  const uint64_t sequence = scrapes_++;
  ScrapeFault fault{settings.scrape_delay};
  // Two independent draws per scrape, keyed by (seed, sequence): reproducible from run to run.
  const uint64_t key = Mix(seed_ ^ Mix(sequence));
  fault.fail = settings.error_rate > 0 && Unit(Mix(key ^ 1)) < settings.error_rate;
  fault.truncate = !fault.fail && settings.truncate_rate > 0 && Unit(Mix(key ^ 2)) < settings.truncate_rate;
  failed_ += fault.fail ? 1 : 0;
  truncated_ += fault.truncate ? 1 : 0;
  return fault;
}

bool FaultInjector::Paused(int64_t now_ms) const {
  std::lock_guard lock(mutex_);
  return now_ms < paused_until_;
}

int64_t FaultInjector::ChurnGeneration(int64_t now_ms) const {
  const FaultSettings settings = Effective(now_ms);
  return settings.churn.count() > 0 ? now_ms / settings.churn.count() : -1;
}

int64_t FaultInjector::DownUntil(int64_t now_ms) const {
  std::lock_guard lock(mutex_);
  return down_until_ > now_ms ? down_until_ : 0;
}

std::string FaultInjector::StateJson(int64_t now_ms) const {
  std::lock_guard lock(mutex_);
  const FaultSettings settings = EffectiveLocked(now_ms);
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartObject();
  writer.Key("settings");
  writer.StartObject();
  writer.Key("scrape_delay");
  writer.String(FormatDuration(settings.scrape_delay).c_str());
  writer.Key("error_rate");
  writer.Double(settings.error_rate);
  writer.Key("truncate_rate");
  writer.Double(settings.truncate_rate);
  writer.Key("churn");
  writer.String(FormatDuration(settings.churn).c_str());
  writer.EndObject();
  writer.Key("paused");
  writer.Bool(now_ms < paused_until_);
  writer.Key("paused_until");
  TimeOrNull(writer, paused_until_, now_ms);
  writer.Key("down_until");
  TimeOrNull(writer, down_until_, now_ms);
  writer.Key("overlay_until");
  TimeOrNull(writer, has_overlay_ ? overlay_until_ : 0, now_ms);
  writer.Key("scrapes");
  writer.Uint64(scrapes_);
  writer.Key("failed");
  writer.Uint64(failed_);
  writer.Key("truncated");
  writer.Uint64(truncated_);
  writer.EndObject();
  return buffer.GetString();
}

}  // namespace promsynth
