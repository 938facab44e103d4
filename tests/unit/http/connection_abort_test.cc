// The socket-level helpers of connection_abort.h, on real sockets of this process:
// CloseOrphanedConnections (a connection left open by a stopped server is closed, so its client
// sees the end instead of hanging; listeners and other ports' connections are left alone), and
// IdleConnectionsTo / ShutDownConnections, which free workers held by idle connections.

#include "http/connection_abort.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "support/wait.h"

namespace promsynth {
namespace {

/// A listening socket on 127.0.0.1 and an ephemeral port.
int Listen(int& port) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof address;
  EXPECT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&address), size), 0);
  EXPECT_EQ(listen(fd, 8), 0);
  EXPECT_EQ(getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size), 0);
  port = ntohs(address.sin_port);
  return fd;
}

int Connect(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<uint16_t>(port));
  EXPECT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  return fd;
}

bool IsOpen(int fd) { return fcntl(fd, F_GETFD) != -1; }

TEST(OrphanedConnectionsTest, ClosesAcceptedConnectionsOfThePortAndNothingElse) {
  int port = 0;
  int other_port = 0;
  const int listener = Listen(port);
  const int other_listener = Listen(other_port);
  const int client = Connect(port);
  const int orphan = accept(listener, nullptr, nullptr);  // accepted, then forgotten
  const int other_client = Connect(other_port);
  const int other_accepted = accept(other_listener, nullptr, nullptr);
  ASSERT_GE(orphan, 0);
  ASSERT_GE(other_accepted, 0);

  EXPECT_EQ(CloseOrphanedConnections(port), 1);
  // The client sees the end of the connection at once: a read returns end of file.
  char byte = 0;
  EXPECT_EQ(recv(client, &byte, 1, 0), 0);
  EXPECT_TRUE(IsOpen(listener));  // a listener on the port is not a connection to it
  EXPECT_TRUE(IsOpen(other_accepted));
  EXPECT_TRUE(IsOpen(client));  // its local port is ephemeral, not `port`
  EXPECT_EQ(CloseOrphanedConnections(port), 0);

  for (const int fd : {listener, other_listener, client, other_client, other_accepted}) close(fd);
}

bool HasEnds(const std::vector<IdleConnection>& idle, int peer_port) {
  return std::any_of(idle.begin(), idle.end(), [&](const IdleConnection& connection) {
    return connection.ends.remote_port == peer_port;
  });
}

int LocalPort(int fd) {
  sockaddr_in address{};
  socklen_t size = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
  return ntohs(address.sin_port);
}

TEST(IdleConnectionsTest, FindsConnectionsWaitingForARequestButNotOnesWithUnreadDataOrRecentAnswers) {
  using std::chrono::milliseconds;
  int port = 0;
  const int listener = Listen(port);
  const int quiet_client = Connect(port);
  const int quiet = accept(listener, nullptr, nullptr);
  const int queued_client = Connect(port);  // its request sent, not yet read by a worker
  const int queued = accept(listener, nullptr, nullptr);
  ASSERT_EQ(send(queued_client, "GET / HTTP/1.1\r\n\r\n", 18, 0), 18);
  const int answered_client = Connect(port);
  const int answered = accept(listener, nullptr, nullptr);
  ASSERT_GE(answered, 0);

  // Nothing is idle for ten seconds yet.
  EXPECT_TRUE(IdleConnectionsTo(port, std::chrono::seconds(10)).empty());
  // The quiet one becomes idle; the one with unread data never does.
  ASSERT_TRUE(::promsynth::testing::WaitUntil(
      [&] { return HasEnds(IdleConnectionsTo(port, milliseconds(100)), LocalPort(quiet_client)); },
      std::chrono::seconds(5)));
  const std::vector<IdleConnection> idle = IdleConnectionsTo(port, milliseconds(100));
  EXPECT_FALSE(HasEnds(idle, LocalPort(queued_client)));
  EXPECT_EQ(idle.front().ends.server_port, port);
  EXPECT_EQ(idle.front().ends.remote_addr, "127.0.0.1");
  EXPECT_GE(idle.front().idle, milliseconds(100));
  // An answer makes a connection busy again, for the idle time.
  ASSERT_EQ(send(answered, "HTTP/1.1 200 OK\r\n\r\n", 19, 0), 19);
  EXPECT_FALSE(HasEnds(IdleConnectionsTo(port, milliseconds(500)), LocalPort(answered_client)));

  // Shut down, the client reads the end at once; the others stay open.
  const std::vector<ConnectionEnds> chosen = {{"127.0.0.1", LocalPort(quiet_client), port}};
  EXPECT_EQ(ShutDownConnections(chosen), 1);
  char byte = 0;
  EXPECT_EQ(recv(quiet_client, &byte, 1, 0), 0);
  EXPECT_EQ(recv(queued_client, &byte, 1, MSG_DONTWAIT), -1);
  EXPECT_EQ(ShutDownConnections({{"127.0.0.1", 1, port}}), 0);

  for (const int fd : {listener, quiet_client, quiet, queued_client, queued, answered_client, answered})
    close(fd);
}

TEST(IdleConnectionsTest, AResponseTheClientDoesNotReadIsStalled) {
  int port = 0;
  const int listener = Listen(port);
  const int client = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  const int small = 2048;
  setsockopt(client, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<uint16_t>(port));
  ASSERT_EQ(connect(client, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  const int served = accept(listener, nullptr, nullptr);
  ASSERT_GE(served, 0);
  // Write until the kernel takes no more: the client reads nothing.
  const std::string chunk(64 * 1024, 'x');
  while (send(served, chunk.data(), chunk.size(), MSG_DONTWAIT | MSG_NOSIGNAL) > 0) {
  }
  const auto stalled = [&] {
    for (const IdleConnection& connection : IdleConnectionsTo(port, std::chrono::milliseconds(100))) {
      if (connection.ends.remote_port == LocalPort(client)) return connection.stalled;
    }
    return false;
  };
  EXPECT_TRUE(::promsynth::testing::WaitUntil(stalled, std::chrono::seconds(5)));
  for (const int fd : {listener, client, served}) close(fd);
}

}  // namespace
}  // namespace promsynth
