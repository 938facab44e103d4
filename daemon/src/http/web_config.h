#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "util/duration.h"

namespace promsynth {

/// How the server treats client certificates; the values and meanings of Go's
/// `tls.ClientAuthType`, as exporter-toolkit's `client_auth_type` spells them.
enum class ClientAuthType {
  kNoClientCert,                ///< never asks for one
  kRequestClientCert,           ///< asks, accepts none, does not verify one
  kRequireAnyClientCert,        ///< needs one, does not verify it
  kVerifyClientCertIfGiven,     ///< accepts none, verifies one against the client CA
  kRequireAndVerifyClientCert,  ///< needs one that the client CA signed
};

/// A TLS protocol version (`min_version` / `max_version`: TLS10 … TLS13).
enum class TlsVersion { kTls10, kTls11, kTls12, kTls13 };

/// `tls_server_config` of an exporter-toolkit web config. Paths are already resolved against
/// the web config file's directory; `*_pem` hold the inline forms (`cert`, `key`, `client_ca`).
struct TlsServerConfig {
  std::string cert_file;
  std::string key_file;
  std::string client_ca_file;
  std::string cert_pem;
  std::string key_pem;
  std::string client_ca_pem;
  ClientAuthType client_auth = ClientAuthType::kNoClientCert;
  TlsVersion min_version = TlsVersion::kTls12;
  TlsVersion max_version = TlsVersion::kTls13;
  std::vector<std::string> cipher_suites;        ///< OpenSSL names, TLS 1.2 and older (1.3 keeps its own)
  bool prefer_server_cipher_suites = true;       ///< server's order of cipher_suites wins
  std::vector<std::string> curve_preferences;    ///< OpenSSL group names (P-256, X25519 …), in order
  std::vector<std::string> client_allowed_sans;  ///< exact SAN matches a client certificate needs

  bool operator==(const TlsServerConfig&) const = default;
};

/// `rate_limit`: a token bucket over all requests; `interval` 0 turns it off.
struct RateLimitConfig {
  Millis interval{0};
  int burst = 0;

  bool operator==(const RateLimitConfig&) const = default;
};

/// An exporter-toolkit web config (`--web.config.file`): TLS, basic auth users, response
/// headers, rate limit. Immutable once loaded; the server shares it between threads.
struct WebConfig {
  std::string source_file;                                   ///< "" when no file was given
  std::optional<TlsServerConfig> tls;                        ///< plain HTTP when absent
  std::map<std::string, std::string> basic_auth_users;       ///< user → bcrypt hash
  std::vector<std::pair<std::string, std::string>> headers;  ///< added to every response
  RateLimitConfig rate_limit;
  bool http2 = true;  ///< accepted for compatibility; promsynth serves HTTP/1.1 only
};

/// The headers `http_server_config.headers` may set (exporter-toolkit's list).
const std::vector<std::string>& AllowedWebHeaders();

/// Parses a web config. Relative paths are resolved against `base_dir`; certificates, keys and
/// CAs are loaded to check them. Throws ConfigErrors naming file:line:col, key, value and what
/// is allowed, for every problem found. An empty document is a valid, empty config.
WebConfig ParseWebConfig(const std::string& yaml, const std::string& file_name, const std::string& base_dir);

/// Reads and parses the file; an unreadable file is a ConfigErrors too.
WebConfig LoadWebConfigFile(const std::string& path);

}  // namespace promsynth
