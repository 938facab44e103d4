#include "support/webhook_receiver.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <stdexcept>

namespace promsynth::testing {

WebhookReceiver::WebhookReceiver() {
  listen_fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (listen_fd_ < 0 || bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      listen(listen_fd_, 16) != 0 ||
      getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    if (listen_fd_ >= 0) close(listen_fd_);
    throw std::runtime_error("webhook receiver: cannot listen on 127.0.0.1");
  }
  port_ = ntohs(address.sin_port);
  thread_ = std::thread([this] { Serve(); });
}

WebhookReceiver::~WebhookReceiver() {
  stopping_ = true;
  thread_.join();
  close(listen_fd_);
}

std::vector<WebhookReceiver::Request> WebhookReceiver::Requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

void WebhookReceiver::Serve() {
  while (!stopping_) {
    pollfd ready{listen_fd_, POLLIN, 0};
    // Wake up regularly to notice the destructor.
    if (poll(&ready, 1, 50) <= 0) continue;
    const int fd = accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    HandleConnection(fd);
    close(fd);
  }
}

void WebhookReceiver::HandleConnection(int fd) {
  std::string data;
  size_t header_end = std::string::npos;
  size_t content_length = 0;
  char buffer[8192];
  for (int idle = 0; idle < 100 && !stopping_;) {
    if (header_end != std::string::npos && data.size() >= header_end + 4 + content_length) break;
    pollfd ready{fd, POLLIN, 0};
    if (poll(&ready, 1, 50) <= 0) {
      ++idle;  // a peer that stops sending for 5 s is dropped
      continue;
    }
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n <= 0) return;
    data.append(buffer, static_cast<size_t>(n));
    if (header_end == std::string::npos && (header_end = data.find("\r\n\r\n")) != std::string::npos) {
      std::string headers = data.substr(0, header_end);
      for (char& c : headers) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      const size_t at = headers.find("content-length:");
      if (at != std::string::npos) content_length = std::stoul(headers.substr(at + 15));
      if (headers.find("expect: 100-continue") != std::string::npos) {
        constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
        (void)!write(fd, kContinue.data(), kContinue.size());
      }
    }
  }
  if (header_end == std::string::npos) return;
  Request request;
  const size_t first_space = data.find(' ');
  const size_t second_space = data.find(' ', first_space + 1);
  request.method = data.substr(0, first_space);
  request.path = data.substr(first_space + 1, second_space - first_space - 1);
  request.body = data.substr(header_end + 4, content_length);
  request.head = data.substr(0, header_end);
  {
    std::lock_guard lock(mutex_);
    requests_.push_back(std::move(request));
  }
  const int status = status_.load();
  const std::string response = "HTTP/1.1 " + std::to_string(status) + (status == 200 ? " OK" : " Error") +
                               "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
  (void)!write(fd, response.data(), response.size());
}

}  // namespace promsynth::testing
