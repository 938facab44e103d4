#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "expo/byte_sink.h"
#include "util/mapped_buffer.h"

struct mg_connection;

namespace promsynth {

/// A response header.
using HttpHeader = std::pair<std::string_view, std::string_view>;

/// Headers the server adds to every response (the web config's `http_server_config.headers`).
using HeaderList = std::vector<std::pair<std::string, std::string>>;

/// Follows a request body while HttpExchange::ReadBody reads it, e.g. to parse it meanwhile. Only
/// a body with a Content-Length is followed: it is read into one buffer that never moves.
class BodyObserver {
 public:
  virtual ~BodyObserver() = default;
  /// The body's first `so_far.size()` bytes have arrived at `so_far.data()`, a buffer that neither
  /// moves nor shrinks while ReadBody runs, nor afterwards while ReadBody's result lives.
  virtual void Arrived(std::string_view so_far) = 0;
  /// The body failed (too large or incomplete): its buffer is freed as soon as this returns.
  virtual void Abandoned() = 0;
};

/// One HTTP request and its response, as a route handler sees it. Lives on a server thread
/// for the duration of one request.
class HttpExchange {
 public:
  explicit HttpExchange(mg_connection* connection);

  std::string_view method() const { return method_; }
  std::string_view path() const { return path_; }
  std::string_view query() const { return query_; }
  bool is_head() const { return method_ == "HEAD"; }
  /// The request's Content-Length, when it declared one.
  std::optional<size_t> ContentLength() const;
  /// A request header's value (case-insensitive name).
  std::optional<std::string_view> Header(std::string_view name) const;

  /// Why ReadBody gave nothing.
  enum class BodyError { kNone, kTooLarge, kIncomplete };

  /// Reads the whole request body, at most `limit` bytes and at most the route's limit. On
  /// failure it has already answered (413 when too large, 408 when the client stopped sending
  /// before the end) and returns nothing; the handler's own response is then dropped. An
  /// `observer` follows the bytes as they arrive.
  std::optional<MappedBuffer> ReadBody(size_t limit, BodyObserver* observer = nullptr);
  /// ReadBody with the route's limit.
  std::optional<MappedBuffer> ReadBody() { return ReadBody(body_limit_); }
  BodyError body_error() const { return body_error_; }
  /// Called by ReadBody when the body fails (with the limit it enforced), before it answers: a
  /// client that reads the answer and then the server's counters sees the failure counted.
  using BodyErrorHook = std::function<void(BodyError error, size_t limit)>;
  void SetBodyErrorHook(BodyErrorHook hook) { body_error_hook_ = std::move(hook); }

  /// Set by the server before the handler runs: the route's body limit and the headers every
  /// response carries (`headers` must outlive the exchange).
  void SetBodyLimit(size_t limit) { body_limit_ = limit; }
  void SetExtraHeaders(const HeaderList* headers) { extra_headers_ = headers; }

  /// Sends a complete response (no body for HEAD). Ignored when a response was already sent.
  void Respond(int status, std::string_view content_type, std::string_view body,
               const std::vector<HttpHeader>& headers = {});

  /// Starts a response whose body follows in chunks through the returned sink (chunked
  /// transfer encoding; for HEAD, or when a response was already sent, the body is dropped).
  /// The sink ends the body on Finish().
  ByteSink& BeginStream(int status, std::string_view content_type,
                        const std::vector<HttpHeader>& headers = {});

  mg_connection* connection() const { return connection_; }
  /// Status of the response sent, 0 before one is sent.
  int status() const { return status_; }

 private:
  /// The chunked body of a streamed response. Each chunk goes out in two writes, its size line
  /// (with the line break that ends the chunk before it) and its bytes, not the three of
  /// mg_send_chunk: with TCP_NODELAY every write is a segment of its own.
  class ChunkSink final : public ByteSink {
   public:
    explicit ChunkSink(HttpExchange& exchange) : exchange_(exchange) {}
    bool Write(std::string_view bytes) override;
    bool Finish() override;

   private:
    HttpExchange& exchange_;
    bool chunk_open_ = false;  ///< a chunk was written whose closing line break is still due
  };

  /// Whether the client asked for `100 Continue` before it sends the body (HTTP/1.1 only).
  bool ExpectsContinue() const;
  /// Writes the status line and `headers` with mg_write, for a response after `100 Continue`.
  void WriteHeadersAfterContinue(int status, const std::vector<HttpHeader>& headers);
  /// Records why the body failed and tells the hook.
  void Fail(BodyError error, size_t limit);
  void SendHeaders(int status, std::string_view content_type, const std::vector<HttpHeader>& headers,
                   std::optional<size_t> content_length);

  mg_connection* connection_;
  std::string_view method_;
  std::string_view path_;
  std::string_view query_;
  int status_ = 0;
  size_t body_limit_ = static_cast<size_t>(-1);
  BodyError body_error_ = BodyError::kNone;
  BodyErrorHook body_error_hook_;
  bool sent_continue_ = false;  ///< `100 Continue` went out: civetweb's header API is closed
  const HeaderList* extra_headers_ = nullptr;
  ChunkSink chunk_sink_{*this};
  StringSink discard_sink_;
};

/// The reason phrase of an HTTP status code.
std::string_view HttpReason(int status);

}  // namespace promsynth
