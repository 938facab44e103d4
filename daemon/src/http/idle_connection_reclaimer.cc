#include "http/idle_connection_reclaimer.h"

#include <algorithm>

namespace promsynth {
namespace {

/// How many reclaimed connections are remembered for Reclaimed(): their workers ask within
/// moments, and one round closes at most one connection per worker.
constexpr size_t kRememberedReclaims = 1024;

}  // namespace

struct IdleConnectionReclaimer::Slot {
  ConnectionEnds ends;  ///< known from the first request on
  bool in_request = false;
};

IdleConnectionReclaimer::IdleConnectionReclaimer(int workers, std::chrono::milliseconds idle_limit, bool tls,
                                                 OnReclaim on_reclaim)
    : workers_(workers), idle_limit_(idle_limit), tls_(tls), on_reclaim_(std::move(on_reclaim)) {
  if (idle_limit_.count() > 0) thread_ = std::thread([this] { Run(); });
}

IdleConnectionReclaimer::~IdleConnectionReclaimer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
  for (Slot* slot : open_) delete slot;
}

void IdleConnectionReclaimer::SetPort(int port) {
  std::lock_guard lock(mutex_);
  port_ = port;
}

std::pair<int, IdleConnectionReclaimer::Slot*> IdleConnectionReclaimer::Opened() {
  auto* slot = new Slot;
  int busy = 0;
  {
    std::lock_guard lock(mutex_);
    open_.push_back(slot);
    busy = static_cast<int>(open_.size());
  }
  if (busy >= workers_) changed_.notify_all();
  return {busy, slot};
}

void IdleConnectionReclaimer::RequestBegan(Slot* slot, ConnectionEnds ends) {
  if (slot == nullptr) return;
  std::lock_guard lock(mutex_);
  slot->ends = std::move(ends);
  slot->in_request = true;
}

void IdleConnectionReclaimer::RequestEnded(Slot* slot) {
  if (slot == nullptr) return;
  std::lock_guard lock(mutex_);
  slot->in_request = false;
}

void IdleConnectionReclaimer::Closed(Slot* slot) {
  if (slot == nullptr) return;
  {
    // Taken while the reclaimer shuts sockets down: once this returns, civetweb closes the
    // socket, and its descriptor number may be reused for another connection.
    std::lock_guard lock(mutex_);
    std::erase(open_, slot);
  }
  delete slot;
  changed_.notify_all();
}

bool IdleConnectionReclaimer::Reclaimed(const ConnectionEnds& ends) {
  std::lock_guard lock(mutex_);
  return std::find(reclaimed_.begin(), reclaimed_.end(), ends) != reclaimed_.end();
}

bool IdleConnectionReclaimer::AllWorkersBusyLocked() const {
  if (port_ == 0) return false;
  if (static_cast<int>(open_.size()) >= workers_) return true;
  return tls_ && ConnectionCountTo(port_) >= workers_;
}

void IdleConnectionReclaimer::Run() {
  // A stuck client never completes a request, so civetweb never says who it is: idle
  // connections are found from the kernel's view of the sockets, those in a request are spared
  // by their ends. A connection must look idle in two rounds in a row: a worker may have just
  // read a request that waited in the queue (nothing unread any more, nothing sent yet) and not
  // yet begun it; by the next round it is in the request or answered.
  const std::chrono::milliseconds round = std::max(std::chrono::milliseconds(20), idle_limit_ / 4);
  std::vector<ConnectionEnds> suspects;
  std::chrono::steady_clock::time_point next_round{};
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    const auto now = std::chrono::steady_clock::now();
    if (now < next_round) {
      changed_.wait_until(lock, next_round);
      continue;
    }
    next_round = now + round;
    if (!AllWorkersBusyLocked()) {
      suspects.clear();
      // Without TLS, Opened says when the last worker is taken; with it, look again next round.
      if (!tls_) changed_.wait(lock);
      continue;
    }
    std::vector<IdleConnection> confirmed;
    std::vector<ConnectionEnds> idle_now;
    for (IdleConnection& connection : IdleConnectionsTo(port_, idle_limit_)) {
      // A request in progress is spared unless its response has stalled: the client stopped
      // reading, and the worker would wait for it up to the request timeout per write.
      const bool in_request = std::any_of(open_.begin(), open_.end(), [&](const Slot* slot) {
        return slot->in_request && slot->ends == connection.ends;
      });
      if (in_request && !connection.stalled) continue;
      if (std::find(suspects.begin(), suspects.end(), connection.ends) != suspects.end()) {
        confirmed.push_back(std::move(connection));
      } else {
        idle_now.push_back(std::move(connection.ends));
      }
    }
    suspects = std::move(idle_now);
    if (confirmed.empty()) continue;
    std::vector<ConnectionEnds> ends;
    ends.reserve(confirmed.size());
    for (const IdleConnection& connection : confirmed) ends.push_back(connection.ends);
    // Under the lock, so no worker can close one of these sockets (Closed waits) between the
    // search above and the shutdown.
    ShutDownConnections(ends);
    reclaimed_.insert(reclaimed_.end(), ends.begin(), ends.end());
    while (reclaimed_.size() > kRememberedReclaims) reclaimed_.pop_front();
    lock.unlock();
    if (on_reclaim_) {
      for (const IdleConnection& connection : confirmed) on_reclaim_(connection);
    }
    lock.lock();
  }
}

}  // namespace promsynth
