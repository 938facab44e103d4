#pragma once

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <memory>
#include <string>

namespace promsynth {

/// The daemon's own metrics (`promsynth_*`), kept in a prometheus-cpp registry.
/// prometheus-cpp's metric objects are thread-safe: any thread may update them.
class SelfMetrics {
 public:
  SelfMetrics();

  /// The registry rendered in the text format 0.0.4.
  std::string Render() const;

  prometheus::Gauge& series;
  prometheus::Counter& ticks;
  prometheus::Histogram& tick_duration;
  prometheus::Counter& tick_overruns;
  prometheus::Counter& scrapes;
  prometheus::Histogram& scrape_duration;
  prometheus::Gauge& reload_successful;
  prometheus::Gauge& reload_success_timestamp;
  prometheus::Family<prometheus::Gauge>& slo_ok;     ///< promsynth_slo_ok{slo}
  prometheus::Family<prometheus::Gauge>& slo_value;  ///< promsynth_slo_value{slo}
  /// promsynth_http_limit_hits_total{limit}: HTTP requests or connections that hit a limit
  /// (request_bytes, header_bytes, request_timeout, connections, rate); each label exists from the start.
  prometheus::Family<prometheus::Counter>& http_limit_hits;
  prometheus::Counter& alerts_sent;    ///< promsynth_alerts_sent_total
  prometheus::Counter& alerts_failed;  ///< promsynth_alerts_failed_total
  /// promsynth_series_errors_total{metric}: failed generator calls (a plugin's `next` returning an
  /// error); the series keeps its previous value and the daemon goes on.
  prometheus::Family<prometheus::Counter>& series_errors;
  /// promsynth_scenario_active{group,scenario}: whether a scenario of a config's scenario_groups runs.
  prometheus::Family<prometheus::Gauge>& scenario_active;
  prometheus::Counter& remote_write_sent;     ///< samples accepted by remote write receivers
  prometheus::Counter& remote_write_failed;   ///< samples refused or given up after retries
  prometheus::Counter& remote_write_dropped;  ///< samples dropped from a full queue
  /// promsynth_config_limit_hits_total{limit}: configurations a reload refused because they exceed
  /// --limits.max-series (`max_series`) or --memory.limit (`memory`); each label exists from the start.
  prometheus::Family<prometheus::Counter>& config_limit_hits;

 private:
  explicit SelfMetrics(std::shared_ptr<prometheus::Registry> registry);

  std::shared_ptr<prometheus::Registry> registry_;
};

}  // namespace promsynth
