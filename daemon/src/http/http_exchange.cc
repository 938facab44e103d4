#include "http/http_exchange.h"

#include <civetweb.h>
#include <strings.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <string>
#include <utility>

namespace promsynth {
namespace {

// The step in which a followed body is read: small enough that parsing starts early, large enough
// that the reads and wake-ups cost nothing beside the bytes.
constexpr size_t kObservedReadBytes = size_t{256} << 10;

}  // namespace

std::string_view HttpReason(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 202:
      return "Accepted";
    case 204:
      return "No Content";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 413:
      return "Payload Too Large";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return "";
  }
}

HttpExchange::HttpExchange(mg_connection* connection) : connection_(connection) {
  const mg_request_info* info = mg_get_request_info(connection);
  method_ = info->request_method != nullptr ? info->request_method : "";
  path_ = info->local_uri != nullptr ? info->local_uri : "/";
  query_ = info->query_string != nullptr ? info->query_string : "";
}

std::optional<std::string_view> HttpExchange::Header(std::string_view name) const {
  const std::string key(name);
  const char* value = mg_get_header(connection_, key.c_str());
  if (value == nullptr) return std::nullopt;
  return std::string_view(value);
}

std::optional<size_t> HttpExchange::ContentLength() const {
  const mg_request_info* info = mg_get_request_info(connection_);
  if (info->content_length < 0) return std::nullopt;
  return static_cast<size_t>(info->content_length);
}

std::optional<MappedBuffer> HttpExchange::ReadBody(size_t limit, BodyObserver* observer) {
  limit = std::min(limit, body_limit_);
  const mg_request_info* info = mg_get_request_info(connection_);
  // Told before the buffer goes, on every way out but success.
  struct AbandonUnlessKept {
    BodyObserver* observer = nullptr;
    bool kept = false;
    ~AbandonUnlessKept() {
      if (observer != nullptr && !kept) observer->Abandoned();
    }
  };
  const auto too_large = [&] {
    Fail(BodyError::kTooLarge, limit);
    Respond(413, "text/plain; charset=utf-8",
            "request body larger than " + std::to_string(limit) + " bytes, the limit of this route\n");
    return std::nullopt;
  };
  if (info->content_length > 0 && static_cast<unsigned long long>(info->content_length) > limit) {
    return too_large();
  }
  if (ExpectsContinue()) {
    // civetweb 1.15 leaves `Expect: 100-continue` unanswered, and a client that sent it waits
    // before sending the body (curl a second, on every POST over 1 MiB). The body is wanted.
    static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
    mg_write(connection_, kContinue.data(), kContinue.size());
    sent_continue_ = true;
  }
  // The body goes into the mapping the last large body left behind, when there is one: its pages
  // are backed already (see MappingPool).
  MappedBuffer body(0, MappingPool::Shared());
  AbandonUnlessKept abandon{observer};  // after `body`: runs before the buffer is freed
  int n = 0;
  if (info->content_length > 0) {
    // The reads go straight into a mapping reserved at the declared length: its pages are backed
    // only as bytes arrive, so a client that declares the limit and sends nothing costs nothing,
    // and a 30 MB SLO request is neither copied nor zero-filled on the way.
    const auto length = static_cast<size_t>(info->content_length);
    body.Reserve(length);
    size_t got = 0;
    // civetweb's mg_read returns only once it has filled what it was asked for: an observer is
    // told of the bytes a step at a time.
    const size_t step = observer != nullptr ? kObservedReadBytes : length;
    while (got < length) {
      n = mg_read(connection_, body.data() + got, std::min(step, length - got));
      if (n <= 0) break;
      got += static_cast<size_t>(n);
      if (observer != nullptr) observer->Arrived(std::string_view(body.data(), got));
    }
    body.Resize(got);
  } else {
    // Without a length the reservation grows as needed, moving page tables, not bytes.
    constexpr size_t kChunk = 64 << 10;
    body.Reserve(std::min(limit, size_t{1} << 20) + kChunk);
    while (true) {
      if (body.capacity() - body.size() < kChunk) body.Reserve(2 * body.capacity());
      n = mg_read(connection_, body.data() + body.size(), kChunk);
      if (n <= 0) break;
      body.Resize(body.size() + static_cast<size_t>(n));
      if (body.size() > limit) return too_large();
    }
  }
  // civetweb's mg_read gives 0 at the end of the body and below 0 when the read failed or timed
  // out; a body shorter than its Content-Length means the client went away.
  if (n < 0 ||
      (info->content_length > 0 && body.size() < static_cast<unsigned long long>(info->content_length))) {
    Fail(BodyError::kIncomplete, limit);
    Respond(408, "text/plain; charset=utf-8", "the request body did not arrive completely\n");
    return std::nullopt;
  }
  abandon.kept = true;
  return body;
}

void HttpExchange::Fail(BodyError error, size_t limit) {
  body_error_ = error;
  if (body_error_hook_) body_error_hook_(error, limit);
}

bool HttpExchange::ExpectsContinue() const {
  const mg_request_info* info = mg_get_request_info(connection_);
  const std::optional<std::string_view> expect = Header("Expect");
  return expect && strcasecmp(std::string(*expect).c_str(), "100-continue") == 0 &&
         info->http_version != nullptr && std::string_view(info->http_version) == "1.1";
}

void HttpExchange::SendHeaders(int status, std::string_view content_type,
                               const std::vector<HttpHeader>& headers, std::optional<size_t> content_length) {
  status_ = status;
  std::vector<HttpHeader> all{{"Content-Type", content_type}};
  const std::string length = content_length ? std::to_string(*content_length) : "";
  if (content_length) {
    all.emplace_back("Content-Length", length);
  } else {
    all.emplace_back("Transfer-Encoding", "chunked");
  }
  for (const auto& [name, value] : headers) all.emplace_back(name, value);
  if (extra_headers_ != nullptr) {
    for (const auto& [name, value] : *extra_headers_) all.emplace_back(name, value);
  }
  if (sent_continue_) {
    WriteHeadersAfterContinue(status, all);
    return;
  }
  mg_response_header_start(connection_, status);
  for (const auto& [name, value] : all) {
    const std::string key(name);
    mg_response_header_add(connection_, key.c_str(), value.data(), static_cast<int>(value.size()));
  }
  mg_response_header_send(connection_);
}

void HttpExchange::WriteHeadersAfterContinue(int status, const std::vector<HttpHeader>& headers) {
  // civetweb starts no headers once anything was written (the 100 Continue), so the header block
  // goes out as civetweb writes it, with its Date and Connection: HTTP/1.1 keeps the connection
  // unless the client's Connection header leaves out keep-alive.
  const std::optional<std::string_view> connection = Header("Connection");
  std::string options(connection.value_or("keep-alive"));
  std::transform(options.begin(), options.end(), options.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const bool keep_alive = options.find("keep-alive") != std::string::npos;
  std::string head = "HTTP/1.1 " + std::to_string(status) + " " + std::string(HttpReason(status)) + "\r\n";
  for (const auto& [name, value] : headers) head.append(name).append(": ").append(value).append("\r\n");
  std::array<char, 64> date{};
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  head.append("Date: ").append(date.data(),
                               std::strftime(date.data(), date.size(), "%a, %d %b %Y %H:%M:%S GMT", &utc));
  head.append(keep_alive ? "\r\nConnection: keep-alive\r\n\r\n" : "\r\nConnection: close\r\n\r\n");
  mg_write(connection_, head.data(), head.size());
}

void HttpExchange::Respond(int status, std::string_view content_type, std::string_view body,
                           const std::vector<HttpHeader>& headers) {
  if (status_ != 0) return;
  SendHeaders(status, content_type, headers, body.size());
  if (!is_head() && !body.empty()) mg_write(connection_, body.data(), body.size());
}

ByteSink& HttpExchange::BeginStream(int status, std::string_view content_type,
                                    const std::vector<HttpHeader>& headers) {
  if (status_ != 0) return discard_sink_;
  if (is_head()) {
    SendHeaders(status, content_type, headers, std::nullopt);
    mg_send_chunk(connection_, "", 0);
    return discard_sink_;
  }
  SendHeaders(status, content_type, headers, std::nullopt);
  return chunk_sink_;
}

bool HttpExchange::ChunkSink::Write(std::string_view bytes) {
  if (bytes.empty()) return true;
  std::array<char, 24> line{};
  const int length =
      std::snprintf(line.data(), line.size(), "%s%zx\r\n", chunk_open_ ? "\r\n" : "", bytes.size());
  chunk_open_ = true;
  return mg_write(exchange_.connection_, line.data(), static_cast<size_t>(length)) == length &&
         mg_write(exchange_.connection_, bytes.data(), bytes.size()) == static_cast<int>(bytes.size());
}

bool HttpExchange::ChunkSink::Finish() {
  const std::string_view last = chunk_open_ ? "\r\n0\r\n\r\n" : "0\r\n\r\n";
  chunk_open_ = false;
  return mg_write(exchange_.connection_, last.data(), last.size()) == static_cast<int>(last.size());
}

}  // namespace promsynth
