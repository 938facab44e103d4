#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "config/source_location.h"
#include "util/duration.h"

namespace promsynth {

/// One `remote_write:` entry: where every tick's samples are pushed (remote write protocol 1.0)
/// and how. Plain data, immutable once loaded.
struct RemoteWriteConfig {
  std::string url;            ///< http:// or https:// endpoint, e.g. http://prometheus:9090/api/v1/write
  std::string username;       ///< basic_auth.username (empty: no basic auth)
  std::string password;       ///< basic_auth.password
  std::string password_file;  ///< basic_auth.password_file: read at each request (rotation)
  std::string bearer_token;
  std::string bearer_token_file;                             ///< read at each request
  std::vector<std::pair<std::string, std::string>> headers;  ///< extra HTTP headers
  size_t max_samples = 2000;                                 ///< batch.max_samples: samples per WriteRequest
  size_t capacity = 2'500'000;  ///< queue.capacity: samples waiting to be sent, at most
  int max_retries = 10;         ///< queue.max_retries: further attempts of a failed request
  Millis min_backoff{30};       ///< queue.min_backoff: the first retry's wait, doubled each time
  Millis max_backoff{5000};     ///< queue.max_backoff: the longest wait between retries
  SourceLocation location;
};

}  // namespace promsynth
