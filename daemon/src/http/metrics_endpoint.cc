#include "http/metrics_endpoint.h"

#include <chrono>
#include <optional>

#include "expo/gzip_sink.h"
#include "expo/openmetrics_renderer.h"
#include "expo/text_renderer.h"
#include "http/accept_encoding.h"
#include "http/connection_abort.h"
#include "http/exposition_format.h"

namespace promsynth {
namespace {

/// Holds the whole body, then passes on only its first half and never finishes it.
class HalfBodySink final : public ByteSink {
 public:
  explicit HalfBodySink(ByteSink& next) : next_(next) {}
  bool Write(std::string_view bytes) override {
    held_.Write(bytes);
    return true;
  }
  bool Finish() override {
    next_.Write(std::string_view(held_.text()).substr(0, held_.text().size() / 2));
    return false;
  }

 private:
  ByteSink& next_;
  StringSink held_;
};

}  // namespace

void ServeMetrics(HttpExchange& exchange, const SnapshotSlot& snapshots, SelfMetrics& self,
                  std::string_view extra, bool truncate) {
  const auto started = std::chrono::steady_clock::now();
  const std::shared_ptr<const Snapshot> snapshot = snapshots.Load();
  if (!snapshot) {
    exchange.Respond(503, "text/plain; charset=utf-8", "no metrics yet: the first tick has not run\n");
    return;
  }
  self.scrapes.Increment();
  const auto encoding = exchange.Header("Accept-Encoding");
  const bool gzip = encoding && AcceptsGzip(*encoding);
  const auto accept = exchange.Header("Accept");
  const ExpositionFormat format = accept ? NegotiateExpositionFormat(*accept) : ExpositionFormat::kText;
  std::vector<HttpHeader> headers;
  if (gzip) headers.emplace_back("Content-Encoding", "gzip");
  ByteSink& stream = exchange.BeginStream(200, ExpositionContentType(format), headers);
  std::optional<HalfBodySink> half;
  if (truncate) half.emplace(stream);
  ByteSink& body = half ? static_cast<ByteSink&>(*half) : stream;
  std::optional<GzipSink> compressed;
  if (gzip && !exchange.is_head()) compressed.emplace(body);
  ByteSink& sink = compressed ? static_cast<ByteSink&>(*compressed) : body;

  // A client that hangs up mid-body makes the sink refuse; the rest is simply not rendered.
  bool ok = false;
  if (format == ExpositionFormat::kOpenMetrics) {
    OpenMetricsRenderer renderer;
    ok = renderer.RenderSnapshot(*snapshot, sink) && renderer.RenderText(extra, sink) &&
         renderer.RenderText(self.Render(), sink) && renderer.Finish(sink);
  } else {
    TextRenderer renderer;
    ok = renderer.RenderSnapshot(*snapshot, sink) && renderer.RenderText(extra, sink) &&
         renderer.RenderText(self.Render(), sink) && renderer.Flush(sink);
  }
  if (ok) sink.Finish();  // a HalfBodySink sends its half here and leaves the body unfinished
  if (truncate) AbortConnection(exchange);
  self.scrape_duration.Observe(
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
}

}  // namespace promsynth
