#include "ops/self_metrics.h"

#include <prometheus/text_serializer.h>

#include "ops/build_info.h"

namespace promsynth {
namespace {

prometheus::Histogram::BucketBoundaries TickBuckets() {
  return {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1};
}

prometheus::Histogram::BucketBoundaries ScrapeBuckets() {
  return {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
}

std::shared_ptr<prometheus::Registry> NewRegistry() {
  auto registry = std::make_shared<prometheus::Registry>();
  const BuildInfo& info = GetBuildInfo();
  prometheus::BuildGauge()
      .Name("promsynth_build_info")
      .Help("A metric with a constant '1' value labelled by version, revision and compiler.")
      .Register(*registry)
      .Add({{"version", std::string(info.version)},
            {"revision", std::string(info.revision)},
            {"compiler", std::string(info.compiler)}})
      .Set(1);
  return registry;
}

}  // namespace

SelfMetrics::SelfMetrics() : SelfMetrics(NewRegistry()) {}

SelfMetrics::SelfMetrics(std::shared_ptr<prometheus::Registry> registry)
    : series(prometheus::BuildGauge()
                 .Name("promsynth_series")
                 .Help("Generated series currently exported.")
                 .Register(*registry)
                 .Add({})),
      ticks(prometheus::BuildCounter()
                .Name("promsynth_ticks_total")
                .Help("Ticks the engine has computed.")
                .Register(*registry)
                .Add({})),
      tick_duration(prometheus::BuildHistogram()
                        .Name("promsynth_tick_duration_seconds")
                        .Help("Time to compute one tick of every due series.")
                        .Register(*registry)
                        .Add({}, TickBuckets())),
      tick_overruns(prometheus::BuildCounter()
                        .Name("promsynth_tick_overruns_total")
                        .Help("Ticks that were due but skipped because the engine fell behind.")
                        .Register(*registry)
                        .Add({})),
      scrapes(prometheus::BuildCounter()
                  .Name("promsynth_scrapes_total")
                  .Help("Scrapes of the telemetry path served.")
                  .Register(*registry)
                  .Add({})),
      scrape_duration(prometheus::BuildHistogram()
                          .Name("promsynth_scrape_duration_seconds")
                          .Help("Time to render and send one scrape of the telemetry path.")
                          .Register(*registry)
                          .Add({}, ScrapeBuckets())),
      reload_successful(
          prometheus::BuildGauge()
              .Name("promsynth_config_last_reload_successful")
              .Help("Whether the last configuration load or reload succeeded (1) or failed (0).")
              .Register(*registry)
              .Add({})),
      reload_success_timestamp(prometheus::BuildGauge()
                                   .Name("promsynth_config_last_reload_success_timestamp_seconds")
                                   .Help("Time of the last successful configuration load, in Unix seconds.")
                                   .Register(*registry)
                                   .Add({})),
      slo_ok(
          prometheus::BuildGauge()
              .Name("promsynth_slo_ok")
              .Help(
                  "Whether the configured SLO held at its last evaluation (1) or not (0, also when it could "
                  "not be evaluated).")
              .Register(*registry)),
      slo_value(prometheus::BuildGauge()
                    .Name("promsynth_slo_value")
                    .Help("The aggregated value the configured SLO compared with its threshold at its last "
                          "evaluation.")
                    .Register(*registry)),
      http_limit_hits(prometheus::BuildCounter()
                          .Name("promsynth_http_limit_hits_total")
                          .Help("HTTP requests or connections that hit a limit, by limit: request_bytes, "
                                "header_bytes, request_timeout, connections, rate, idle_connection.")
                          .Register(*registry)),
      alerts_sent(
          prometheus::BuildCounter()
              .Name("promsynth_alerts_sent_total")
              .Help("Alerts posted to Alertmanager in successful requests (direct Alertmanager mode).")
              .Register(*registry)
              .Add({})),
      alerts_failed(prometheus::BuildCounter()
                        .Name("promsynth_alerts_failed_total")
                        .Help("Alerts in posts to Alertmanager that failed and will be retried.")
                        .Register(*registry)
                        .Add({})),
      series_errors(prometheus::BuildCounter()
                        .Name("promsynth_series_errors_total")
                        .Help("Generator calls that failed (a sequence plugin returned an error); the "
                              "series keeps its previous value.")
                        .Register(*registry)),
      scenario_active(
          prometheus::BuildGauge()
              .Name("promsynth_scenario_active")
              .Help("Whether the scenario of a scenario group (scenario_groups:) is running (1) or "
                    "not (0).")
              .Register(*registry)),
      remote_write_sent(prometheus::BuildCounter()
                            .Name("promsynth_remote_write_samples_sent_total")
                            .Help("Samples that remote write receivers accepted (2xx).")
                            .Register(*registry)
                            .Add({})),
      remote_write_failed(prometheus::BuildCounter()
                              .Name("promsynth_remote_write_samples_failed_total")
                              .Help("Samples refused by a receiver (4xx) or given up on after the retries.")
                              .Register(*registry)
                              .Add({})),
      remote_write_dropped(prometheus::BuildCounter()
                               .Name("promsynth_remote_write_samples_dropped_total")
                               .Help("Samples dropped unsent because the remote write queue was full.")
                               .Register(*registry)
                               .Add({})),
      config_limit_hits(prometheus::BuildCounter()
                            .Name("promsynth_config_limit_hits_total")
                            .Help("Configurations a reload refused for exceeding a limit: max_series "
                                  "(--limits.max-series) or memory (--memory.limit).")
                            .Register(*registry)),
      registry_(std::move(registry)) {
  for (const char* limit : {"max_series", "memory"}) config_limit_hits.Add({{"limit", limit}});
  for (const char* limit :
       {"request_bytes", "header_bytes", "request_timeout", "connections", "rate", "idle_connection"}) {
    http_limit_hits.Add({{"limit", limit}});
  }
}

std::string SelfMetrics::Render() const {
  return prometheus::TextSerializer().Serialize(registry_->Collect());
}

}  // namespace promsynth
