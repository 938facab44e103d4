#include "app/daemon.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <chrono>
#include <csignal>
#include <future>
#include <mutex>

#include "app/config_source.h"
#include "app/netops_runtime.h"
#include "config/config_error.h"
#include "engine/engine.h"
#include "engine/snapshot_pool.h"
#include "engine/ticker.h"
#include "http/http_server.h"
#include "http/landing_page.h"
#include "http/metrics_endpoint.h"
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

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

/// What a (re)load builds off the io thread: the engine and the SLOs over its series.
struct Generation {
  std::shared_ptr<Engine> engine;
  std::shared_ptr<ObjectiveSet> objectives;
  std::shared_ptr<const netops::NetopsConfig> netops;  ///< when the file is a netops generator config
};

void Answer(HttpExchange& exchange, const netops::HttpResult& result) {
  exchange.Respond(result.status,
                   result.content_type.empty() ? "text/plain; charset=utf-8" : result.content_type,
                   result.body);
}

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
        server(HttpServerOptions{options.listen_address, options.web_threads, 30000}) {}

  // --- set-up -------------------------------------------------------------------------------
  /// Reads the file, loads the plugins it needs and builds the engine. Runs at start-up and on
  /// the reload worker, never both at once, so the plugin loader needs no lock.
  Generation BuildGeneration(const std::string& path) {
    const LoadOptions load_options{options.custom_functions_prefix,
                                   options.plugin_dir,
                                   {options.max_series, options.shard, options.memory_limit_bytes}};
    LoadedConfig loaded = LoadConfigFile(path, load_options);
    const GeneratorRegistry registry = BuildGeneratorRegistry(plugin_loader, loaded, load_options);
    ValidateConfig(loaded, registry, load_options.limits);
    auto fresh_engine = std::make_shared<Engine>(loaded.config, registry, load_options.limits);
    auto fresh_objectives = std::make_shared<ObjectiveSet>(loaded.config, *fresh_engine->layout());
    return {std::move(fresh_engine), std::move(fresh_objectives), std::move(loaded.netops)};
  }

  /// The SLO checker routes: a pure function of the request body, bounded in size.
  void ServeSloCheck(HttpExchange& exchange, bool slope) const {
    std::optional<std::string> body = exchange.ReadBody(options.slo_max_request_bytes);
    if (!body) {
      exchange.Respond(413, "text/plain; charset=utf-8",
                       "request body larger than --slo.max-request-bytes=" +
                           std::to_string(options.slo_max_request_bytes) + "\n");
      return;
    }
    const slo::CheckResponse response =
        slope ? slo::EvaluateSlopeRequest(*body) : slo::EvaluateGenericRequest(*body);
    exchange.Respond(response.status, response.content_type, response.body);
  }

  void RegisterRoutes() {
    server.Handle(options.telemetry_path, "GET", [this](HttpExchange& exchange) {
      ServeMetrics(exchange, snapshots, self, netops.Render());
    });
    RegisterNetopsRoutes();
    server.Handle("/", "GET", [this](HttpExchange& exchange) {
      std::string page;
      {
        std::lock_guard lock(landing_mutex);
        page = landing_page;
      }
      exchange.Respond(200, "text/html; charset=utf-8", page);
    });
    server.Handle("/", "POST", [this](HttpExchange& exchange) { ServeSloCheck(exchange, false); });
    server.Handle("/evaluate-slope", "POST",
                  [this](HttpExchange& exchange) { ServeSloCheck(exchange, true); });
    server.Handle("/api/v1/slos", "GET", [this](HttpExchange& exchange) {
      exchange.Respond(200, "application/json", board.ToJson());
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
    server.Handle("/-/reload", "POST", [this](HttpExchange& exchange) {
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

  /// The netops generator's routes (seed 000) and its runtime scenario control.
  void RegisterNetopsRoutes() {
    constexpr size_t kNetopsBodyLimit = 16 << 20;
    auto with_body = [this](HttpExchange& exchange, auto&& handle) {
      std::optional<std::string> body = exchange.ReadBody(kNetopsBodyLimit);
      if (!body) {
        exchange.Respond(413, "text/plain; charset=utf-8", "request body larger than 16 MiB\n");
        return;
      }
      Answer(exchange, handle(*body));
    };
    server.Handle("/start", "POST", [this, with_body](HttpExchange& exchange) {
      with_body(exchange, [this](const std::string& body) { return netops.Start(body); });
    });
    server.Handle("/stop", "POST", [this](HttpExchange& exchange) { Answer(exchange, netops.Stop()); });
    server.Handle("/generate", "POST", [this, with_body](HttpExchange& exchange) {
      with_body(exchange, [this](const std::string& body) {
        return netops.Generate(body, static_cast<double>(NowMs()) / 1000.0);
      });
    });
    server.Handle("/api/v1/scenarios", "GET",
                  [this](HttpExchange& exchange) { Answer(exchange, netops.ListScenarios()); });
    server.HandlePrefix("/api/v1/scenarios/", "POST", [this](HttpExchange& exchange) {
      // /api/v1/scenarios/<name>/start or /stop
      std::string_view rest = exchange.path().substr(std::string_view("/api/v1/scenarios/").size());
      const size_t slash = rest.rfind('/');
      const std::string_view action = slash == std::string_view::npos ? "" : rest.substr(slash + 1);
      if (slash == std::string_view::npos || (action != "start" && action != "stop")) {
        exchange.Respond(404, "text/plain; charset=utf-8",
                         "use POST /api/v1/scenarios/<name>/start or /api/v1/scenarios/<name>/stop\n");
        return;
      }
      Answer(exchange, netops.ControlScenario(rest.substr(0, slash), action));
    });
  }

  // --- ticking (io thread) --------------------------------------------------------------------
  /// Steps the engine for the tick due at `due_ms` and publishes; returns the next due time.
  int64_t Tick(int64_t due_ms) {
    const auto started = std::chrono::steady_clock::now();
    const StepResult result = engine->Step(due_ms);
    if (result.families_stepped > 0) {
      std::shared_ptr<const Snapshot> snapshot = engine->Publish();
      objectives->Record(*snapshot);
      for (auto& writer : *remote_writers) writer->Offer(snapshot);
      snapshots.Store(std::move(snapshot));
      for (const ObjectiveResult& evaluated : objectives->EvaluateDueLocal(due_ms)) board.Publish(evaluated);
      self.ticks.Increment();
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
    }
    // When the io thread was late, step to the present: the late ticks were counted as overruns.
    return NextDueMs(std::max(due_ms, NowMs()));
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
    Generation fresh;
    try {
      fresh = BuildGeneration(options.config_file);
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
    asio::post(io, [this, fresh, promise]() mutable {
      const size_t kept = fresh.engine->AdoptState(*engine);
      engine = std::move(fresh.engine);
      objectives = std::move(fresh.objectives);
      if (fresh.netops) netops.Load(*fresh.netops);
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
    std::shared_ptr<const Snapshot> snapshot = engine->Publish();
    objectives->Record(*snapshot);
    RestartRemoteWrite();
    for (auto& writer : *remote_writers) writer->Offer(snapshot);
    snapshots.Store(std::move(snapshot));
    std::vector<std::string> names;
    for (const SloConfig& slo : engine->config().slos) names.push_back(slo.name);
    board.Reset(names);
    remote_objectives.Replace(objectives);
    self.series.Set(static_cast<double>(engine->series_count()));
    families = engine->config().metrics.size();
    self.reload_successful.Set(1);
    self.reload_success_timestamp.Set(static_cast<double>(NowMs()) / 1000.0);
    std::lock_guard lock(landing_mutex);
    landing_page = RenderLandingPage(engine->config(), options.telemetry_path);
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
  SystemdNotifier systemd;
  asio::thread_pool reload_worker{1};
  PluginLoader plugin_loader;
  const std::chrono::steady_clock::time_point started_at = std::chrono::steady_clock::now();
  std::shared_ptr<Engine> engine;            // io thread only
  std::shared_ptr<ObjectiveSet> objectives;  // io thread only (the remote worker shares it read-only)
  SnapshotSlot snapshots;
  SelfMetrics self;
  NetopsRuntime netops{
      0};  // seed 0: netops samples are reproducible; the scenario timeline is the original's
  int64_t last_netops_tick = 0;                       // io thread only
  std::atomic<size_t> families{0};                    ///< configured metric families, for /health
  ObjectiveBoard board{self.slo_ok, self.slo_value};  // after `self`: it refers to self's families
  RemoteObjectiveWorker remote_objectives{board};
  using RemoteWriters = std::vector<std::unique_ptr<RemoteWriteWorker>>;
  // After `self`, which the workers count into; io thread only.
  std::shared_ptr<RemoteWriters> remote_writers = std::make_shared<RemoteWriters>();
  HttpServer server;
  std::atomic<bool> ready{false};
  std::atomic<bool> stopping{false};

  std::mutex reload_mutex;
  std::shared_ptr<std::promise<ReloadOutcome>> queued_reload;
  std::shared_future<ReloadOutcome> queued_future;

  std::mutex landing_mutex;
  std::string landing_page;
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
    Generation first = d.BuildGeneration(d.options.config_file);
    d.engine = std::move(first.engine);
    d.objectives = std::move(first.objectives);
    if (first.netops) d.netops.Load(*first.netops);
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
