#include "app/daemon.h"

#include <algorithm>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <chrono>
#include <csignal>
#include <future>
#include <mutex>
#include <thread>

#include "alerting/live_alerts.h"
#include "app/config_source.h"
#include "app/netops_runtime.h"
#include "app/scenario_control.h"
#include "app/status_report.h"
#include "config/config_error.h"
#include "engine/engine.h"
#include "engine/family_trends.h"
#include "engine/memory_estimate.h"
#include "engine/snapshot_pool.h"
#include "engine/ticker.h"
#include "faults/fault_injector.h"
#include "faults/fault_schedule.h"
#include "faults/value_overrides.h"
#include "http/http_server.h"
#include "http/landing_page.h"
#include "http/metrics_endpoint.h"
#include "http/web_config.h"
#include "netops/scenario_overlay.h"
#include "objectives/objective_board.h"
#include "objectives/objective_set.h"
#include "objectives/remote_objective_worker.h"
#include "ops/build_info.h"
#include "ops/self_metrics.h"
#include "ops/systemd_notifier.h"
#include "remote_write/remote_write_worker.h"
#include "slo/generic_checker.h"
#include "slo/slope_checker.h"
#include "util/logger.h"

namespace promsynth {
namespace asio = boost::asio;

namespace {

/// What a route that needs the io thread answers when the daemon stops before it could run.
const netops::HttpResult kShuttingDown{503, "text/plain; charset=utf-8", "shutting down\n"};

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

/// What a (re)load builds off the io thread: the engine and the SLOs over its series.
struct Generation {
  int64_t churn = -1;  ///< the churn fault's generation its series carry as `churn="<n>"`, or -1
  std::shared_ptr<Engine> engine;
  std::shared_ptr<ObjectiveSet> objectives;
  std::shared_ptr<const netops::NetopsConfig> netops;  ///< when the file is a netops generator config
};

/// Routes that change the daemon's state (see RouteOptions::changes_state).
const RouteOptions kChangesState{.changes_state = true};

void Answer(HttpExchange& exchange, const netops::HttpResult& result) {
  exchange.Respond(result.status,
                   result.content_type.empty() ? "text/plain; charset=utf-8" : result.content_type,
                   result.body);
}

/// Hands an SLO request body to the check while it arrives.
class SloCheckFeed final : public BodyObserver {
 public:
  explicit SloCheckFeed(slo::FastGenericCheck& check) : check_(check) {}
  void Arrived(std::string_view so_far) override { check_.Arrived(so_far); }
  void Abandoned() override { check_.Abandon(); }

 private:
  slo::FastGenericCheck& check_;
};

/// The result of one reload, as `POST /-/reload` reports it.
struct ReloadOutcome {
  bool ok = false;
  std::string message;
};

}  // namespace

struct Daemon::Impl {
  explicit Impl(DaemonOptions daemon_options)
      : options(std::move(daemon_options)),
        signals(io, SIGINT, SIGTERM, SIGHUP),
        ticker(io, [this](int64_t due_ms) { return Tick(due_ms); }),
        watchdog(io),
        server(HttpServerOptions{
            options.listen_address,
            options.web_threads,
            {options.web_max_request_bytes, options.web_max_header_bytes,
             static_cast<int>(options.web_request_timeout_ms),
             static_cast<int>(options.web_busy_idle_timeout_ms)},
            nullptr,
            [this](HttpLimit limit) {
              self.http_limit_hits.Add({{"limit", std::string(HttpLimitName(limit))}}).Increment();
            }}) {}

  // --- set-up -------------------------------------------------------------------------------
  /// Reads the file, loads the plugins it needs and builds the engine. Runs at start-up and on
  /// the reload worker, never both at once, so the plugin loader needs no lock.
  Generation BuildGeneration(const std::string& path, int64_t churn = -1) {
    const LoadOptions load_options = LoadOptionsFrom(options);
    LoadedConfig loaded = LoadConfigFile(path, load_options);
    if (churn >= 0) {
      // The churn fault: a constant label whose value changes each period replaces every series.
      auto& labels = loaded.config.global.labels;
      std::erase_if(labels, [](const auto& label) { return label.first == "churn"; });
      labels.emplace_back("churn", std::to_string(churn));
      std::sort(labels.begin(), labels.end());
    }
    const GeneratorRegistry registry = BuildGeneratorRegistry(plugin_loader, loaded, load_options);
    // Limit hits are counted (they matter at reload: at start-up the daemon exits).
    if (SeriesLimitError(loaded.config, load_options.limits))
      self.config_limit_hits.Add({{"limit", "max_series"}}).Increment();
    if (MemoryLimitError(loaded.config, load_options.limits))
      self.config_limit_hits.Add({{"limit", "memory"}}).Increment();
    ValidateConfig(loaded, registry, load_options.limits);
    auto fresh_engine = std::make_shared<Engine>(loaded.config, registry, load_options.limits);
    if (!loaded.config.scenario_groups.empty()) {
      fresh_engine->SetOverride(
          std::make_unique<netops::ScenarioOverlay>(loaded.config, *fresh_engine->layout()));
    }
    auto fresh_objectives = std::make_shared<ObjectiveSet>(loaded.config, *fresh_engine->layout());
    return {churn, std::move(fresh_engine), std::move(fresh_objectives), std::move(loaded.netops)};
  }

  /// The SLO checker routes: a pure function of the request body, bounded in size.
  void ServeSloCheck(HttpExchange& exchange, bool slope) const {
    std::optional<MappedBuffer> body;  // before `check`, whose threads read it until they end
    const size_t declared = exchange.ContentLength().value_or(0);
    slo::FastGenericCheck check(slo::GenericCheckThreads(declared));
    // A large generic check starts while its body arrives (a Theodolite check is about 30 MB).
    SloCheckFeed feed(check);
    const bool early = !slope && declared >= slo::FastGenericCheck::kArrivingBodyBytes;
    body = exchange.ReadBody(options.slo_max_request_bytes, early ? &feed : nullptr);
    if (!body) {
      exchange.Respond(413, "text/plain; charset=utf-8",
                       "request body larger than --slo.max-request-bytes=" +
                           std::to_string(options.slo_max_request_bytes) + "\n");
      return;
    }
    // A check that did not start early sizes its threads by the body it got (a chunked body
    // declares no length).
    const slo::CheckResponse response = slope   ? slo::EvaluateSlopeRequest(body->view())
                                        : early ? slo::EvaluateGenericRequest(body->view(), check)
                                                : slo::EvaluateGenericRequest(body->view());
    exchange.Respond(response.status, response.content_type, response.body);
  }

  /// The web config of --web.config.file; null when the flag is not set. Throws ConfigErrors.
  std::shared_ptr<const WebConfig> LoadWebConfig() const {
    if (options.web_config_file.empty()) return nullptr;
    return std::make_shared<const WebConfig>(LoadWebConfigFile(options.web_config_file));
  }

  void RegisterRoutes() {
    server.Handle(options.telemetry_path, "GET", [this](HttpExchange& exchange) {
      const ScrapeFault fault = faults.NextScrape(NowMs());
      if (fault.delay.count() > 0) std::this_thread::sleep_for(fault.delay);  // only this worker waits
      if (fault.fail) {
        exchange.Respond(500, "text/plain; charset=utf-8",
                         "injected fault: error_rate (see GET /api/v1/state)\n");
        return;
      }
      if (!scrape_advance.load()) {
        ServeMetrics(exchange, snapshots, self, netops.Render(), fault.truncate);
        return;
      }
      // This scrape renders the snapshot its own advance published, whatever other scrapes do.
      SnapshotSlot own;
      own.Store(AdvanceForScrape());
      ServeMetrics(exchange, own, self, netops.Render(), fault.truncate);
    });
    RegisterFaultRoutes();
    RegisterNetopsRoutes();
    server.Handle("/", "GET", [this](HttpExchange& exchange) {
      std::string page;
      {
        std::lock_guard lock(landing_mutex);
        page = landing_page;
      }
      exchange.Respond(200, "text/html; charset=utf-8", page);
    });
    const RouteOptions slo_route{.max_body_bytes = options.slo_max_request_bytes};
    server.Handle(slo_route, "/", "POST", [this](HttpExchange& exchange) { ServeSloCheck(exchange, false); });
    server.Handle(slo_route, "/evaluate-slope", "POST",
                  [this](HttpExchange& exchange) { ServeSloCheck(exchange, true); });
    server.Handle("/api/v1/slos", "GET", [this](HttpExchange& exchange) {
      exchange.Respond(200, "application/json", board.ToJson());
    });
    server.Handle("/api/v1/status", "GET", [this](HttpExchange& exchange) {
      exchange.Respond(200, "application/json", StatusJson());
    });
    // The custom metrics generator's health route (seed 002), with its fields in Flask's order.
    server.Handle("/health", "GET", [this](HttpExchange& exchange) {
      char uptime[32];
      std::snprintf(uptime, sizeof uptime, "%.2f",
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - started_at).count());
      std::string body = "{\"metrics_count\":" + std::to_string(families.load()) +
                         ",\"status\":\"healthy\",\"total_ticks\":" +
                         std::to_string(static_cast<uint64_t>(self.ticks.Value())) +
                         ",\"uptime_seconds\":" + uptime + "}\n";
      exchange.Respond(200, "application/json", body);
    });
    server.Handle("/-/healthy", "GET", [](HttpExchange& exchange) {
      exchange.Respond(200, "text/plain; charset=utf-8", "promsynth is Healthy.\n");
    });
    server.Handle("/-/ready", "GET", [this](HttpExchange& exchange) {
      if (ready.load() && !stopping.load()) {
        exchange.Respond(200, "text/plain; charset=utf-8", "promsynth is Ready.\n");
      } else {
        exchange.Respond(503, "text/plain; charset=utf-8", "promsynth is not ready.\n");
      }
    });
    server.Handle(kChangesState, "/-/reload", "POST", [this](HttpExchange& exchange) {
      std::shared_future<ReloadOutcome> outcome = RequestReload();
      // Wait in slices so that a shutdown does not hang on a reload that will never finish.
      while (outcome.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready) {
        if (stopping.load()) {
          exchange.Respond(503, "text/plain; charset=utf-8", "shutting down\n");
          return;
        }
      }
      const ReloadOutcome& result = outcome.get();
      exchange.Respond(result.ok ? 200 : 500, "text/plain; charset=utf-8", result.message + "\n");
    });
  }

  /// Fault injection: `GET /api/v1/state`, `POST`/`DELETE /api/v1/faults`, pause and resume.
  void RegisterFaultRoutes() {
    auto state = [this](HttpExchange& exchange) {
      const int64_t now = NowMs();
      exchange.Respond(
          200, "application/json",
          "{\"faults\":" + faults.StateJson(now) + ",\"overrides\":" + overrides.ToJson(now) + "}\n");
    };
    server.Handle("/api/v1/state", "GET", state);
    server.Handle(kChangesState, "/api/v1/faults", "POST", [this, state](HttpExchange& exchange) {
      constexpr size_t kFaultBodyLimit = 64 << 10;
      const std::optional<MappedBuffer> body = exchange.ReadBody(kFaultBodyLimit);
      std::string error;
      const std::optional<FaultRequest> request =
          body ? ParseFaultRequest(body->view(), error) : std::nullopt;
      if (!request) {
        exchange.Respond(body ? 400 : 413, "text/plain; charset=utf-8",
                         (body ? "fault request: " + error : "fault request larger than 64 KiB") + "\n");
        return;
      }
      faults.Apply(*request, NowMs());
      Log().Warn("fault injected", {{"request", std::string(body->view())}});
      state(exchange);
      // Only once the answer is written: closing the listener also ends this connection.
      if (request->down) asio::post(io, [this, down = *request->down] { TakeListenerDown(down); });
    });
    server.Handle(kChangesState, "/api/v1/faults", "DELETE", [this, state](HttpExchange& exchange) {
      faults.Clear();
      Log().Info("faults cleared");
      state(exchange);
    });
    server.Handle(kChangesState, "/api/v1/overrides", "POST", [this, state](HttpExchange& exchange) {
      constexpr size_t kOverrideBodyLimit = 64 << 10;
      const std::optional<MappedBuffer> body = exchange.ReadBody(kOverrideBodyLimit);
      std::string error;
      std::optional<ValueOverride> request =
          body ? ParseValueOverride(body->view(), NowMs(), error) : std::nullopt;
      if (!request) {
        exchange.Respond(
            body ? 400 : 413, "text/plain; charset=utf-8",
            (body ? "override request: " + error : "override request larger than 64 KiB") + "\n");
        return;
      }
      const std::shared_ptr<const Snapshot> current = snapshots.Load();
      if (!current || overrides.Add(*request, current->layout) == 0) {
        exchange.Respond(404, "text/plain; charset=utf-8",
                         "override request: no generated series of \"" + request->metric +
                             "\" has those labels (see GET /api/v1/status for the families)\n");
        return;
      }
      Log().Warn("value override", {{"request", std::string(body->view())}});
      state(exchange);
    });
    server.Handle(kChangesState, "/api/v1/overrides", "DELETE", [this, state](HttpExchange& exchange) {
      overrides.Clear();
      Log().Info("value overrides cleared");
      state(exchange);
    });
    server.Handle(kChangesState, "/api/v1/pause", "POST", [this, state](HttpExchange& exchange) {
      faults.Pause();
      Log().Warn("ticking paused");
      state(exchange);
    });
    server.Handle(kChangesState, "/api/v1/resume", "POST", [this, state](HttpExchange& exchange) {
      faults.Resume();
      Log().Info("ticking resumed");
      state(exchange);
    });
  }

  /// Waits for the next of the config's scheduled faults and injects what is due (io thread, or
  /// before it runs). Re-armed by every load, so the schedule counts from the load.
  void ArmFaultSchedule() {
    const std::optional<int64_t> next = fault_schedule.NextDue();
    if (!next) {
      fault_timer.cancel();
      return;
    }
    fault_timer.expires_after(std::chrono::milliseconds(std::max<int64_t>(0, *next - NowMs())));
    fault_timer.async_wait([this](const boost::system::error_code& error) {
      if (error || stopping.load()) return;
      for (const FaultRequest& request : fault_schedule.TakeDue(NowMs())) {
        faults.Apply(request, NowMs());
        Log().Warn("scheduled fault injected", {{"request", FormatFaultRequest(request)}});
        if (request.down) TakeListenerDown(*request.down);
      }
      ArmFaultSchedule();
    });
  }

  /// The "target down" fault (io thread): the listener closes, so connections are refused as
  /// by a dead target, and opens again on the same port after `duration`.
  void TakeListenerDown(Millis duration) {
    Log().Warn("fault: target down, the listener is closed", {{"for", FormatDuration(duration)}});
    server.Stop();
    down_timer.expires_after(duration);
    down_timer.async_wait([this](const boost::system::error_code& error) {
      if (!error && !stopping.load()) BringListenerBack();
    });
  }

  void BringListenerBack() {
    try {
      server.Start();
      Log().Info("fault over: listening again", {{"port", std::to_string(server.port())}});
    } catch (const std::exception& error) {
      Log().Error("cannot listen again after the target-down fault; retrying in 1s",
                  {{"error", error.what()}});
      down_timer.expires_after(std::chrono::seconds(1));
      down_timer.async_wait([this](const boost::system::error_code& wait_error) {
        if (!wait_error && !stopping.load()) BringListenerBack();
      });
    }
  }

  /// The netops generator's routes (seed 000) and its runtime scenario control.
  void RegisterNetopsRoutes() {
    constexpr size_t kNetopsBodyLimit = 16 << 20;
    auto with_body = [this](HttpExchange& exchange, auto&& handle) {
      const std::optional<MappedBuffer> body = exchange.ReadBody(kNetopsBodyLimit);
      if (!body) {
        exchange.Respond(413, "text/plain; charset=utf-8", "request body larger than 16 MiB\n");
        return;
      }
      Answer(exchange, handle(std::string(body->view())));
    };
    server.Handle(kChangesState, "/start", "POST", [this, with_body](HttpExchange& exchange) {
      with_body(exchange, [this](const std::string& body) {
        // On the io thread, so no tick sees the new config's alert states with the old rules.
        return OnIoThread([this, &body] {
                 netops::HttpResult result = netops.Start(body);
                 if (result.status == 200) AdoptStartedNetops();
                 return result;
               })
            .value_or(kShuttingDown);
      });
    });
    server.Handle(kChangesState, "/stop", "POST",
                  [this](HttpExchange& exchange) { Answer(exchange, netops.Stop()); });
    server.Handle("/generate", "POST", [this, with_body](HttpExchange& exchange) {
      with_body(exchange, [this](const std::string& body) {
        return netops.Generate(body, static_cast<double>(NowMs()) / 1000.0);
      });
    });
    server.Handle("/api/v1/scenarios", "GET", [this](HttpExchange& exchange) {
      Answer(exchange,
             OnIoThread([this] { return ListScenarios(netops, Overlay()); }).value_or(kShuttingDown));
    });
    server.HandlePrefix(kChangesState, "/api/v1/scenarios/", "POST", [this](HttpExchange& exchange) {
      // /api/v1/scenarios/<name>/start or /stop
      std::string_view rest = exchange.path().substr(std::string_view("/api/v1/scenarios/").size());
      const size_t slash = rest.rfind('/');
      const std::string_view action = slash == std::string_view::npos ? "" : rest.substr(slash + 1);
      if (slash == std::string_view::npos || (action != "start" && action != "stop")) {
        exchange.Respond(404, "text/plain; charset=utf-8",
                         "use POST /api/v1/scenarios/<name>/start or /api/v1/scenarios/<name>/stop\n");
        return;
      }
      const std::string name(rest.substr(0, slash));
      Answer(exchange, OnIoThread([this, name, action = std::string(action)] {
                         return ControlScenario(netops, Overlay(), name, action);
                       }).value_or(kShuttingDown));
    });
  }

  /// The status page's data: the running config, recent values, scenarios, alerts and SLOs.
  std::string StatusJson() {
    std::shared_ptr<const Config> config;
    {
      std::lock_guard lock(landing_mutex);
      config = running_config;
    }
    StatusReport report{
        config.get(),    trends.Copy(), 0, static_cast<uint64_t>(self.ticks.Value()), NowMs(), "",
        netops.Alerts(), board.ToJson()};
    report.series = config->SeriesCount();
    const std::optional<netops::HttpResult> scenarios =
        OnIoThread([this] { return ListScenarios(netops, Overlay()); });
    if (scenarios && scenarios->status == 200) report.scenarios_json = scenarios->body;
    return RenderStatusJson(report);
  }

  // --- ticking (io thread) --------------------------------------------------------------------
  /// On a scrape thread: has the io thread advance the scrape-advanced families (advance: scrape
  /// or interval) and returns the snapshot published after it. Scrapes are serialised on the io
  /// thread, so two scrapes see two consecutive steps (1, then 4), never the same one twice.
  std::shared_ptr<const Snapshot> AdvanceForScrape() {
    return OnIoThread([this] {
             const int64_t now = NowMs();
             if (engine->AdvanceOnScrape(now).families_stepped == 0) return snapshots.Load();
             std::shared_ptr<const Snapshot> snapshot = overrides.Apply(engine->Publish(), now);
             objectives->Record(*snapshot);
             trends.Record(*snapshot);
             snapshots.Store(snapshot);
             self.ticks.Increment();
             CountFailures();
             return snapshot;
           })
        .value_or(snapshots.Load());
  }

  /// Runs `work` on the io thread, which owns the engine and its scenario groups, and returns its
  /// result; nullopt when the daemon shuts down first (the io thread then never runs it).
  template <typename Work>
  auto OnIoThread(Work&& work) -> std::optional<decltype(work())> {
    using Result = decltype(work());
    auto promise = std::make_shared<std::promise<Result>>();
    std::future<Result> future = promise->get_future();
    asio::post(io, [promise, work = std::forward<Work>(work)]() mutable { promise->set_value(work()); });
    // Wait in slices: a shutdown stops the io thread, and the post then never runs.
    while (future.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready) {
      if (stopping.load()) return std::nullopt;
    }
    return future.get();
  }

  /// The YAML config's scenario groups (io thread), or nullptr without any.
  netops::ScenarioOverlay* Overlay() {
    return dynamic_cast<netops::ScenarioOverlay*>(engine->override_stage());
  }

  /// Sets promsynth_scenario_active{group,scenario} from the engine's scenario groups.
  void PublishScenarioStates() {
    const auto* overlay = dynamic_cast<const netops::ScenarioOverlay*>(engine->override_stage());
    if (overlay == nullptr) return;
    for (size_t g = 0; g < overlay->group_count(); ++g) {
      const netops::ScenarioMachine& machine = overlay->machine(g);
      for (size_t s = 0; s < machine.scenario_count(); ++s) {
        self.scenario_active.Add({{"group", overlay->group_name(g)}, {"scenario", machine.scenario(s).name}})
            .Set(machine.active_scenario() == s ? 1 : 0);
      }
    }
  }

  /// Adds the generator failures since the last call to promsynth_series_errors_total{metric}.
  void CountFailures() {
    const std::vector<MetricConfig>& metrics = engine->config().metrics;
    reported_failures.resize(metrics.size(), 0);
    for (size_t i = 0; i < metrics.size(); ++i) {
      const uint64_t failures = engine->failures(i);
      if (failures <= reported_failures[i]) continue;
      self.series_errors.Add({{"metric", metrics[i].name}})
          .Increment(static_cast<double>(failures - reported_failures[i]));
      reported_failures[i] = failures;
    }
  }

  /// Steps the engine for the tick due at `due_ms` and publishes; returns the next due time.
  int64_t Tick(int64_t due_ms) {
    const auto started = std::chrono::steady_clock::now();
    // While paused the values freeze (scrapes still answer); ticking resumes at the present.
    if (faults.Paused(due_ms)) return NextDueMs(std::max(due_ms, NowMs()));
    if (const int64_t churn = faults.ChurnGeneration(due_ms); churn != wanted_churn.load()) {
      wanted_churn = churn;
      Log().Info("series churn: rebuilding with a new churn label", {{"churn", std::to_string(churn)}});
      RequestReload();
    }
    const StepResult result = engine->Step(due_ms);
    if (result.families_stepped > 0) {
      std::shared_ptr<const Snapshot> snapshot = overrides.Apply(engine->Publish(), due_ms);
      objectives->Record(*snapshot);
      trends.Record(*snapshot);
      alerts.Observe(*snapshot);
      PublishScenarioStates();  // before the snapshot: a scrape never sees values ahead of the states
      for (auto& writer : *remote_writers) writer->Offer(snapshot);
      snapshots.Store(std::move(snapshot));
      for (const ObjectiveResult& evaluated : objectives->EvaluateDueLocal(due_ms)) board.Publish(evaluated);
      self.ticks.Increment();
      CountFailures();
      self.tick_duration.Observe(
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    }
    if (result.overruns > 0) {
      self.tick_overruns.Increment(static_cast<double>(result.overruns));
      Log().Warn("tick overrun: ticks were skipped because the engine fell behind",
                 {{"skipped_ticks", std::to_string(result.overruns)}});
    }
    // The netops generator ticks once per global tick, whatever the families' own ticks are.
    const int64_t global_tick = engine->config().global.tick.count();
    if (due_ms / global_tick > last_netops_tick) {
      last_netops_tick = due_ms / global_tick;
      netops.Tick();
      if (running_netops) ObserveNetopsAlerts(due_ms);
    }
    // When the io thread was late, step to the present: the late ticks were counted as overruns.
    return NextDueMs(std::max(due_ms, NowMs()));
  }

  /// After a successful `POST /start`: the direct Alertmanager mode follows the new netops
  /// config's alerts (io thread).
  void AdoptStartedNetops() {
    std::optional<netops::NetopsConfig> started = netops.LoadedConfig();
    if (!started) return;
    running_netops = std::make_shared<const netops::NetopsConfig>(std::move(*started));
    alerts.ReplaceNetops(*running_netops, NowMs());
  }

  /// Hands the netops generator's alert states after its tick to the direct Alertmanager mode.
  void ObserveNetopsAlerts(int64_t time_ms) {
    std::vector<NetopsAlertSample> samples;
    for (NetopsRuntime::AlertState& state : netops.Alerts())
      samples.push_back({state.firing, std::move(state.text)});
    alerts.ObserveNetops(samples, time_ms);
  }

  /// The next wake-up: a family's tick or the global tick (the netops generator's), whichever is first.
  int64_t NextDueMs(int64_t now) const {
    const int64_t global_tick = engine->config().global.tick.count();
    return std::min(engine->NextDueMs(now), (now / global_tick + 1) * global_tick);
  }

  /// Starts one remote write worker per `remote_write:` entry of the current config. The old
  /// workers stop on the reload worker, so a request in flight never holds up the io thread.
  void RestartRemoteWrite() {
    auto old = std::exchange(remote_writers, std::make_shared<RemoteWriters>());
    if (!old->empty()) asio::post(reload_worker, [old] { old->clear(); });
    for (const RemoteWriteConfig& target : engine->config().remote_write) {
      remote_writers->push_back(std::make_unique<RemoteWriteWorker>(
          target, [this](uint64_t sent, uint64_t failed, uint64_t dropped) {
            if (sent > 0) self.remote_write_sent.Increment(static_cast<double>(sent));
            if (failed > 0) self.remote_write_failed.Increment(static_cast<double>(failed));
            if (dropped > 0) self.remote_write_dropped.Increment(static_cast<double>(dropped));
          }));
    }
  }

  // --- reload ---------------------------------------------------------------------------------
  /// Queues a reload, or joins one that is queued and not yet started (bursts coalesce).
  std::shared_future<ReloadOutcome> RequestReload() {
    std::lock_guard lock(reload_mutex);
    if (!queued_reload) {
      queued_reload = std::make_shared<std::promise<ReloadOutcome>>();
      queued_future = queued_reload->get_future().share();
      asio::post(reload_worker, [this] { RunReload(); });
    }
    return queued_future;
  }

  /// On the reload worker: builds the new engine off the io thread, then swaps it in there.
  void RunReload() {
    std::shared_ptr<std::promise<ReloadOutcome>> promise;
    {
      std::lock_guard lock(reload_mutex);
      promise = std::exchange(queued_reload, nullptr);
    }
    systemd.Reloading();
    // The web config is re-read too; it is applied only when the whole reload succeeds.
    std::shared_ptr<const WebConfig> fresh_web;
    try {
      fresh_web = LoadWebConfig();
      if (auto refused = server.CheckWebConfigUpdate(fresh_web.get())) {
        throw ConfigErrors({{{options.web_config_file, 0, 0}, "tls_server_config", *refused, "", ""}});
      }
    } catch (const ConfigErrors& errors) {
      self.reload_successful.Set(0);
      systemd.Ready("reload failed; running the previous configuration");
      Log().Error("reload failed: invalid web config; keeping the running configuration",
                  {{"file", options.web_config_file}, {"errors", errors.what()}});
      promise->set_value(
          {false, std::string("reload failed; the running configuration is kept:\n") + errors.what()});
      return;
    }
    Generation fresh;
    try {
      fresh = BuildGeneration(options.config_file, wanted_churn.load());
    } catch (const ConfigErrors& errors) {
      self.reload_successful.Set(0);
      systemd.Ready("reload failed; running the previous configuration");
      Log().Error("reload failed; keeping the running configuration",
                  {{"file", options.config_file}, {"errors", errors.what()}});
      promise->set_value(
          {false, std::string("reload failed; the running configuration is kept:\n") + errors.what()});
      return;
    } catch (const std::exception& error) {
      self.reload_successful.Set(0);
      systemd.Ready("reload failed; running the previous configuration");
      Log().Error("reload failed; keeping the running configuration", {{"error", error.what()}});
      promise->set_value({false, std::string("reload failed: ") + error.what()});
      return;
    }
    if (fresh_web) server.UpdateWebConfig(fresh_web);
    asio::post(io, [this, fresh, promise]() mutable {
      // Churned series are new series: their counters start again from zero.
      const size_t kept = fresh.churn == running_churn ? fresh.engine->AdoptState(*engine) : 0;
      running_churn = fresh.churn;
      engine = std::move(fresh.engine);
      reported_failures.clear();  // the new engine's generators count from zero
      objectives = std::move(fresh.objectives);
      if (fresh.netops) netops.Load(*fresh.netops);
      // A YAML config leaves a netops config that POST /start gave the generator running.
      if (fresh.netops || !netops.generating()) running_netops = fresh.netops;
      PublishFresh();
      ticker.Reschedule(NextDueMs(NowMs()));
      Log().Info("configuration reloaded", {{"file", options.config_file},
                                            {"series", std::to_string(engine->series_count())},
                                            {"families_kept", std::to_string(kept)}});
      systemd.Ready("serving " + std::to_string(engine->series_count()) + " series");
      promise->set_value(
          {true, "configuration reloaded: " + std::to_string(engine->series_count()) + " series"});
    });
  }

  /// After a (re)load: step what is due, publish a first snapshot and record the success.
  void PublishFresh() {
    engine->Step(NowMs());
    std::shared_ptr<const Snapshot> snapshot = overrides.Apply(engine->Publish(), NowMs());
    objectives->Record(*snapshot);
    trends.Record(*snapshot);
    PublishScenarioStates();
    RestartRemoteWrite();
    for (auto& writer : *remote_writers) writer->Offer(snapshot);
    snapshots.Store(std::move(snapshot));
    std::vector<std::string> names;
    for (const SloConfig& slo : engine->config().slos) names.push_back(slo.name);
    board.Reset(names);
    alerts.Configure(engine->config(), running_netops.get(), options.alertmanager, NowMs());
    remote_objectives.Replace(objectives);
    self.series.Set(static_cast<double>(engine->series_count()));
    faults.SetBaseline(engine->config().faults.baseline, engine->config().global.seed);
    fault_schedule = FaultSchedule(engine->config().faults.scheduled, NowMs());
    ArmFaultSchedule();
    families = engine->config().metrics.size();
    scrape_advance = engine->advances_on_scrape();
    self.reload_successful.Set(1);
    self.reload_success_timestamp.Set(static_cast<double>(NowMs()) / 1000.0);
    std::lock_guard lock(landing_mutex);
    landing_page = RenderLandingPage(engine->config(), options.telemetry_path);
    running_config =
        std::shared_ptr<const Config>(engine, &engine->config());  // shares the engine's lifetime
  }

  /// Says which state-changing routes are open: with basic auth users none is.
  void LogRouteProtection() const {
    std::string routes;
    for (const std::string& route : server.StateChangingRoutes())
      routes += (routes.empty() ? "" : ", ") + route;
    if (!server.auth_enabled()) {
      Log().Info("no basic_auth_users: every route, including those that change state, is open to any client",
                 {{"state_changing_routes", routes}});
    }
  }

  // --- signals (io thread) --------------------------------------------------------------------
  void WaitForSignal() {
    signals.async_wait([this](const boost::system::error_code& error, int signal) {
      if (error) return;
      if (signal == SIGHUP) {
        Log().Info("SIGHUP received: reloading", {{"file", options.config_file}});
        RequestReload();
        WaitForSignal();
        return;
      }
      Log().Info("stopping", {{"signal", signal == SIGTERM ? "SIGTERM" : "SIGINT"}});
      Shutdown();
    });
  }

  /// Pings the systemd watchdog from the io thread, so a stuck io thread stops the pings.
  void ArmWatchdog(std::chrono::microseconds interval) {
    watchdog.expires_after(interval);
    watchdog.async_wait([this, interval](const boost::system::error_code& error) {
      if (error || stopping.load()) return;
      systemd.WatchdogPing();
      ArmWatchdog(interval);
    });
  }

  void Shutdown() {
    systemd.Stopping();
    stopping = true;
    remote_objectives.Stop();
    remote_writers->clear();  // cuts a request in flight short
    watchdog.cancel();
    down_timer.cancel();
    fault_timer.cancel();
    ticker.Stop();
    signals.cancel();
    server.Stop();
    io.stop();
  }

  DaemonOptions options;
  asio::io_context io;
  asio::signal_set signals;
  Ticker ticker;
  asio::steady_timer watchdog;
  asio::steady_timer down_timer{io};                           // the target-down fault's end
  asio::steady_timer fault_timer{io};                          // the next scheduled fault of the config
  FaultSchedule fault_schedule;                                // io thread only
  std::shared_ptr<const netops::NetopsConfig> running_netops;  // io thread only; null for YAML configs
  SystemdNotifier systemd;
  asio::thread_pool reload_worker{1};
  PluginLoader plugin_loader;
  const std::chrono::steady_clock::time_point started_at = std::chrono::steady_clock::now();
  std::shared_ptr<Engine> engine;            // io thread only
  std::shared_ptr<ObjectiveSet> objectives;  // io thread only (the remote worker shares it read-only)
  SnapshotSlot snapshots;
  SelfMetrics self;
  FaultInjector faults;
  ValueOverrides overrides;
  // The samples come from --netops.seed (reproducible); the scenario timeline is the original's.
  NetopsRuntime netops{options.netops_seed, options.netops_is_error == "window"
                                                ? netops::IsErrorMode::kWholeWindow
                                                : netops::IsErrorMode::kPinnedPhase};
  std::vector<uint64_t> reported_failures;            // io thread only: failures already counted, per family
  std::atomic<bool> scrape_advance{false};            ///< some family advances on scrapes
  int64_t last_netops_tick = 0;                       // io thread only
  int64_t running_churn = -1;                         // io thread only: the engine's churn label
  std::atomic<int64_t> wanted_churn{-1};              // what the next build uses
  std::atomic<size_t> families{0};                    ///< configured metric families, for /health
  ObjectiveBoard board{self.slo_ok, self.slo_value};  // after `self`: it refers to self's families
  RemoteObjectiveWorker remote_objectives{board};
  LiveAlerts alerts{[this](double n) { self.alerts_sent.Increment(n); },
                    [this](double n) { self.alerts_failed.Increment(n); }};  // io thread only
  using RemoteWriters = std::vector<std::unique_ptr<RemoteWriteWorker>>;
  // After `self`, which the workers count into; io thread only.
  std::shared_ptr<RemoteWriters> remote_writers = std::make_shared<RemoteWriters>();
  HttpServer server;
  std::atomic<bool> ready{false};
  std::atomic<bool> stopping{false};

  std::mutex reload_mutex;
  std::shared_ptr<std::promise<ReloadOutcome>> queued_reload;
  std::shared_future<ReloadOutcome> queued_future;

  mutable std::mutex landing_mutex;
  std::string landing_page;                      // guarded by landing_mutex
  std::shared_ptr<const Config> running_config;  // guarded by landing_mutex
  FamilyTrends trends;
};

Daemon::Daemon(DaemonOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

Daemon::~Daemon() {
  impl_->stopping = true;
  impl_->reload_worker.join();
}

int Daemon::Run() {
  Impl& d = *impl_;
  const BuildInfo& info = GetBuildInfo();
  Log().Info("starting promsynth",
             {{"version", std::string(info.version)}, {"revision", std::string(info.revision)}});
  try {
    std::shared_ptr<const WebConfig> web = d.LoadWebConfig();
    if (web) {
      Log().Info("web config loaded", {{"file", d.options.web_config_file},
                                       {"tls", web->tls ? "on" : "off"},
                                       {"basic_auth_users", std::to_string(web->basic_auth_users.size())}});
    }
    d.server.SetWebConfig(std::move(web));
  } catch (const ConfigErrors& errors) {
    Log().Error("invalid web config", {{"file", d.options.web_config_file}, {"errors", errors.what()}});
    return 1;
  }
  try {
    Generation first = d.BuildGeneration(d.options.config_file);
    d.engine = std::move(first.engine);
    d.objectives = std::move(first.objectives);
    if (first.netops) d.netops.Load(*first.netops);
    d.running_netops = first.netops;
  } catch (const ConfigErrors& errors) {
    Log().Error("invalid configuration", {{"file", d.options.config_file}, {"errors", errors.what()}});
    return 1;
  }
  d.PublishFresh();
  d.RegisterRoutes();
  try {
    d.server.Start();
  } catch (const std::exception& error) {
    Log().Error("cannot start the HTTP server", {{"error", error.what()}});
    return 1;
  }
  d.ready = true;
  d.LogRouteProtection();
  Log().Info("listening", {{"address", d.options.listen_address},
                           {"port", std::to_string(d.server.port())},
                           {"telemetry_path", d.options.telemetry_path}});
  Log().Info("configuration loaded", {{"file", d.options.config_file},
                                      {"families", std::to_string(d.engine->config().metrics.size())},
                                      {"series", std::to_string(d.engine->series_count())}});
  d.systemd.Ready("serving " + std::to_string(d.engine->series_count()) + " series");
  if (auto interval = d.systemd.WatchdogPingInterval()) d.ArmWatchdog(*interval);
  d.WaitForSignal();
  d.ticker.Start(d.NextDueMs(NowMs()));
  d.io.run();
  d.reload_worker.join();
  Log().Info("stopped");
  return 0;
}

}  // namespace promsynth
