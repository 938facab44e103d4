#include "http/tls_context.h"

#include <arpa/inet.h>
#include <dlfcn.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>

extern "C" int promsynth_ssl_shim_version(void);
extern "C" int promsynth_crypto_shim_version(void);

namespace promsynth {
namespace {

struct BioFree {
  void operator()(BIO* bio) const { BIO_free(bio); }
};
struct X509Free {
  void operator()(X509* cert) const { X509_free(cert); }
};
struct KeyFree {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct CtxFree {
  void operator()(SSL_CTX* ctx) const { SSL_CTX_free(ctx); }
};
struct NamesFree {
  void operator()(GENERAL_NAMES* names) const { GENERAL_NAMES_free(names); }
};

/// OpenSSL's most recent error as text, and the error queue emptied.
std::string OpenSslError(std::string_view fallback) {
  const unsigned long code = ERR_peek_last_error();
  ERR_clear_error();
  if (code == 0) return std::string(fallback);
  const char* reason = ERR_reason_error_string(code);
  return reason != nullptr ? std::string(reason) : std::string(fallback);
}

/// The PEM text of `file`, or of `inline_pem`; nothing (and `problem` set) when the file cannot be read.
std::optional<std::string> PemText(const std::string& file, const std::string& inline_pem,
                                   const std::string& key, std::optional<TlsProblem>& problem) {
  if (file.empty()) return inline_pem;
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  if (!in || !(text << in.rdbuf())) {
    problem = TlsProblem{key, "cannot read the file", file};
    return std::nullopt;
  }
  return text.str();
}

std::vector<std::unique_ptr<X509, X509Free>> ReadCertificates(const std::string& pem) {
  std::vector<std::unique_ptr<X509, X509Free>> certificates;
  std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  while (X509* cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr))
    certificates.emplace_back(cert);
  ERR_clear_error();  // the read that ends the loop leaves "no start line" behind
  return certificates;
}

int ProtocolVersion(TlsVersion version) {
  switch (version) {
    case TlsVersion::kTls10:
      return TLS1_VERSION;
    case TlsVersion::kTls11:
      return TLS1_1_VERSION;
    case TlsVersion::kTls12:
      return TLS1_2_VERSION;
    case TlsVersion::kTls13:
      return TLS1_3_VERSION;
  }
  return TLS1_2_VERSION;
}

/// The index under which a context keeps its TlsServerConfig for the verify callback.
int ConfigIndex() {
  static const int index = SSL_CTX_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
  return index;
}

/// Every subject alternative name of `cert` as text (DNS, e-mail, URI, IP address).
std::vector<std::string> SubjectAltNames(X509* cert) {
  std::vector<std::string> result;
  std::unique_ptr<GENERAL_NAMES, NamesFree> names(
      static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr)));
  if (!names) return result;
  for (int i = 0; i < sk_GENERAL_NAME_num(names.get()); ++i) {
    const GENERAL_NAME* name = sk_GENERAL_NAME_value(names.get(), i);
    int type = 0;
    const ASN1_STRING* value = static_cast<const ASN1_STRING*>(GENERAL_NAME_get0_value(name, &type));
    const auto* bytes = ASN1_STRING_get0_data(value);
    const int length = ASN1_STRING_length(value);
    if (type == GEN_DNS || type == GEN_EMAIL || type == GEN_URI) {
      result.emplace_back(reinterpret_cast<const char*>(bytes), static_cast<size_t>(length));
    } else if (type == GEN_IPADD && (length == 4 || length == 16)) {
      char text[INET6_ADDRSTRLEN] = {};
      if (inet_ntop(length == 4 ? AF_INET : AF_INET6, bytes, text, sizeof text) != nullptr) {
        result.emplace_back(text);
      }
    }
  }
  return result;
}

/// The client-certificate policy beyond OpenSSL's chain check: the "any certificate" modes
/// accept an unverified chain, and client_allowed_sans needs an exact SAN match on the leaf.
int VerifyClient(int preverified, X509_STORE_CTX* store) {
  auto* ssl = static_cast<SSL*>(X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx()));
  const auto* config =
      static_cast<const TlsServerConfig*>(SSL_CTX_get_ex_data(SSL_get_SSL_CTX(ssl), ConfigIndex()));
  if (config == nullptr) return preverified;
  const bool verify_chain = config->client_auth == ClientAuthType::kVerifyClientCertIfGiven ||
                            config->client_auth == ClientAuthType::kRequireAndVerifyClientCert;
  if (verify_chain && preverified == 0) return 0;
  if (X509_STORE_CTX_get_error_depth(store) != 0 || config->client_allowed_sans.empty()) return 1;
  for (const std::string& name : SubjectAltNames(X509_STORE_CTX_get_current_cert(store))) {
    const auto& allowed = config->client_allowed_sans;
    if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) return 1;
  }
  X509_STORE_CTX_set_error(store, X509_V_ERR_APPLICATION_VERIFICATION);
  return 0;
}

std::optional<TlsProblem> LoadCertificateAndKey(SSL_CTX* ctx, const TlsServerConfig& config) {
  std::optional<TlsProblem> problem;
  const std::string cert_key =
      config.cert_file.empty() ? "tls_server_config.cert" : "tls_server_config.cert_file";
  const std::string key_key =
      config.key_file.empty() ? "tls_server_config.key" : "tls_server_config.key_file";
  const auto cert_pem = PemText(config.cert_file, config.cert_pem, cert_key, problem);
  if (!cert_pem) return problem;
  auto chain = ReadCertificates(*cert_pem);
  if (chain.empty()) return TlsProblem{cert_key, "no PEM certificate found", config.cert_file};
  if (SSL_CTX_use_certificate(ctx, chain.front().get()) != 1) {
    return TlsProblem{cert_key, "certificate refused: " + OpenSslError("unusable"), config.cert_file};
  }
  for (size_t i = 1; i < chain.size(); ++i) {
    if (SSL_CTX_add1_chain_cert(ctx, chain[i].get()) != 1) {
      return TlsProblem{cert_key, "chain certificate refused: " + OpenSslError("unusable"), config.cert_file};
    }
  }
  const auto key_pem = PemText(config.key_file, config.key_pem, key_key, problem);
  if (!key_pem) return problem;
  std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(key_pem->data(), static_cast<int>(key_pem->size())));
  std::unique_ptr<EVP_PKEY, KeyFree> key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
  if (!key) {
    ERR_clear_error();
    return TlsProblem{key_key, "no unencrypted PEM private key found", config.key_file};
  }
  if (SSL_CTX_use_PrivateKey(ctx, key.get()) != 1 || SSL_CTX_check_private_key(ctx) != 1) {
    ERR_clear_error();
    return TlsProblem{key_key, "the private key does not match the certificate", config.key_file};
  }
  return std::nullopt;
}

std::optional<TlsProblem> LoadClientCa(SSL_CTX* ctx, const TlsServerConfig& config) {
  if (config.client_ca_file.empty() && config.client_ca_pem.empty()) return std::nullopt;
  std::optional<TlsProblem> problem;
  const std::string key =
      config.client_ca_file.empty() ? "tls_server_config.client_ca" : "tls_server_config.client_ca_file";
  const auto pem = PemText(config.client_ca_file, config.client_ca_pem, key, problem);
  if (!pem) return problem;
  auto certificates = ReadCertificates(*pem);
  if (certificates.empty()) return TlsProblem{key, "no PEM certificate found", config.client_ca_file};
  X509_STORE* store = SSL_CTX_get_cert_store(ctx);
  for (const auto& cert : certificates) {
    // The store takes its own reference; the client CA list (sent in the CertificateRequest) a copy of the
    // name.
    if (X509_STORE_add_cert(store, cert.get()) != 1 || SSL_CTX_add_client_CA(ctx, cert.get()) != 1) {
      return TlsProblem{key, "CA certificate refused: " + OpenSslError("unusable"), config.client_ca_file};
    }
  }
  return std::nullopt;
}

int VerifyMode(ClientAuthType type) {
  switch (type) {
    case ClientAuthType::kNoClientCert:
      return SSL_VERIFY_NONE;
    case ClientAuthType::kRequestClientCert:
    case ClientAuthType::kVerifyClientCertIfGiven:
      return SSL_VERIFY_PEER;
    case ClientAuthType::kRequireAnyClientCert:
    case ClientAuthType::kRequireAndVerifyClientCert:
      return SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT;
  }
  return SSL_VERIFY_NONE;
}

std::string Join(const std::vector<std::string>& parts, char separator) {
  std::string joined;
  for (const std::string& part : parts) joined += (joined.empty() ? "" : std::string(1, separator)) + part;
  return joined;
}

}  // namespace

std::vector<std::string> KnownCipherSuites() {
  std::vector<std::string> names;
  std::unique_ptr<SSL_CTX, CtxFree> ctx(SSL_CTX_new(TLS_server_method()));
  if (!ctx || SSL_CTX_set_cipher_list(ctx.get(), "ALL:COMPLEMENTOFALL") != 1) return names;
  STACK_OF(SSL_CIPHER)* ciphers = SSL_CTX_get_ciphers(ctx.get());
  for (int i = 0; i < sk_SSL_CIPHER_num(ciphers); ++i) {
    const SSL_CIPHER* cipher = sk_SSL_CIPHER_value(ciphers, i);
    const char* standard = SSL_CIPHER_standard_name(cipher);
    if (standard != nullptr && std::string_view(SSL_CIPHER_get_version(cipher)) != "TLSv1.3")
      names.emplace_back(standard);
  }
  ERR_clear_error();
  return names;
}

std::optional<std::string> OpenSslCipherName(std::string_view iana_name) {
  std::unique_ptr<SSL_CTX, CtxFree> ctx(SSL_CTX_new(TLS_server_method()));
  if (!ctx || SSL_CTX_set_cipher_list(ctx.get(), "ALL:COMPLEMENTOFALL") != 1) return std::nullopt;
  STACK_OF(SSL_CIPHER)* ciphers = SSL_CTX_get_ciphers(ctx.get());
  for (int i = 0; i < sk_SSL_CIPHER_num(ciphers); ++i) {
    const SSL_CIPHER* cipher = sk_SSL_CIPHER_value(ciphers, i);
    const char* standard = SSL_CIPHER_standard_name(cipher);
    if (standard != nullptr && iana_name == standard &&
        std::string_view(SSL_CIPHER_get_version(cipher)) != "TLSv1.3") {
      return std::string(SSL_CIPHER_get_name(cipher));
    }
  }
  ERR_clear_error();
  return std::nullopt;
}

std::optional<TlsProblem> ConfigureTlsContext(ssl_ctx_st* ctx, const TlsServerConfig& config) {
  if (auto problem = LoadCertificateAndKey(ctx, config)) return problem;
  if (auto problem = LoadClientCa(ctx, config)) return problem;
  SSL_CTX_set_ex_data(ctx, ConfigIndex(), const_cast<TlsServerConfig*>(&config));
  SSL_CTX_set_verify(ctx, VerifyMode(config.client_auth),
                     config.client_auth == ClientAuthType::kNoClientCert ? nullptr : VerifyClient);
  if (SSL_CTX_set_min_proto_version(ctx, ProtocolVersion(config.min_version)) != 1 ||
      SSL_CTX_set_max_proto_version(ctx, ProtocolVersion(config.max_version)) != 1) {
    return TlsProblem{"tls_server_config.min_version", "version refused: " + OpenSslError("unsupported"), ""};
  }
  if (!config.cipher_suites.empty() &&
      SSL_CTX_set_cipher_list(ctx, Join(config.cipher_suites, ':').c_str()) != 1) {
    return TlsProblem{"tls_server_config.cipher_suites", "cipher suites refused: " + OpenSslError("unknown"),
                      Join(config.cipher_suites, ':')};
  }
  if (config.prefer_server_cipher_suites) {
    SSL_CTX_set_options(ctx, SSL_OP_CIPHER_SERVER_PREFERENCE);
  } else {
    SSL_CTX_clear_options(ctx, SSL_OP_CIPHER_SERVER_PREFERENCE);
  }
  if (!config.curve_preferences.empty() &&
      SSL_CTX_set1_groups_list(ctx, Join(config.curve_preferences, ':').c_str()) != 1) {
    return TlsProblem{"tls_server_config.curve_preferences", "curves refused: " + OpenSslError("unknown"),
                      Join(config.curve_preferences, ':')};
  }
  static constexpr unsigned char kSessionContext[] = "promsynth";
  SSL_CTX_set_session_id_context(ctx, kSessionContext, sizeof kSessionContext - 1);
  return std::nullopt;
}

std::optional<TlsProblem> CheckTlsServerConfig(const TlsServerConfig& config) {
  std::unique_ptr<SSL_CTX, CtxFree> ctx(SSL_CTX_new(TLS_server_method()));
  if (!ctx)
    return TlsProblem{"tls_server_config", "OpenSSL cannot create a context: " + OpenSslError("?"), ""};
  return ConfigureTlsContext(ctx.get(), config);
}

std::optional<std::string> CheckCivetwebTlsRuntime() {
  // Referencing the shims keeps them linked in; a mismatch would mean a foreign libssl.so.
  if (promsynth_ssl_shim_version() != 1 || promsynth_crypto_shim_version() != 1) {
    return "the OpenSSL shims have an unexpected version";
  }
  // civetweb does dlopen("libssl.so") and dlopen("libcrypto.so"): with RTLD_NOLOAD the same
  // lookup tells which loaded object it would get, without loading anything.
  void* ssl = dlopen("libssl.so", RTLD_LAZY | RTLD_NOLOAD);
  void* crypto = dlopen("libcrypto.so", RTLD_LAZY | RTLD_NOLOAD);
  std::optional<std::string> problem;
  if (ssl == nullptr || crypto == nullptr) {
    problem =
        "civetweb would not find the OpenSSL shims (libssl.so, libcrypto.so) among the loaded libraries";
  } else if (dlsym(ssl, "SSL_get_peer_certificate") == nullptr || dlsym(ssl, "SSL_CTX_new") == nullptr) {
    problem = "the libssl.so civetweb would use lacks SSL_get_peer_certificate; TLS would crash";
  }
  if (ssl != nullptr) dlclose(ssl);
  if (crypto != nullptr) dlclose(crypto);
  return problem;
}

}  // namespace promsynth
