#include "expo/text_renderer.h"

#include "expo/sample_value.h"
#include "signal/stale_marker.h"

namespace promsynth {

void AppendEscapedHelp(std::string& out, std::string_view help) {
  for (char c : help) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
}

TextRenderer::TextRenderer(size_t chunk_bytes) : chunk_bytes_(chunk_bytes) {
  buffer_.reserve(chunk_bytes_ + 4096);
}

bool TextRenderer::Flush(ByteSink& sink) {
  if (buffer_.empty()) return true;
  const bool ok = sink.Write(buffer_);
  buffer_.clear();
  return ok;
}

bool TextRenderer::RenderText(std::string_view text, ByteSink& sink) {
  buffer_ += text;
  return MaybeFlush(sink);
}

bool TextRenderer::RenderSnapshot(const Snapshot& snapshot, ByteSink& sink) {
  for (const FamilyLayout& family : snapshot.layout->families) {
    if (!RenderFamily(family, snapshot.values.data() + family.first_series, sink)) return false;
  }
  return true;
}

bool TextRenderer::RenderFamily(const FamilyLayout& family, const double* values, ByteSink& sink) {
  buffer_ += "# HELP ";
  buffer_ += family.name;
  buffer_ += ' ';
  AppendEscapedHelp(buffer_, family.help);
  buffer_ += "\n# TYPE ";
  buffer_ += family.name;
  buffer_ += ' ';
  buffer_ += MetricTypeName(family.type);
  buffer_ += '\n';
  if (family.type == MetricType::kHistogram || family.type == MetricType::kSummary) {
    return RenderSampledFamily(family, values, sink);
  }

  line_.Start(family, family.name);
  for (size_t i = 0; i < family.series_count; ++i) {
    // A stale marker (promtool's `stale`, a sequence outside its range) means "no sample": the
    // series is left out of this scrape, so Prometheus marks it stale as for a vanished target.
    if (!IsStaleMarker(values[i])) {
      buffer_ += line_.text();
      AppendSampleValue(buffer_, values[i]);
      buffer_ += '\n';
      if (!MaybeFlush(sink)) return false;
    }
    line_.Next(family);
  }
  return MaybeFlush(sink);
}

bool TextRenderer::RenderSampledFamily(const FamilyLayout& family, const double* values, ByteSink& sink) {
  const bool histogram = family.type == MetricType::kHistogram;
  const std::vector<double>& bounds = histogram ? family.buckets : family.quantiles;
  // The extra label of each bucket or quantile line, e.g. `le="0.5"`, placed after the series'
  // own labels as prometheus-cpp places it.
  sample_labels_.resize(bounds.size() + (histogram ? 1 : 0));
  for (size_t b = 0; b < bounds.size(); ++b) {
    sample_labels_[b].assign(histogram ? "le=\"" : "quantile=\"");
    AppendSampleValue(sample_labels_[b], bounds[b]);
    sample_labels_[b] += '"';
  }
  if (histogram) sample_labels_.back().assign("le=\"+Inf\"");

  const size_t depth = family.columns.size();
  const size_t stride = family.values_per_series;
  const size_t count_index = bounds.size();
  const std::string_view name = family.name;
  line_.Start(family, family.name);
  for (size_t i = 0; i < family.series_count; ++i) {
    const double* own = values + i * stride;
    // A dropped or absent series has the stale marker in all its values.
    if (!IsStaleMarker(own[count_index])) {
      const std::string_view labels = line_.labels();  // `{…} ` or ` `
      const std::string_view open = line_.open_labels();
      auto sample = [&](std::string_view suffix, double value) {
        buffer_ += name;
        buffer_ += suffix;
        buffer_ += labels;
        AppendSampleValue(buffer_, value);
        buffer_ += '\n';
      };
      auto labelled = [&](std::string_view suffix, const std::string& extra, double value) {
        buffer_ += name;
        buffer_ += suffix;
        buffer_ += open;
        if (depth != 0) buffer_ += ',';
        buffer_ += extra;
        buffer_ += "} ";
        AppendSampleValue(buffer_, value);
        buffer_ += '\n';
      };
      sample("_count", own[count_index]);
      sample("_sum", own[count_index + 1]);
      for (size_t b = 0; b < bounds.size(); ++b)
        labelled(histogram ? "_bucket" : "", sample_labels_[b], own[b]);
      if (histogram) labelled("_bucket", sample_labels_.back(), own[count_index]);
      if (!MaybeFlush(sink)) return false;
    }
    line_.Next(family);
  }
  return MaybeFlush(sink);
}

}  // namespace promsynth
