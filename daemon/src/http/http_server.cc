#include "http/http_server.h"

#include <CivetServer.h>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "http/basic_auth.h"
#include "http/connection_abort.h"
#include "http/idle_connection_reclaimer.h"
#include "http/rate_limiter.h"
#include "http/tls_context.h"
#include "util/logger.h"

namespace promsynth {
namespace {

using SteadyClock = std::chrono::steady_clock;

// Each civetweb worker serves one connection at a time, so per-connection facts live in the
// worker's thread: the connection's slot in the reclaimer (null while the worker has none), and
// when its current request began (the connection's start, then the end of the previous request
// on a kept-alive connection).
thread_local IdleConnectionReclaimer::Slot* t_slot = nullptr;
thread_local SteadyClock::time_point t_request_start{};

std::string RemoteAddress(const mg_connection* connection) {
  const mg_request_info* info = mg_get_request_info(connection);
  return info != nullptr ? std::string(info->remote_addr) : std::string();
}

}  // namespace

/// Forwards every civetweb request to HttpServer::Dispatch, after the web config's checks.
class HttpServer::Adapter final : public CivetHandler {
 public:
  explicit Adapter(const HttpServer& server) : server_(server) {}
  bool handleGet(CivetServer*, mg_connection* c) override { return Forward(c); }
  bool handlePost(CivetServer*, mg_connection* c) override { return Forward(c); }
  bool handleHead(CivetServer*, mg_connection* c) override { return Forward(c); }
  bool handlePut(CivetServer*, mg_connection* c) override { return Forward(c); }
  bool handleDelete(CivetServer*, mg_connection* c) override { return Forward(c); }
  bool handleOptions(CivetServer*, mg_connection* c) override { return Forward(c); }
  bool handlePatch(CivetServer*, mg_connection* c) override { return Forward(c); }

 private:
  bool Forward(mg_connection* connection) {
    HttpExchange exchange(connection);
    const std::shared_ptr<const WebState> web = server_.CurrentWeb();
    if (web->config) exchange.SetExtraHeaders(&web->config->headers);
    if (server_.Admit(exchange, *web)) server_.Dispatch(exchange);
    t_request_start = SteadyClock::now();
    server_.reclaimer_->RequestEnded(t_slot);
    return true;
  }
  const HttpServer& server_;
};

/// civetweb's C callbacks; each finds its HttpServer through the CivetServer's user context.
struct HttpServer::Callbacks {
  static const HttpServer* ServerOf(const mg_connection* connection) {
    if (connection == nullptr) return nullptr;
    const mg_context* context = mg_get_context(connection);
    if (context == nullptr) return nullptr;
    const auto* civet = static_cast<const CivetServer*>(mg_get_user_data(context));
    return civet != nullptr ? static_cast<const HttpServer*>(civet->getUserContext()) : nullptr;
  }

  /// civetweb made the SSL_CTX with its hardening defaults (no compression, no renegotiation);
  /// we load everything else. Returning 1 tells civetweb that the context is complete.
  static int InitSsl(void* ssl_ctx, void* user_data) {
    const auto* civet = static_cast<const CivetServer*>(user_data);
    const auto* server = static_cast<const HttpServer*>(civet->getUserContext());
    if (server == nullptr || !server->tls()) return -1;
    if (auto problem = ConfigureTlsContext(static_cast<ssl_ctx_st*>(ssl_ctx), *server->options_.web->tls)) {
      Log().Error("TLS set-up failed", {{"key", problem->key}, {"error", problem->message}});
      return -1;
    }
    return 1;
  }

  static int InitConnection(const mg_connection* connection, void** /*connection_data*/) {
    t_request_start = SteadyClock::now();
    const HttpServer* server = ServerOf(connection);
    if (server == nullptr) return 0;
    // civetweb tells nothing about the connection yet (mg_get_request_info is null here).
    const auto [busy, slot] = server->reclaimer_->Opened();
    t_slot = slot;
    if (busy >= server->options_.threads) {
      server->limits_.Hit(
          HttpLimit::kConnections, "every HTTP worker is busy: new connections wait until one is free",
          {"workers", std::to_string(server->options_.threads)},
          {"busy_idle_timeout_ms", std::to_string(server->options_.limits.busy_idle_timeout_ms)});
    }
    return 0;
  }

  static int BeginRequest(mg_connection* connection) {
    const HttpServer* server = ServerOf(connection);
    if (server != nullptr) server->reclaimer_->RequestBegan(t_slot, EndsOf(connection));
    return 0;  // civetweb goes on to the handler
  }

  static ConnectionEnds EndsOf(const mg_connection* connection) {
    const mg_request_info* info = mg_get_request_info(connection);
    if (info == nullptr) return {};
    return {info->remote_addr, info->remote_port, info->server_port};
  }

  static void ConnectionClose(const mg_connection* connection) {
    if (t_slot == nullptr) return;
    if (const HttpServer* server = ServerOf(connection)) server->reclaimer_->Closed(t_slot);
    t_slot = nullptr;
  }

  /// Counts and logs a connection the reclaimer closed.
  static void ReportReclaimed(const HttpServer& server, const IdleConnection& connection) {
    server.limits_.Hit(
        HttpLimit::kIdleConnection,
        "every HTTP worker busy: closed a connection idle past --web.busy-idle-timeout "
        "to free its worker",
        {"remote", connection.ends.remote_addr + ":" + std::to_string(connection.ends.remote_port)},
        {"idle_ms", std::to_string(connection.idle.count())});
  }

  /// Errors civetweb answers itself: requests whose headers never completed. civetweb 1.15
  /// answers both the header limit and a timed-out request with 400 "Malformed message" (not
  /// 413); the time the request took tells them apart. A client that sends part of a request and
  /// closes the connection at once looks like the header limit, and is counted as such.
  static int HttpError(mg_connection* connection, int status, const char* message) {
    const HttpServer* server = ServerOf(connection);
    if (server == nullptr) return 1;
    // The reclaimer shut the connection down in the middle of its headers: already counted.
    if (server->reclaimer_->Reclaimed(EndsOf(connection))) return 1;
    const std::string_view text = message != nullptr ? message : "";
    const HttpLimits& limits = server->options_.limits;
    const auto waited = SteadyClock::now() - t_request_start;
    if (status == 400 && text == "Malformed message" &&
        waited >= std::chrono::milliseconds(limits.request_timeout_ms) * 9 / 10) {
      server->limits_.Hit(HttpLimit::kRequestTimeout,
                          "request headers incomplete after --web.request-timeout: 400, connection closed",
                          {"timeout_ms", std::to_string(limits.request_timeout_ms)},
                          {"remote", RemoteAddress(connection)});
    } else if (status == 413 || (status == 400 && text == "Malformed message")) {
      server->limits_.Hit(
          HttpLimit::kHeaderBytes,
          "request line and headers over --web.max-header-bytes (or cut off by the client): " +
              std::to_string(status),
          {"max_header_bytes", std::to_string(limits.max_header_bytes)},
          {"remote", RemoteAddress(connection)});
    }
    return 1;  // civetweb sends its own error page
  }

  static int LogMessage(const mg_connection* connection, const char* message);
};

std::optional<std::string> ToCivetListenAddress(std::string_view address) {
  const size_t colon = address.rfind(':');
  if (colon == std::string_view::npos) return std::nullopt;
  std::string host(address.substr(0, colon));
  const std::string_view port = address.substr(colon + 1);
  if (port.empty() || port.size() > 5) return std::nullopt;
  for (char c : port) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  if (std::stoi(std::string(port)) > 65535) return std::nullopt;
  if (host.empty() || host == "0.0.0.0") return std::string(port);
  if (host == "localhost") host = "127.0.0.1";
  if (host.front() == '[' && host.back() == ']') return host + ":" + std::string(port);
  for (char c : host) {
    if (!((c >= '0' && c <= '9') || c == '.')) return std::nullopt;
  }
  return host + ":" + std::string(port);
}

HttpServer::HttpServer(HttpServerOptions options)
    : options_(std::move(options)), limits_(options_.on_limit_hit), web_(MakeWebState(options_.web)) {}

HttpServer::~HttpServer() { Stop(); }

void HttpServer::Handle(RouteOptions route, std::string path, std::string method, RouteHandler handler) {
  routes_.push_back({std::move(path), std::move(method), std::move(handler), route});
}

void HttpServer::HandlePrefix(RouteOptions route, std::string prefix, std::string method,
                              RouteHandler handler) {
  routes_.push_back({std::move(prefix), std::move(method), std::move(handler), route, true});
}

std::vector<std::string> HttpServer::StateChangingRoutes() const {
  std::vector<std::string> found;
  for (const Route& route : routes_) {
    if (route.options.changes_state)
      found.push_back(route.method + " " + route.path + (route.prefix ? "*" : ""));
  }
  return found;
}

std::shared_ptr<const HttpServer::WebState> HttpServer::MakeWebState(std::shared_ptr<const WebConfig> web) {
  auto state = std::make_shared<WebState>();
  if (web) {
    if (!web->basic_auth_users.empty()) state->auth = std::make_shared<BasicAuth>(web->basic_auth_users);
    if (web->rate_limit.interval.count() > 0) {
      state->rate = std::make_shared<RateLimiter>(web->rate_limit.interval, web->rate_limit.burst);
    }
  }
  state->config = std::move(web);
  return state;
}

std::shared_ptr<const HttpServer::WebState> HttpServer::CurrentWeb() const {
  std::lock_guard lock(web_mutex_);
  return web_;
}

void HttpServer::SetWebConfig(std::shared_ptr<const WebConfig> web) {
  options_.web = web;
  UpdateWebConfig(std::move(web));
}

std::optional<std::string> HttpServer::CheckWebConfigUpdate(const WebConfig* web) const {
  const std::optional<TlsServerConfig> running = options_.web ? options_.web->tls : std::nullopt;
  const std::optional<TlsServerConfig> fresh = web != nullptr ? web->tls : std::nullopt;
  if (running != fresh)
    return "tls_server_config changed: TLS settings take effect only when promsynth restarts";
  return std::nullopt;
}

void HttpServer::UpdateWebConfig(std::shared_ptr<const WebConfig> web) {
  auto state = MakeWebState(std::move(web));
  std::lock_guard lock(web_mutex_);
  web_ = std::move(state);
}

bool HttpServer::Admit(HttpExchange& exchange, const WebState& web) const {
  if (web.rate && !web.rate->Allow()) {
    limits_.Hit(HttpLimit::kRate, "request over the web config's rate_limit: 429",
                {"remote", RemoteAddress(exchange.connection())}, {"path", std::string(exchange.path())});
    exchange.Respond(429, "text/plain; charset=utf-8", "Too Many Requests\n");
    return false;
  }
  if (web.auth && !web.auth->Check(exchange.Header("Authorization"))) {
    Log().Debug("request without valid basic auth credentials: 401",
                {{"remote", RemoteAddress(exchange.connection())}, {"path", std::string(exchange.path())}});
    exchange.Respond(401, "text/plain; charset=utf-8", "Unauthorized\n", {{"WWW-Authenticate", "Basic"}});
    return false;
  }
  return true;
}

void HttpServer::Dispatch(HttpExchange& exchange) const {
  std::string allowed;
  const bool exact_exists = std::any_of(routes_.begin(), routes_.end(), [&](const Route& route) {
    return !route.prefix && route.path == exchange.path();
  });
  for (const Route& route : routes_) {
    const bool matches = route.prefix ? !exact_exists && exchange.path().starts_with(route.path) &&
                                            exchange.path().size() > route.path.size()
                                      : route.path == exchange.path();
    if (!matches) continue;
    const bool head_on_get = exchange.is_head() && route.method == "GET";
    if (route.method == exchange.method() || head_on_get) {
      const size_t limit = route.options.max_body_bytes.value_or(options_.limits.max_request_bytes);
      exchange.SetBodyLimit(limit);
      const mg_request_info* info = mg_get_request_info(exchange.connection());
      const bool declared_too_large = info != nullptr && info->content_length > 0 &&
                                      static_cast<unsigned long long>(info->content_length) > limit;
      // Counted before the answer goes out, so that a client's next scrape sees the count.
      const auto report = [this, &exchange](HttpExchange::BodyError error, size_t body_limit) {
        if (error == HttpExchange::BodyError::kTooLarge) {
          limits_.Hit(HttpLimit::kRequestBytes, "request body over the route's limit: 413",
                      {"path", std::string(exchange.path())}, {"max_body_bytes", std::to_string(body_limit)});
        } else {
          limits_.Hit(HttpLimit::kRequestTimeout, "request body incomplete: the client stopped sending (408)",
                      {"path", std::string(exchange.path())},
                      {"remote", RemoteAddress(exchange.connection())});
        }
      };
      if (declared_too_large) {
        report(HttpExchange::BodyError::kTooLarge, limit);
        exchange.Respond(
            413, "text/plain; charset=utf-8",
            "request body larger than " + std::to_string(limit) + " bytes, the limit of this route\n");
      } else {
        exchange.SetBodyErrorHook(report);
        route.handler(exchange);
      }
      return;
    }
    allowed += (allowed.empty() ? "" : ", ") + route.method;
  }
  if (allowed.empty()) {
    exchange.Respond(404, "text/plain; charset=utf-8", "404 page not found\n");
    return;
  }
  exchange.Respond(405, "text/plain; charset=utf-8", "405 method not allowed: use " + allowed + "\n",
                   {{"Allow", allowed}});
}

namespace {

/// Opens and closes one connection to our own listener (loopback when it listens on all addresses).
void WakeListener(const std::string& listen_address, int port) {
  const size_t colon = listen_address.rfind(':');
  std::string host = listen_address.substr(0, colon);
  if (!host.empty() && host.front() == '[') host = host.substr(1, host.size() - 2);
  if (host.empty() || host == "0.0.0.0" || host == "localhost") host = "127.0.0.1";
  if (host == "::") host = "::1";
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  if (getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0) return;
  const int fd = socket(found->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd >= 0) {
    (void)connect(fd, found->ai_addr, found->ai_addrlen);
    close(fd);
  }
  freeaddrinfo(found);
}

// civetweb reports why it could not start (e.g. "cannot bind to ...") through this callback.
std::mutex g_civet_error_mutex;
std::string* g_civet_error = nullptr;

}  // namespace

int HttpServer::Callbacks::LogMessage(const mg_connection* /*connection*/, const char* message) {
  {
    std::lock_guard lock(g_civet_error_mutex);
    if (g_civet_error != nullptr && g_civet_error->empty()) *g_civet_error = message;
  }
  const std::string_view text = message != nullptr ? message : "";
  if (text.starts_with("sslize error") || text.starts_with("SSL syscall error")) {
    // A failed TLS handshake: plain HTTP on the TLS port, a refused client certificate, a port
    // probe that connects and closes. At most one warning a second, so probes cannot flood the log.
    static std::atomic<int64_t> last_warned_ms{0};
    const int64_t now_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now().time_since_epoch()).count();
    int64_t last = last_warned_ms.load();
    const bool warn = now_ms - last >= 1000 && last_warned_ms.compare_exchange_strong(last, now_ms);
    Log().Log(warn ? LogLevel::kWarn : LogLevel::kDebug, "TLS handshake failed",
              {{"error", std::string(text)}});
    return 1;
  }
  Log().Debug("civetweb", {{"message", std::string(text)}});
  return 1;
}

void HttpServer::Start() {
  auto ports = ToCivetListenAddress(options_.listen_address);
  if (!ports) {
    throw std::runtime_error("invalid --web.listen-address \"" + options_.listen_address +
                             "\": expected host:port, :port or [ipv6]:port");
  }
  // A restart (the "target down" fault) listens on the port it had, even when port 0 chose it.
  if (bound_port_ != 0 && (*ports == "0" || ports->ends_with(":0"))) {
    ports->resize(ports->size() - 1);
    *ports += std::to_string(bound_port_);
  }
  if (tls()) {
    if (auto problem = CheckCivetwebTlsRuntime()) throw std::runtime_error("cannot serve TLS: " + *problem);
    *ports += "s";  // civetweb's suffix for a TLS port
  }
  const std::string timeout = std::to_string(options_.limits.request_timeout_ms);
  const std::vector<std::string> civet_options = {
      "listening_ports",
      *ports,
      "num_threads",
      std::to_string(options_.threads),
      "max_request_size",
      std::to_string(options_.limits.max_header_bytes),
      // Headers must be complete within the timeout; body reads, writes and the TLS handshake
      // each wait at most this long; an idle kept-alive connection is closed after it.
      "request_timeout_ms",
      timeout,
      "enable_keep_alive",
      "yes",
      "keep_alive_timeout_ms",
      timeout,
      // Without it, a response whose body follows its header block in a second small write waits
      // for the client's delayed ACK: 40 ms on every request after the first of a kept-alive
      // connection, which is how Prometheus scrapes.
      "tcp_nodelay",
      "1",
  };
  CivetCallbacks callbacks;
  callbacks.log_message = Callbacks::LogMessage;
  callbacks.http_error = Callbacks::HttpError;
  callbacks.init_connection = Callbacks::InitConnection;
  callbacks.begin_request = Callbacks::BeginRequest;
  callbacks.connection_close = Callbacks::ConnectionClose;
  if (tls()) callbacks.init_ssl = Callbacks::InitSsl;
  {
    std::lock_guard lock(g_civet_error_mutex);
    last_error_.clear();
    g_civet_error = &last_error_;
  }
  reclaimer_ = std::make_unique<IdleConnectionReclaimer>(
      options_.threads, std::chrono::milliseconds(options_.limits.busy_idle_timeout_ms), tls(),
      [this](const IdleConnection& connection) { Callbacks::ReportReclaimed(*this, connection); });
  try {
    server_ = std::make_unique<CivetServer>(civet_options, &callbacks, this);
  } catch (const CivetException&) {
    std::lock_guard lock(g_civet_error_mutex);
    g_civet_error = nullptr;
    throw std::runtime_error("cannot listen on " + options_.listen_address + ": " +
                             (last_error_.empty() ? std::string("civetweb failed to start") : last_error_));
  }
  {
    std::lock_guard lock(g_civet_error_mutex);
    g_civet_error = nullptr;
  }
  adapter_ = std::make_unique<Adapter>(*this);
  server_->addHandler("/", adapter_.get());
  bound_port_ = port();
  reclaimer_->SetPort(bound_port_);
}

void HttpServer::Stop() {
  if (!server_) return;
  // civetweb's accept loop re-checks its stop flag only between polls of up to two seconds;
  // connecting to our own listener wakes it, so a stop takes milliseconds instead.
  std::atomic<bool> stopped{false};
  std::thread waker([this, &stopped, port = this->port()] {
    while (!stopped.load()) {
      WakeListener(options_.listen_address, port);
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });
  const int stopped_port = port();
  server_->close();
  stopped = true;
  waker.join();
  server_.reset();
  reclaimer_.reset();  // after the workers: they report to it until they end
  // civetweb drops, without closing, a connection it accepted in the last moment before the
  // stop; its client would hang instead of seeing the connection end.
  if (const int orphans = stopped_port > 0 ? CloseOrphanedConnections(stopped_port) : 0; orphans > 0) {
    Log().Debug("closed connections the stopped HTTP server left open", {{"count", std::to_string(orphans)}});
  }
}

int HttpServer::port() const {
  if (!server_) return 0;
  const std::vector<int> ports = server_->getListeningPorts();
  return ports.empty() ? 0 : ports.front();
}

}  // namespace promsynth
