#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "http/http_exchange.h"
#include "http/http_limits.h"
#include "http/web_config.h"

class CivetServer;

namespace promsynth {

class BasicAuth;
class IdleConnectionReclaimer;
class RateLimiter;

/// Handles one request on a server thread.
using RouteHandler = std::function<void(HttpExchange&)>;

/// What a route is, for the server's policies.
struct RouteOptions {
  /// The route changes the daemon's state (reload, scenario control, /start, /stop, fault
  /// injection …). With basic_auth_users every route needs credentials (exporter-toolkit's
  /// rule); this flag lists the routes that must never be reachable without them.
  bool changes_state = false;
  /// Largest request body; larger ones get 413 before the handler runs. Default:
  /// HttpLimits::max_request_bytes.
  std::optional<size_t> max_body_bytes;
};

/// Settings of the HTTP listener.
struct HttpServerOptions {
  std::string listen_address = ":9877";  ///< exporter-toolkit form: `host:port`, `:port`, `[::1]:port`
  int threads = 16;                      ///< workers = connections served at once
  HttpLimits limits;
  std::shared_ptr<const WebConfig> web;  ///< TLS, users, headers, rate limit; none when null
  LimitReporter::Counter on_limit_hit;   ///< counts limit hits (called on server threads)
};

/// Turns an exporter-toolkit listen address into civetweb's `listening_ports` form
/// (`:9877` → `9877`, `localhost:9` → `127.0.0.1:9`). Nothing when it is not `host:port`.
std::optional<std::string> ToCivetListenAddress(std::string_view address);

/// One civetweb server for every route of the daemon, with exact-path routing: an unknown
/// path answers 404 and a known path with another method answers 405 with an Allow header.
/// With a web config it serves TLS, asks every request for basic auth credentials when users
/// are configured, adds the configured headers to every response and applies the rate limit.
class HttpServer {
 public:
  explicit HttpServer(HttpServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// Adds a route before Start(). A GET route also answers HEAD.
  void Handle(std::string path, std::string method, RouteHandler handler) {
    Handle({}, std::move(path), std::move(method), std::move(handler));
  }
  /// Adds a route with its options (state-changing, body limit) before Start().
  void Handle(RouteOptions route, std::string path, std::string method, RouteHandler handler);
  /// Adds a route for every path under `prefix` (e.g. `/api/v1/scenarios/`); exact routes win.
  void HandlePrefix(std::string prefix, std::string method, RouteHandler handler) {
    HandlePrefix({}, std::move(prefix), std::move(method), std::move(handler));
  }
  void HandlePrefix(RouteOptions route, std::string prefix, std::string method, RouteHandler handler);

  /// Starts listening. Throws std::runtime_error saying why not (e.g. the port is in use).
  /// Started again after Stop(), it listens on the port it had before.
  void Start();
  /// Stops listening and waits for requests in flight.
  void Stop();

  /// Sets the web config before Start() (TLS is set up from it then).
  void SetWebConfig(std::shared_ptr<const WebConfig> web);
  /// Why a re-read web config cannot replace the running one: TLS settings are fixed at
  /// Start(), so a config whose TLS part differs is refused. Nothing when it can.
  std::optional<std::string> CheckWebConfigUpdate(const WebConfig* web) const;
  /// Swaps in a re-read web config that CheckWebConfigUpdate accepted: users, headers and rate
  /// limit apply from the next request on. Thread-safe.
  void UpdateWebConfig(std::shared_ptr<const WebConfig> web);
  /// Whether basic auth users are configured now.
  bool auth_enabled() const { return CurrentWeb()->auth != nullptr; }

  /// `METHOD path` of every route registered as changing state.
  std::vector<std::string> StateChangingRoutes() const;

  /// The port actually bound (useful with port 0).
  int port() const;
  /// Whether the listener speaks TLS.
  bool tls() const { return options_.web && options_.web->tls.has_value(); }

  /// Routes one request (public for the civetweb adapter).
  void Dispatch(HttpExchange& exchange) const;

 private:
  struct Route {
    std::string path;
    std::string method;
    RouteHandler handler;
    RouteOptions options;
    bool prefix = false;
  };
  /// What a request needs from the web config, swapped as a whole on reload.
  struct WebState {
    std::shared_ptr<const WebConfig> config;
    std::shared_ptr<const BasicAuth> auth;  ///< null without users
    std::shared_ptr<RateLimiter> rate;      ///< null without a rate limit
  };
  class Adapter;
  friend class Adapter;
  struct Callbacks;
  friend struct Callbacks;

  std::shared_ptr<const WebState> CurrentWeb() const;
  static std::shared_ptr<const WebState> MakeWebState(std::shared_ptr<const WebConfig> web);
  /// Rate limit and basic auth; false when the request was answered (429, 401).
  bool Admit(HttpExchange& exchange, const WebState& web) const;

  HttpServerOptions options_;
  int bound_port_ = 0;  ///< the port of the last Start(), reused by the next
  std::vector<Route> routes_;
  std::unique_ptr<Adapter> adapter_;
  std::unique_ptr<CivetServer> server_;
  std::string last_error_;
  mutable LimitReporter limits_;
  std::unique_ptr<IdleConnectionReclaimer> reclaimer_;  ///< made by Start(), for its workers
  mutable std::mutex web_mutex_;
  std::shared_ptr<const WebState> web_;
};

}  // namespace promsynth
