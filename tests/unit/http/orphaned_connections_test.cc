// CloseOrphanedConnections: a connection left open by a stopped server is closed, so its client
// sees the end instead of hanging; listeners and other ports' connections are left alone.

#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "http/connection_abort.h"

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

}  // namespace
}  // namespace promsynth
