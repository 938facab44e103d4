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
  buffer_ += family.type == MetricType::kCounter ? " counter\n" : " gauge\n";

  const size_t depth = family.columns.size();
  line_.assign(family.name);
  column_start_.assign(depth, 0);
  family.Digits(0, digits_);  // a shard starts part-way into the expansion
  // Rebuilds the line from column `from` onwards: `,label="value"` per column, then `} `.
  auto rebuild = [&](size_t from) {
    line_.resize(from == 0 ? family.name.size() : column_start_[from]);
    for (size_t c = from; c < depth; ++c) {
      column_start_[c] = line_.size();
      line_ += c == 0 ? '{' : ',';
      family.columns[c].AppendRendered(digits_[c], line_);
    }
    line_ += depth == 0 ? " " : "} ";
  };
  rebuild(0);
  for (size_t i = 0; i < family.series_count; ++i) {
    // A stale marker (promtool's `stale`, a sequence outside its range) means "no sample": the
    // series is left out of this scrape, so Prometheus marks it stale as for a vanished target.
    if (!IsStaleMarker(values[i])) {
      buffer_ += line_;
      AppendSampleValue(buffer_, values[i]);
      buffer_ += '\n';
      if (!MaybeFlush(sink)) return false;
    }
    if (depth == 0) continue;
    rebuild(family.Advance(digits_));
  }
  return MaybeFlush(sink);
}

}  // namespace promsynth
