#include "engine/engine.h"

#include <algorithm>
#include <cmath>

#include "config/config_error.h"
#include "util/floor_div.h"

namespace promsynth {
std::vector<StreamKey> ComputeStreamKeys(uint64_t seed, const FamilyLayout& family) {
  std::vector<StreamKey> keys(family.series_count);
  const size_t depth = family.columns.size();
  // An odometer over the columns: prefix[c] is the key folded over columns 0..c-1, so a step
  // re-hashes only the columns whose digit changed (mostly the last one).
  std::vector<StreamKey> prefix(depth + 1);
  std::vector<size_t> digits;
  family.Digits(0, digits);  // a shard's slice starts part-way into the expansion
  prefix[0] = CombineKey(Mix64(seed), HashText(family.name));
  std::string scratch;
  auto refold = [&](size_t from) {
    for (size_t c = from; c < depth; ++c) {
      const LabelColumn& column = family.columns[c];
      if (column.is_constant) {
        prefix[c + 1] = prefix[c];
        continue;
      }
      scratch.assign(column.name);
      scratch += '=';
      column.values.AppendValue(digits[c], scratch);
      prefix[c + 1] = CombineKey(prefix[c], HashText(scratch));
    }
  };
  refold(0);
  for (size_t i = 0; i < family.series_count; ++i) {
    keys[i] = prefix[depth];
    refold(family.Advance(digits));
  }
  return keys;
}

void ResolveConfigGenerators(const Config& config, const GeneratorRegistry& registry,
                             std::vector<ConfigError>& errors) {
  for (size_t i = 0; i < config.metrics.size(); ++i) {
    ResolveMetricGenerators(config.metrics[i], registry, "metrics[" + std::to_string(i) + "]", errors);
  }
}

std::optional<ConfigError> SeriesLimitError(const Config& config, const EngineLimits& limits) {
  uint64_t total = 0;  // this shard's share: the limit bounds one replica
  for (const MetricConfig& metric : config.metrics) {
    const auto whole = static_cast<size_t>(metric.SeriesCount());
    total += limits.shard.End(whole) - limits.shard.Begin(whole);
  }
  if (total <= limits.max_series) return std::nullopt;
  return ConfigError{{config.source_file, 0, 0},
                     "metrics",
                     "the config expands to " + std::to_string(total) + " series" +
                         (limits.shard.IsWhole() ? "" : " in shard " + limits.shard.ToString()) +
                         ", more than the limit",
                     std::to_string(total),
                     "at most " + std::to_string(limits.max_series) +
                         " series (raise --limits.max-series or shrink the label lists)"};
}

Engine::Engine(const Config& config, const GeneratorRegistry& registry, const EngineLimits& limits)
    : config_(config) {
  if (auto too_many = SeriesLimitError(config, limits)) throw ConfigErrors({*too_many});
  std::vector<ConfigError> errors;
  ResolveConfigGenerators(config, registry, errors);
  if (!errors.empty()) throw ConfigErrors(std::move(errors));

  auto layout = std::make_shared<SeriesLayout>(BuildSeriesLayout(config, limits.shard));
  values_.assign(layout->value_count, 0.0);
  size_t largest = 0;
  families_.reserve(layout->families.size());
  for (size_t i = 0; i < layout->families.size(); ++i) {
    const FamilyLayout& family = layout->families[i];
    const MetricConfig& metric = config.metrics[i];
    FamilyState state;
    state.kernel =
        MakeFamilyKernel(metric, registry, "metrics[" + std::to_string(i) + "]", family.series_count);
    if (!metric.gaps.empty()) state.gaps = std::make_unique<SampleGaps>(metric.gaps);
    has_gaps_ = has_gaps_ || state.gaps != nullptr;
    if (std::find(tick_lengths_.begin(), tick_lengths_.end(), family.tick_ms) == tick_lengths_.end())
      tick_lengths_.push_back(family.tick_ms);
    state.keys = ComputeStreamKeys(config.global.seed, family);
    // A counter given as its total (`mode: total`) follows its generator, not a reset schedule.
    if (metric.type != MetricType::kGauge && metric.counter_mode != CounterMode::kTotal)
      state.resets = ResetSchedule(metric.resets);
    families_.push_back(std::move(state));
    if (family.type == MetricType::kCounter) largest = std::max(largest, family.series_count);
  }
  scratch_.assign(largest, 0.0);
  layout_ = std::move(layout);
  // Plugins are foreign code that may share state between instances: engines of a registry with
  // plugin kinds step on one thread only. Stages are all built in.
  builtin_kinds_only_ = std::none_of(registry.kinds().begin(), registry.kinds().end(),
                                     [](const GeneratorKind& kind) { return kind.foreign; });
}

void Engine::StepFamily(size_t index, int64_t tick_now, std::span<double> scratch, StepResult& result,
                        int64_t wall_ms) noexcept {
  const FamilyLayout& family = layout_->families[index];
  FamilyState& state = families_[index];
  if (state.started && tick_now <= state.last_tick) return;

  int64_t first_tick = tick_now;
  if (state.started) {
    const int64_t missed = tick_now - state.last_tick - 1;
    result.overruns += static_cast<uint64_t>(missed);
    if (state.kernel->CatchesUp())
      first_tick = std::max(state.last_tick + 1, tick_now - kMaxCatchUpTicks + 1);
  }
  std::span<double> values(values_.data() + family.first_series,
                           family.series_count * family.values_per_series);
  if (!state.started) state.times.created_ms = wall_ms != 0 ? wall_ms : (first_tick - 1) * family.tick_ms;
  for (int64_t tick = first_tick; tick <= tick_now; ++tick) {
    const TickContext context{tick, tick * family.tick_ms, family.tick_ms};
    state.kernel->Step(context, state.keys, values, scratch, tick == tick_now);
    if (!state.resets.empty() && state.resets.ResetsAt(tick, family.tick_ms))
      state.times.created_ms = wall_ms != 0 ? wall_ms : tick * family.tick_ms;
  }
  state.times.updated_ms = wall_ms != 0 ? wall_ms : tick_now * family.tick_ms;
  state.times.tick = tick_now;
  state.times.started = true;
  state.last_tick = tick_now;
  state.started = true;
  ++result.families_stepped;
}

void Engine::SetOverride(std::unique_ptr<SeriesOverride> override_stage) {
  override_ = std::move(override_stage);
  for (size_t i = 0; i < families_.size(); ++i) families_[i].kernel->SetOverride(override_.get(), i);
}

StepResult Engine::Step(int64_t now_ms) noexcept {
  StepResult result;
  if (override_) override_->BeginStep(now_ms);
  StepRange(now_ms, 0, families_.size(), scratch_, result);
  if (result.families_stepped > 0) {
    ++sequence_;
    last_step_ms_ = now_ms;
  }
  return result;
}

void Engine::StepRange(int64_t now_ms, size_t first, size_t last, std::span<double> scratch,
                       StepResult& result) noexcept {
  // Families mostly share one tick length: divide once per length change, not per family (a
  // 64-bit division per family and row was a measurable share of a batch run).
  int64_t tick_ms = 0;
  int64_t tick_now = 0;
  for (size_t i = first; i < last; ++i) {
    if (config_.metrics[i].advance != AdvanceMode::kTick) continue;
    const int64_t family_tick_ms = layout_->families[i].tick_ms;
    if (family_tick_ms != tick_ms) {
      tick_ms = family_tick_ms;
      tick_now = FloorDiv(now_ms, tick_ms);
    }
    StepFamily(i, tick_now, scratch, result);
  }
}

void Engine::StepFamilies(int64_t now_ms, size_t first, size_t last, std::span<double> scratch) noexcept {
  StepResult result;
  StepRange(now_ms, first, std::min(last, families_.size()), scratch, result);
}

size_t Engine::ConcurrentSplit() const {
  if (SteppedInOrderOnly() || families_.size() < 2) return 0;
  // The first family boundary at or past half of the values, kept inside (0, families).
  const size_t half = values_.size() / 2;
  size_t split = 1;
  while (split + 1 < families_.size() && FamilyValueOffset(split) < half) ++split;
  return split;
}

bool Engine::SteppedInOrderOnly() const {
  // The override's scenario timelines and plugins' foreign code may share state between
  // families; scrape-driven families step when scrapes come, not at sample times.
  return override_ || !builtin_kinds_only_ || advances_on_scrape();
}

bool Engine::Stateless() const {
  if (SteppedInOrderOnly()) return false;
  return std::all_of(families_.begin(), families_.end(),
                     [](const FamilyState& family) { return family.kernel->Stateless(); });
}

size_t Engine::FamilyValueOffset(size_t index) const {
  return index < families_.size() ? layout_->families[index].first_series : values_.size();
}

void Engine::PublishFamilyValues(size_t first, size_t last, std::span<double> out) const noexcept {
  last = std::min(last, families_.size());
  if (first >= last) return;
  const size_t begin = FamilyValueOffset(first);
  const size_t count = std::min(out.size(), FamilyValueOffset(last) - begin);
  std::copy_n(values_.begin() + static_cast<std::ptrdiff_t>(begin), count, out.begin());
  if (!has_gaps_) return;
  for (size_t i = first; i < last; ++i) {
    const FamilyLayout& family = layout_->families[i];
    const size_t offset = family.first_series - begin;
    const size_t size = family.series_count * family.values_per_series;
    if (offset + size <= count) ApplyGaps(i, out.subspan(offset, size));
  }
}

void Engine::ApplyGaps(size_t index, std::span<double> values) const noexcept {
  const FamilyState& state = families_[index];
  if (!state.gaps || !state.started) return;
  const FamilyLayout& family = layout_->families[index];
  state.gaps->Apply(state.last_tick, family.tick_ms, state.keys, family.values_per_series, values);
}

int64_t Engine::NextDueMs(int64_t now_ms) const {
  int64_t next = now_ms + 3'600'000;
  for (const int64_t tick_ms : tick_lengths_)
    next = std::min(next, (FloorDiv(now_ms, tick_ms) + 1) * tick_ms);
  return next;
}

std::shared_ptr<const Snapshot> Engine::Publish() {
  std::unique_ptr<Snapshot> snapshot = pool_->Take();
  snapshot->layout = layout_;
  PublishValues(snapshot->values);
  snapshot->time_ms = last_step_ms_;
  snapshot->sequence = sequence_;
  snapshot->family_times.resize(families_.size());
  for (size_t i = 0; i < families_.size(); ++i) snapshot->family_times[i] = families_[i].times;
  return pool_->Share(std::move(snapshot));
}

void Engine::PublishValues(std::vector<double>& values) const {
  values.assign(values_.begin(), values_.end());
  if (!has_gaps_) return;
  for (size_t i = 0; i < families_.size(); ++i) {
    const FamilyLayout& family = layout_->families[i];
    ApplyGaps(i, std::span<double>(values.data() + family.first_series,
                                   family.series_count * family.values_per_series));
  }
}

StepResult Engine::AdvanceOnScrape(int64_t now_ms) noexcept {
  StepResult result;
  if (override_) override_->BeginStep(now_ms);
  for (size_t i = 0; i < families_.size(); ++i) {
    const MetricConfig& metric = config_.metrics[i];
    FamilyState& state = families_[i];
    if (metric.advance == AdvanceMode::kTick) continue;
    if (metric.advance == AdvanceMode::kInterval && state.started &&
        now_ms - state.advanced_at_ms < metric.advance_interval.count()) {
      continue;
    }
    // Exactly one tick: StepFamily steps from last_tick + 1 to the tick that `now` falls in.
    const int64_t next_tick = state.started ? state.last_tick + 1 : 1;
    StepFamily(i, next_tick, scratch_, result, now_ms);
    state.advanced_at_ms = now_ms;
  }
  if (result.families_stepped > 0) {
    ++sequence_;
    last_step_ms_ = now_ms;
  }
  return result;
}

bool Engine::advances_on_scrape() const {
  return std::any_of(config_.metrics.begin(), config_.metrics.end(),
                     [](const MetricConfig& metric) { return metric.advance != AdvanceMode::kTick; });
}

size_t Engine::AdoptState(const Engine& old) {
  if (old.config_.global.seed != config_.global.seed) return 0;
  size_t adopted = 0;
  for (size_t i = 0; i < config_.metrics.size(); ++i) {
    for (size_t j = 0; j < old.config_.metrics.size(); ++j) {
      if (!config_.metrics[i].SameDefinition(old.config_.metrics[j])) continue;
      const FamilyLayout& mine = layout_->families[i];
      const FamilyLayout& theirs = old.layout_->families[j];
      std::copy_n(old.values_.begin() + static_cast<std::ptrdiff_t>(theirs.first_series),
                  mine.series_count * mine.values_per_series,
                  values_.begin() + static_cast<std::ptrdiff_t>(mine.first_series));
      families_[i].kernel->AdoptState(*old.families_[j].kernel);
      families_[i].last_tick = old.families_[j].last_tick;
      families_[i].started = old.families_[j].started;
      families_[i].advanced_at_ms = old.families_[j].advanced_at_ms;
      families_[i].times = old.families_[j].times;
      ++adopted;
      break;
    }
  }
  return adopted;
}

}  // namespace promsynth
