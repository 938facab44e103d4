#include "batch/output_stream.h"

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace promsynth {

OutputStream::OutputStream(const std::string& path) : path_(path) {
  if (path == "-") {
    file_ = stdout;
  } else {
    file_ = std::fopen(path.c_str(), "wb");
    owned_ = true;
    if (file_ == nullptr) throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
  }
  buffer_.reserve(kFlushBytes + 64 * 1024);
}

OutputStream::~OutputStream() {
  if (owned_ && file_ != nullptr) std::fclose(file_);
}

void OutputStream::Flush() {
  if (!buffer_.empty() && std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
    throw std::runtime_error("cannot write " + path_ + ": " + std::strerror(errno));
  }
  buffer_.clear();
}

void OutputStream::Write(std::string_view bytes) {
  if (buffer_.size() + bytes.size() < kFlushBytes) {
    buffer_ += bytes;
    return;
  }
  Flush();
  if (!bytes.empty() && std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    throw std::runtime_error("cannot write " + path_ + ": " + std::strerror(errno));
  }
}

void OutputStream::Close() {
  Flush();
  if (std::fflush(file_) != 0)
    throw std::runtime_error("cannot write " + path_ + ": " + std::strerror(errno));
  if (owned_) {
    const int status = std::fclose(file_);
    file_ = nullptr;
    if (status != 0) throw std::runtime_error("cannot close " + path_ + ": " + std::strerror(errno));
  }
}

}  // namespace promsynth
