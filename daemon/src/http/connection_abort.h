#pragma once

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

}  // namespace promsynth
