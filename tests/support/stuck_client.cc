#include "support/stuck_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <string>

namespace promsynth::testing {

StuckClient::StuckClient(int port, Kind kind) {
  fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (kind == Kind::kNotReading) {
    // Before connecting, so the window the server sees stays small.
    const int receive_buffer = 2048;
    setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &receive_buffer, sizeof receive_buffer);
  }
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  std::string request = "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  if (kind == Kind::kNotReading) request += "\r\n";
  if (connected_ && kind != Kind::kSilent) {
    connected_ = send(fd_, request.data(), request.size(), MSG_NOSIGNAL) > 0;
  }
}

StuckClient::~StuckClient() { close(fd_); }

bool StuckClient::ClosedByServer(std::chrono::milliseconds wait) const {
  pollfd readable{fd_, POLLIN, 0};
  if (poll(&readable, 1, static_cast<int>(wait.count())) <= 0) return false;
  char byte = 0;
  const ssize_t got = recv(fd_, &byte, 1, MSG_DONTWAIT);
  return got == 0 || (got < 0 && errno == ECONNRESET) ||
         (got > 0 && ClosedByServer(std::chrono::milliseconds(200)));
}

}  // namespace promsynth::testing
