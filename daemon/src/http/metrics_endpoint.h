#pragma once

#include "engine/snapshot_pool.h"
#include "http/http_exchange.h"
#include "ops/self_metrics.h"

namespace promsynth {

/// Serves the telemetry path: the latest snapshot followed by the daemon's own metrics, in
/// the text format 0.0.4 or, when the `Accept` header prefers it, OpenMetrics 1.0.0 (see
/// NegotiateExpositionFormat), streamed in chunks and gzip-compressed when the client accepts it.
/// Never waits for a tick: it renders whatever snapshot was published last.
/// `extra` is exposition text of other sources (e.g. the netops generator), written before the
/// daemon's own metrics.
/// With `truncate` (an injected fault), the body stops half-way and the connection closes, as
/// when an exporter dies mid-scrape: the client sees an incomplete chunked body.
void ServeMetrics(HttpExchange& exchange, const SnapshotSlot& snapshots, SelfMetrics& self,
                  std::string_view extra = {}, bool truncate = false);

}  // namespace promsynth
