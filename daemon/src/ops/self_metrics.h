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
  prometheus::Counter& remote_write_sent;            ///< samples accepted by remote write receivers
  prometheus::Counter& remote_write_failed;          ///< samples refused or given up after retries
  prometheus::Counter& remote_write_dropped;         ///< samples dropped from a full queue

 private:
  explicit SelfMetrics(std::shared_ptr<prometheus::Registry> registry);

  std::shared_ptr<prometheus::Registry> registry_;
};

}  // namespace promsynth
