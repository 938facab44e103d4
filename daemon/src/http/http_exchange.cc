#include "http/http_exchange.h"

#include <civetweb.h>

#include <algorithm>
#include <string>

namespace promsynth {

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

std::optional<std::string> HttpExchange::ReadBody(size_t limit) {
  limit = std::min(limit, body_limit_);
  const mg_request_info* info = mg_get_request_info(connection_);
  const auto too_large = [&] {
    Fail(BodyError::kTooLarge, limit);
    Respond(413, "text/plain; charset=utf-8",
            "request body larger than " + std::to_string(limit) + " bytes, the limit of this route\n");
    return std::nullopt;
  };
  if (info->content_length > 0 && static_cast<unsigned long long>(info->content_length) > limit) {
    return too_large();
  }
  std::string body;
  char buffer[16384];
  int n = 0;
  while ((n = mg_read(connection_, buffer, sizeof buffer)) > 0) {
    body.append(buffer, static_cast<size_t>(n));
    if (body.size() > limit) return too_large();
  }
  // civetweb's mg_read gives 0 at the end of the body and below 0 when the read failed or timed
  // out; a body shorter than its Content-Length means the client went away.
  if (n < 0 ||
      (info->content_length > 0 && body.size() < static_cast<unsigned long long>(info->content_length))) {
    Fail(BodyError::kIncomplete, limit);
    Respond(408, "text/plain; charset=utf-8", "the request body did not arrive completely\n");
    return std::nullopt;
  }
  return body;
}

void HttpExchange::Fail(BodyError error, size_t limit) {
  body_error_ = error;
  if (body_error_hook_) body_error_hook_(error, limit);
}

void HttpExchange::SendHeaders(int status, std::string_view content_type,
                               const std::vector<HttpHeader>& headers, std::optional<size_t> content_length) {
  status_ = status;
  mg_response_header_start(connection_, status);
  mg_response_header_add(connection_, "Content-Type", content_type.data(),
                         static_cast<int>(content_type.size()));
  if (content_length) {
    const std::string length = std::to_string(*content_length);
    mg_response_header_add(connection_, "Content-Length", length.c_str(), -1);
  } else {
    mg_response_header_add(connection_, "Transfer-Encoding", "chunked", -1);
  }
  for (const auto& [name, value] : headers) {
    const std::string key(name);
    mg_response_header_add(connection_, key.c_str(), value.data(), static_cast<int>(value.size()));
  }
  if (extra_headers_ != nullptr) {
    for (const auto& [name, value] : *extra_headers_) {
      mg_response_header_add(connection_, name.c_str(), value.data(), static_cast<int>(value.size()));
    }
  }
  mg_response_header_send(connection_);
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
  return mg_send_chunk(exchange_.connection_, bytes.data(), static_cast<unsigned>(bytes.size())) > 0;
}

bool HttpExchange::ChunkSink::Finish() { return mg_send_chunk(exchange_.connection_, "", 0) >= 0; }

}  // namespace promsynth
