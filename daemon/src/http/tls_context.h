#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/web_config.h"

struct ssl_ctx_st;

namespace promsynth {

/// What is wrong with one key of `tls_server_config` (e.g. a key that does not match its certificate).
struct TlsProblem {
  std::string key;  ///< `tls_server_config.key_file` …
  std::string message;
  std::string value;
};

/// OpenSSL's name of a TLS 1.2-or-older cipher suite given by its IANA name (as Go and
/// exporter-toolkit spell them, e.g. TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256); nothing when this
/// OpenSSL does not know it.
std::optional<std::string> OpenSslCipherName(std::string_view iana_name);

/// The IANA names of every TLS 1.2-or-older cipher suite this OpenSSL offers, in its order.
std::vector<std::string> KnownCipherSuites();

/// Configures a server SSL_CTX from `config`: certificate chain and key, client CA and the
/// verify mode of `client_auth_type`, SAN allow-list, protocol versions, cipher suites and their
/// preference, curves, and a session id context (so resumed sessions keep client verification).
/// `config` must outlive `ctx`: the verify callback reads it. Returns the first problem found.
std::optional<TlsProblem> ConfigureTlsContext(ssl_ctx_st* ctx, const TlsServerConfig& config);

/// Loads everything `config` names into a throwaway context: the problem a server start would
/// hit, found while the web config is read.
std::optional<TlsProblem> CheckTlsServerConfig(const TlsServerConfig& config);

/// Whether civetweb's built-in TLS can run in this process: the OpenSSL shims are the
/// `libssl.so` / `libcrypto.so` that civetweb will dlopen, so `SSL_get_peer_certificate`
/// exists. The reason when not (civetweb would crash on the first TLS connection).
std::optional<std::string> CheckCivetwebTlsRuntime();

}  // namespace promsynth
