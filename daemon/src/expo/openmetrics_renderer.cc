#include "expo/openmetrics_renderer.h"

#include "expo/exemplar.h"
#include "expo/openmetrics_value.h"
#include "expo/text_to_openmetrics.h"
#include "signal/stale_marker.h"

namespace promsynth {
namespace {

std::string_view OpenMetricsTypeName(MetricType type) {
  switch (type) {
    case MetricType::kCounter:
      return "counter";
    case MetricType::kHistogram:
      return "histogram";
    case MetricType::kSummary:
      return "summary";
    case MetricType::kGauge:
      break;
  }
  return "gauge";
}

// The family's name in OpenMetrics: a counter's without the `_total` of its samples.
std::string_view BaseName(const FamilyLayout& family) {
  std::string_view name = family.name;
  if (family.type == MetricType::kCounter && name.ends_with("_total")) name.remove_suffix(6);
  return name;
}

}  // namespace

OpenMetricsRenderer::OpenMetricsRenderer(size_t chunk_bytes) : chunk_bytes_(chunk_bytes) {
  buffer_.reserve(chunk_bytes_ + 4096);
}

bool OpenMetricsRenderer::Flush(ByteSink& sink) {
  if (buffer_.empty()) return true;
  const bool ok = sink.Write(buffer_);
  buffer_.clear();
  return ok;
}

bool OpenMetricsRenderer::Finish(ByteSink& sink) {
  buffer_ += "# EOF\n";
  return Flush(sink);
}

bool OpenMetricsRenderer::RenderText(std::string_view text, ByteSink& sink) {
  AppendTextAsOpenMetrics(buffer_, text);
  return MaybeFlush(sink);
}

bool OpenMetricsRenderer::RenderSnapshot(const Snapshot& snapshot, ByteSink& sink) {
  const std::vector<FamilyLayout>& families = snapshot.layout->families;
  const bool timed = snapshot.family_times.size() == families.size();
  for (size_t f = 0; f < families.size(); ++f) {
    const FamilyLayout& family = families[f];
    const FamilyTimes* times =
        timed && snapshot.family_times[f].started ? &snapshot.family_times[f] : nullptr;
    if (!RenderFamily(family, times, snapshot.values.data() + family.first_series, sink)) return false;
  }
  return true;
}

void OpenMetricsRenderer::AppendCreated(std::string_view base, const FamilyTimes* times) {
  if (times == nullptr) return;
  buffer_ += base;
  buffer_ += "_created";
  buffer_ += line_.labels();
  AppendSecondsTimestamp(buffer_, times->created_ms);
  buffer_ += '\n';
}

bool OpenMetricsRenderer::RenderFamily(const FamilyLayout& family, const FamilyTimes* times,
                                       const double* values, ByteSink& sink) {
  const std::string_view base = BaseName(family);
  buffer_ += "# TYPE ";
  buffer_ += base;
  buffer_ += ' ';
  buffer_ += OpenMetricsTypeName(family.type);
  buffer_ += '\n';
  if (!family.unit.empty()) {
    buffer_ += "# UNIT ";
    buffer_ += base;
    buffer_ += ' ';
    buffer_ += family.unit;
    buffer_ += '\n';
  }
  if (!family.help.empty()) {
    buffer_ += "# HELP ";
    buffer_ += base;
    buffer_ += ' ';
    AppendOpenMetricsEscaped(buffer_, family.help);
    buffer_ += '\n';
  }
  if (family.type == MetricType::kHistogram || family.type == MetricType::kSummary) {
    return RenderSampledFamily(family, times, values, sink);
  }

  const bool counter = family.type == MetricType::kCounter;
  const bool exemplars = counter && times != nullptr && !family.exemplars.empty();
  line_.Start(family, family.name);
  for (size_t i = 0; i < family.series_count; ++i) {
    // OpenMetrics allows a counter total neither NaN nor below zero (the text format does): a
    // counter sample that `gaps:` turned into NaN or -Inf is left out of this scrape, a gap.
    const bool allowed = !counter || values[i] >= 0;
    if (allowed && !IsStaleMarker(values[i])) {
      buffer_ += line_.text();
      AppendOpenMetricsValue(buffer_, values[i]);
      if (exemplars && values[i] > 0)
        AppendExemplar(buffer_, family, {i, times->tick, 0}, 1.0, times->updated_ms);
      buffer_ += '\n';
      if (counter) AppendCreated(base, times);
      if (!MaybeFlush(sink)) return false;
    }
    line_.Next(family);
  }
  return MaybeFlush(sink);
}

bool OpenMetricsRenderer::RenderSampledFamily(const FamilyLayout& family, const FamilyTimes* times,
                                              const double* values, ByteSink& sink) {
  const bool histogram = family.type == MetricType::kHistogram;
  const std::vector<double>& bounds = histogram ? family.buckets : family.quantiles;
  sample_labels_.resize(bounds.size() + (histogram ? 1 : 0));
  for (size_t b = 0; b < bounds.size(); ++b) {
    sample_labels_[b].assign(histogram ? "le=\"" : "quantile=\"");
    AppendOpenMetricsValue(sample_labels_[b], bounds[b]);
    sample_labels_[b] += '"';
  }
  if (histogram) sample_labels_.back().assign("le=\"+Inf\"");

  const bool exemplars = histogram && times != nullptr && !family.exemplars.empty();
  const size_t stride = family.values_per_series;
  const size_t count_index = bounds.size();
  const std::string_view name = family.name;
  line_.Start(family, family.name);
  for (size_t i = 0; i < family.series_count; ++i) {
    const double* own = values + i * stride;
    if (!IsStaleMarker(own[count_index])) {
      const std::string_view labels = line_.labels();
      const std::string_view open = line_.open_labels();
      const bool has_labels = open.size() > 1;
      // One line per bucket (`+Inf` last, which is the count) or quantile.
      for (size_t b = 0; b < sample_labels_.size(); ++b) {
        const double value = b < count_index ? own[b] : own[count_index];
        buffer_ += name;
        if (histogram) buffer_ += "_bucket";
        buffer_ += open;
        if (has_labels) buffer_ += ',';
        buffer_ += sample_labels_[b];
        buffer_ += "} ";
        AppendOpenMetricsValue(buffer_, value);
        if (exemplars && value - (b == 0 ? 0.0 : own[b - 1]) > 0) {
          const ExemplarPosition position{i, times->tick, b + 1};
          AppendExemplar(buffer_, family, position, ExemplarBucketValue(family, position), times->updated_ms);
        }
        buffer_ += '\n';
      }
      buffer_ += name;
      buffer_ += "_count";
      buffer_ += labels;
      AppendOpenMetricsValue(buffer_, own[count_index]);
      buffer_ += '\n';
      buffer_ += name;
      buffer_ += "_sum";
      buffer_ += labels;
      AppendOpenMetricsValue(buffer_, own[count_index + 1]);
      buffer_ += '\n';
      AppendCreated(name, times);
      if (!MaybeFlush(sink)) return false;
    }
    line_.Next(family);
  }
  return MaybeFlush(sink);
}

}  // namespace promsynth
