#include "http/connection_abort.h"

#include <arpa/inet.h>
#include <civetweb.h>
#include <linux/sockios.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace promsynth {
namespace {

/// The address and port of a socket endpoint, as civetweb writes them in mg_request_info.
bool Endpoint(const sockaddr_storage& address, std::string& host, int& port) {
  char text[INET6_ADDRSTRLEN] = {};
  if (address.ss_family == AF_INET) {
    const auto* v4 = reinterpret_cast<const sockaddr_in*>(&address);
    inet_ntop(AF_INET, &v4->sin_addr, text, sizeof text);
    port = ntohs(v4->sin_port);
  } else if (address.ss_family == AF_INET6) {
    const auto* v6 = reinterpret_cast<const sockaddr_in6*>(&address);
    inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof text);
    port = ntohs(v6->sin6_port);
  } else {
    return false;
  }
  host = text;
  return true;
}

/// The two ends of a connected socket.
struct SocketEnds {
  std::string peer_host;
  int peer_port = 0;
  std::string local_host;
  int local_port = 0;
};

/// The ends of `fd` when it is a connected IPv4 or IPv6 socket.
std::optional<SocketEnds> ConnectedEnds(int fd) {
  sockaddr_storage peer{};
  sockaddr_storage local{};
  socklen_t peer_size = sizeof peer;
  socklen_t local_size = sizeof local;
  if (getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_size) != 0) return std::nullopt;
  if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_size) != 0) return std::nullopt;
  SocketEnds ends;
  if (!Endpoint(peer, ends.peer_host, ends.peer_port) || !Endpoint(local, ends.local_host, ends.local_port)) {
    return std::nullopt;
  }
  return ends;
}

bool Matches(const SocketEnds& ends, const ConnectionEnds& wanted) {
  return ends.peer_port == wanted.remote_port && ends.local_port == wanted.server_port &&
         ends.peer_host == wanted.remote_addr;
}

bool IsConnection(int fd, const ConnectionEnds& wanted) {
  const std::optional<SocketEnds> ends = ConnectedEnds(fd);
  return ends && Matches(*ends, wanted);
}

/// Calls `visit(fd)` for each descriptor the process has open.
template <typename Visit>
void ForEachDescriptor(Visit&& visit) {
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd", error)) {
    if (visit(std::atoi(entry.path().filename().c_str()))) return;
  }
}

/// The ends of `fd` when it is a connected socket (not a listener) whose local port is `port`.
std::optional<SocketEnds> ConnectionTo(int fd, int port) {
  int listening = 0;
  socklen_t listening_size = sizeof listening;
  if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &listening_size) != 0 || listening != 0) {
    return std::nullopt;
  }
  std::optional<SocketEnds> ends = ConnectedEnds(fd);
  if (!ends || ends->local_port != port) return std::nullopt;
  return ends;
}

}  // namespace

bool AbortConnection(const HttpExchange& exchange) {
  const mg_request_info* request = mg_get_request_info(exchange.connection());
  if (request == nullptr) return false;
  const ConnectionEnds wanted{request->remote_addr, request->remote_port, request->server_port};
  bool aborted = false;
  ForEachDescriptor([&](int fd) {
    if (!IsConnection(fd, wanted)) return false;
    aborted = shutdown(fd, SHUT_WR) == 0;
    return true;
  });
  return aborted;
}

int CloseOrphanedConnections(int local_port) {
  // Collected first: closing while the directory is being read would change what it lists.
  std::vector<int> orphans;
  ForEachDescriptor([&](int fd) {
    if (ConnectionTo(fd, local_port)) orphans.push_back(fd);
    return false;
  });
  for (const int fd : orphans) {
    shutdown(fd, SHUT_RDWR);
    close(fd);
  }
  return static_cast<int>(orphans.size());
}

std::vector<IdleConnection> IdleConnectionsTo(int local_port, std::chrono::milliseconds min_idle) {
  std::vector<IdleConnection> idle;
  ForEachDescriptor([&](int fd) {
    const std::optional<SocketEnds> ends = ConnectionTo(fd, local_port);
    if (!ends) return false;
    int unread = 0;
    tcp_info info{};
    socklen_t info_size = sizeof info;
    if (ioctl(fd, SIOCINQ, &unread) != 0 || unread > 0) return false;
    if (getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &info_size) != 0) return false;
    const std::chrono::milliseconds quiet(info.tcpi_last_data_sent);
    if (quiet < min_idle) return false;
    int unsent = 0;
    if (ioctl(fd, SIOCOUTQ, &unsent) != 0) unsent = 0;
    idle.push_back({{ends->peer_host, ends->peer_port, ends->local_port}, quiet, unsent > 0});
    return false;
  });
  return idle;
}

int ConnectionCountTo(int local_port) {
  int count = 0;
  ForEachDescriptor([&](int fd) {
    count += ConnectionTo(fd, local_port) ? 1 : 0;
    return false;
  });
  return count;
}

int ShutDownConnections(const std::vector<ConnectionEnds>& connections) {
  int shut = 0;
  ForEachDescriptor([&](int fd) {
    const std::optional<SocketEnds> ends = ConnectedEnds(fd);
    if (!ends) return false;
    const bool wanted =
        std::any_of(connections.begin(), connections.end(),
                    [&](const ConnectionEnds& connection) { return Matches(*ends, connection); });
    if (wanted && shutdown(fd, SHUT_RDWR) == 0) ++shut;
    return shut == static_cast<int>(connections.size());
  });
  return shut;
}

}  // namespace promsynth
