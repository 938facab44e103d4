#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "http/http_exchange.h"

namespace promsynth {

/// Ends the request's connection now, in the middle of its response, as an exporter that dies
/// mid-scrape would: the client reads what was sent so far, then end of file.
///
/// civetweb has no call for this on server connections, so the socket is found among the
/// process's descriptors by its two endpoints and shut down for writing; civetweb then sees the
/// client hang up and closes it as usual. Only fault injection uses this. Returns false when
/// the socket was not found (the response then simply stays unfinished).
bool AbortConnection(const HttpExchange& exchange);

/// Closes the connections to `local_port` that a stopped civetweb server left open: a socket
/// it accepted just before the stop and had queued for a worker is neither served nor closed,
/// so its client would hang until its own timeout. Call only once the server on that port is
/// gone; returns how many were closed.
int CloseOrphanedConnections(int local_port);

/// A server connection by its two ends, as civetweb reports them in mg_request_info.
struct ConnectionEnds {
  std::string remote_addr;
  int remote_port = 0;
  int server_port = 0;
  bool operator==(const ConnectionEnds&) const = default;
};

/// A connection to the server that has had nothing sent to it for `idle`.
struct IdleConnection {
  ConnectionEnds ends;
  std::chrono::milliseconds idle{0};
  /// Response bytes wait in the kernel: the client stopped reading (a stalled response), rather
  /// than the connection waiting for a request.
  bool stalled = false;
};

/// The connections to `local_port` that have had nothing sent to them for at least `min_idle`
/// (the kernel's TCP_INFO) and hold no unread data: stuck or slow clients that never completed
/// a request, kept-alive connections between requests, and clients that stopped reading their
/// response (`stalled`). A connection waiting in the accept queue with its request sent has
/// unread data, so it is never among them.
std::vector<IdleConnection> IdleConnectionsTo(int local_port, std::chrono::milliseconds min_idle);

/// How many connections to `local_port` the process holds (served, queued or in the TLS handshake).
int ConnectionCountTo(int local_port);

/// Shuts down, in both directions, each of the process's sockets that is one of `connections`;
/// their owner (civetweb) then reads end of file and closes them as usual. The caller must make
/// sure that none of them is closed meanwhile (a closed descriptor's number may be reused).
/// Returns how many it found.
int ShutDownConnections(const std::vector<ConnectionEnds>& connections);

}  // namespace promsynth
