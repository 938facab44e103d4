#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace promsynth {

/// A file (or standard output for "-") written through a large buffer, for writers that
/// produce hundreds of megabytes. Errors surface as std::runtime_error naming the file.
/// Not thread-safe.
class OutputStream {
 public:
  /// Opens (creates or truncates) `path`; "-" is standard output. Throws when it cannot.
  explicit OutputStream(const std::string& path);
  ~OutputStream();
  OutputStream(const OutputStream&) = delete;
  OutputStream& operator=(const OutputStream&) = delete;

  /// The buffer writers append to; call `MaybeFlush` after each record.
  std::string& buffer() { return buffer_; }
  /// Writes the buffer out once it holds more than about a megabyte.
  void MaybeFlush() {
    if (buffer_.size() >= kFlushBytes) Flush();
  }
  /// Appends `bytes` after what is buffered: large pieces (a block of rows) are written as they
  /// are, without a copy into the buffer. Throws on a write error.
  void Write(std::string_view bytes);
  /// Writes everything buffered; throws on a write error.
  void Flush();
  /// Flushes and closes (standard output is only flushed); throws on an error.
  void Close();
  const std::string& path() const { return path_; }

 private:
  static constexpr size_t kFlushBytes = 1 << 20;

  std::string path_;
  std::FILE* file_ = nullptr;
  bool owned_ = false;
  std::string buffer_;
};

}  // namespace promsynth
