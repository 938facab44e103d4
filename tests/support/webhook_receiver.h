#pragma once

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace promsynth::testing {

/// A tiny HTTP/1.1 server on 127.0.0.1 with a port of its own choosing, for receivers that a
/// peer posts to (Alertmanager's webhook, promsynth's Alertmanager client). Every request is
/// answered `200 OK` (or `status()`), and its method, path, headers and body are kept. One request per
/// connection. Stops and joins its thread on destruction.
class WebhookReceiver {
 public:
  struct Request {
    std::string method;
    std::string path;
    std::string body;
    std::string head;  ///< the request line and headers as sent, CRLF-separated
  };

  WebhookReceiver();
  ~WebhookReceiver();
  WebhookReceiver(const WebhookReceiver&) = delete;
  WebhookReceiver& operator=(const WebhookReceiver&) = delete;

  int port() const { return port_; }
  /// `http://127.0.0.1:<port>`.
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  /// The requests received so far.
  std::vector<Request> Requests() const;
  /// The status code answered from now on (e.g. 500 to make a client retry).
  void SetStatus(int status) { status_ = status; }

 private:
  void Serve();
  void HandleConnection(int fd);

  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> status_{200};
  mutable std::mutex mutex_;
  std::vector<Request> requests_;
  std::thread thread_;
};

}  // namespace promsynth::testing
