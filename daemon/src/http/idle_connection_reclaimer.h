#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "http/connection_abort.h"

namespace promsynth {

/// Frees HTTP workers held by connections that send nothing while other connections wait.
///
/// civetweb gives each connection a worker of its own from accept to close, including the time
/// it waits for the request (a stuck or slow client, an idle kept-alive connection). When every
/// worker is taken, new connections (a scrape) wait in the accept queue until one frees up,
/// which is up to the request timeout. While every worker is taken, this class shuts down each
/// connection to the server's port that has been quiet (no byte either way, nothing unread) for
/// at least `idle_limit`, so waiting connections get workers within about that time. A request in
/// progress is touched only when its response has stalled (bytes wait to be sent and none went
/// out for `idle_limit`: the client stopped reading); a connection whose request waits in the
/// accept queue never is, and nothing happens while a worker is free.
///
/// The workers report through Opened / RequestBegan / RequestEnded / Closed (thread-safe); a
/// thread of its own does the closing. On a TLS listener civetweb reports a connection only once
/// its handshake is done, so there the reclaimer also looks every quarter of the idle limit at
/// how many connections the port has: a client that never finishes the handshake holds a worker
/// all the same.
class IdleConnectionReclaimer {
 public:
  /// One connection, owned by the worker serving it.
  struct Slot;
  /// Called (on the reclaimer's thread) with each connection it closed.
  using OnReclaim = std::function<void(const IdleConnection&)>;

  /// `workers`: civetweb's worker count; `idle_limit` 0 turns reclaiming off (the class still
  /// counts busy workers); `tls`: the listener speaks TLS.
  IdleConnectionReclaimer(int workers, std::chrono::milliseconds idle_limit, bool tls, OnReclaim on_reclaim);
  ~IdleConnectionReclaimer();
  IdleConnectionReclaimer(const IdleConnectionReclaimer&) = delete;
  IdleConnectionReclaimer& operator=(const IdleConnectionReclaimer&) = delete;

  /// Sets the port whose connections it watches (known once the server listens).
  void SetPort(int port);
  /// A worker took a connection; it now waits for a request. Returns the number of busy workers,
  /// this one included, and the connection's slot.
  std::pair<int, Slot*> Opened();
  /// The connection `ends`' request headers arrived: it is in a request until RequestEnded.
  void RequestBegan(Slot* slot, ConnectionEnds ends);
  /// The response is written; a kept-alive connection waits for its next request.
  void RequestEnded(Slot* slot);
  /// The worker is closing the connection (before the socket is closed).
  void Closed(Slot* slot);
  /// Whether the connection `ends` was shut down by the reclaimer lately (its worker then sees
  /// end of file, or a cut-off request).
  bool Reclaimed(const ConnectionEnds& ends);

 private:
  void Run();
  /// Whether every worker is taken: by the connections the workers reported, or on a TLS
  /// listener by the connections the port has. Called with the lock held.
  bool AllWorkersBusyLocked() const;

  const int workers_;
  const std::chrono::milliseconds idle_limit_;
  const bool tls_;
  const OnReclaim on_reclaim_;
  std::mutex mutex_;
  std::condition_variable changed_;
  int port_ = 0;
  std::vector<Slot*> open_;               ///< the connections the workers hold now
  std::deque<ConnectionEnds> reclaimed_;  ///< the latest ones shut down, newest last
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace promsynth
