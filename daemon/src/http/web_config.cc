#include "http/web_config.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "config/yaml_walker.h"
#include "http/basic_auth.h"
#include "http/tls_context.h"

namespace promsynth {
namespace {

constexpr std::string_view kTls = "tls_server_config";

std::string Join(const std::vector<std::string>& items) {
  std::string joined;
  for (const std::string& item : items) joined += (joined.empty() ? "" : ", ") + item;
  return joined;
}

/// A scalar string; reports and returns nothing for a list or mapping.
std::optional<std::string> ReadScalar(Walker& walker, const YAML::Node& node, const std::string& key,
                                      std::string_view allowed) {
  if (node.IsScalar()) return node.Scalar();
  if (node.IsNull()) return std::string();
  walker.Fail(node, key, "expected a single value", Walker::Describe(node), std::string(allowed));
  return std::nullopt;
}

std::optional<bool> ReadBool(Walker& walker, const YAML::Node& node, const std::string& key) {
  if (node.IsScalar() && (node.Scalar() == "true" || node.Scalar() == "false"))
    return node.Scalar() == "true";
  walker.Fail(node, key, "not a boolean", Walker::Describe(node), "true, false");
  return std::nullopt;
}

std::vector<std::string> ReadStringList(Walker& walker, const YAML::Node& node, const std::string& key,
                                        std::string_view allowed) {
  std::vector<std::string> items;
  if (node.IsNull()) return items;
  if (!node.IsSequence()) {
    walker.Fail(node, key, "expected a list", Walker::Describe(node), std::string(allowed));
    return items;
  }
  for (size_t i = 0; i < node.size(); ++i) {
    if (!node[i].IsScalar()) {
      walker.Fail(node[i], key + "[" + std::to_string(i) + "]", "expected a single value",
                  Walker::Describe(node[i]), std::string(allowed));
    } else {
      items.push_back(node[i].Scalar());
    }
  }
  return items;
}

std::string Resolve(const std::string& path, const std::string& base_dir) {
  if (path.empty() || path.front() == '/' || base_dir.empty()) return path;
  return base_dir + "/" + path;
}

std::optional<ClientAuthType> ParseClientAuth(std::string_view text) {
  if (text.empty() || text == "NoClientCert") return ClientAuthType::kNoClientCert;
  if (text == "RequestClientCert") return ClientAuthType::kRequestClientCert;
  // exporter-toolkit keeps RequireClientCert as an old spelling of RequireAnyClientCert.
  if (text == "RequireAnyClientCert" || text == "RequireClientCert")
    return ClientAuthType::kRequireAnyClientCert;
  if (text == "VerifyClientCertIfGiven") return ClientAuthType::kVerifyClientCertIfGiven;
  if (text == "RequireAndVerifyClientCert") return ClientAuthType::kRequireAndVerifyClientCert;
  return std::nullopt;
}

std::optional<TlsVersion> ParseTlsVersion(std::string_view text) {
  if (text == "TLS10") return TlsVersion::kTls10;
  if (text == "TLS11") return TlsVersion::kTls11;
  if (text == "TLS12") return TlsVersion::kTls12;
  if (text == "TLS13") return TlsVersion::kTls13;
  return std::nullopt;
}

/// Go's curve names (crypto/tls.CurveID) → OpenSSL's group names.
std::optional<std::string> OpenSslGroup(std::string_view go_name) {
  if (go_name == "CurveP256") return "P-256";
  if (go_name == "CurveP384") return "P-384";
  if (go_name == "CurveP521") return "P-521";
  if (go_name == "X25519") return "X25519";
  return std::nullopt;
}

void ReadTls(Walker& walker, const YAML::Node& node, const std::string& base_dir, WebConfig& config) {
  const std::string path(kTls);
  if (!walker.ExpectMap(node, path)) return;
  walker.CheckKeys(node, path,
                   {"cert_file", "key_file", "cert", "key", "client_ca_file", "client_ca", "client_auth_type",
                    "client_allowed_sans", "min_version", "max_version", "cipher_suites",
                    "prefer_server_cipher_suites", "curve_preferences"});
  TlsServerConfig tls;
  const size_t errors_before = walker.errors().size();
  auto text = [&](const char* key, std::string_view allowed) -> std::string {
    const YAML::Node value = node[key];
    if (!value) return {};
    return ReadScalar(walker, value, Walker::Join(path, key), allowed).value_or("");
  };
  tls.cert_file = Resolve(text("cert_file", "a path to a PEM certificate (chain)"), base_dir);
  tls.key_file = Resolve(text("key_file", "a path to a PEM private key"), base_dir);
  tls.client_ca_file = Resolve(text("client_ca_file", "a path to PEM CA certificates"), base_dir);
  tls.cert_pem = text("cert", "a PEM certificate (chain)");
  tls.key_pem = text("key", "a PEM private key");
  tls.client_ca_pem = text("client_ca", "PEM CA certificates");
  auto exclusive = [&](const char* file_key, const char* inline_key, const std::string& file,
                       const std::string& pem) {
    if (!file.empty() && !pem.empty()) {
      walker.Fail(node[inline_key], Walker::Join(path, inline_key),
                  std::string("set both ") + file_key + " and " + inline_key, "<inline PEM>",
                  std::string("one of ") + file_key + " or " + inline_key);
    }
  };
  exclusive("cert_file", "cert", tls.cert_file, tls.cert_pem);
  exclusive("key_file", "key", tls.key_file, tls.key_pem);
  exclusive("client_ca_file", "client_ca", tls.client_ca_file, tls.client_ca_pem);
  if (tls.cert_file.empty() && tls.cert_pem.empty()) {
    walker.Fail(node, Walker::Join(path, "cert_file"), "TLS needs a certificate", "", "cert_file or cert");
  }
  if (tls.key_file.empty() && tls.key_pem.empty()) {
    walker.Fail(node, Walker::Join(path, "key_file"), "TLS needs a private key", "", "key_file or key");
  }

  constexpr std::string_view kAuthTypes =
      "NoClientCert, RequestClientCert, RequireAnyClientCert, VerifyClientCertIfGiven, "
      "RequireAndVerifyClientCert";
  if (const YAML::Node auth = node["client_auth_type"]) {
    const std::string value = text("client_auth_type", kAuthTypes);
    if (auto parsed = ParseClientAuth(value)) {
      tls.client_auth = *parsed;
    } else {
      walker.Fail(auth, Walker::Join(path, "client_auth_type"), "unknown client auth type", value,
                  std::string(kAuthTypes));
    }
  }
  const bool has_ca = !tls.client_ca_file.empty() || !tls.client_ca_pem.empty();
  const bool verifies = tls.client_auth == ClientAuthType::kVerifyClientCertIfGiven ||
                        tls.client_auth == ClientAuthType::kRequireAndVerifyClientCert;
  if (has_ca && tls.client_auth == ClientAuthType::kNoClientCert) {
    walker.Fail(node[tls.client_ca_pem.empty() ? "client_ca_file" : "client_ca"],
                Walker::Join(path, "client_ca_file"),
                "a client CA is set but client_auth_type does not ask for client certificates",
                "NoClientCert", "client_auth_type RequireAndVerifyClientCert (or VerifyClientCertIfGiven)");
  }
  if (verifies && !has_ca) {
    walker.Fail(node["client_auth_type"], Walker::Join(path, "client_auth_type"),
                "verifying client certificates needs client_ca_file (or client_ca)",
                node["client_auth_type"].Scalar(),
                "client_ca_file: a PEM file of the CAs that sign client certificates");
  }
  if (const YAML::Node sans = node["client_allowed_sans"]) {
    tls.client_allowed_sans = ReadStringList(walker, sans, Walker::Join(path, "client_allowed_sans"),
                                             "exact DNS names, IP addresses, e-mail addresses or URIs");
    if (!tls.client_allowed_sans.empty() && tls.client_auth != ClientAuthType::kRequireAnyClientCert &&
        tls.client_auth != ClientAuthType::kRequireAndVerifyClientCert) {
      walker.Fail(sans, Walker::Join(path, "client_allowed_sans"),
                  "needs a client_auth_type that requires a certificate", "<list>",
                  "client_auth_type RequireAndVerifyClientCert or RequireAnyClientCert");
    }
  }
  for (const char* key : {"min_version", "max_version"}) {
    const YAML::Node value = node[key];
    if (!value) continue;
    const std::string version = text(key, "TLS10, TLS11, TLS12, TLS13");
    if (auto parsed = ParseTlsVersion(version)) {
      (std::string_view(key) == "min_version" ? tls.min_version : tls.max_version) = *parsed;
    } else {
      walker.Fail(value, Walker::Join(path, key), "unknown TLS version", version,
                  "TLS10, TLS11, TLS12, TLS13");
    }
  }
  if (tls.min_version > tls.max_version) {
    // Either may be the default (TLS12, TLS13): point at the one the file sets, never at a
    // missing key (yaml-cpp throws InvalidNode for the mark or value of a missing key).
    const bool min_given = static_cast<bool>(node["min_version"]);
    const YAML::Node given = node[min_given ? "min_version" : "max_version"];
    walker.Fail(
        given, Walker::Join(path, min_given ? "min_version" : "max_version"),
        min_given ? "min_version is above max_version" : "max_version is below the default min_version",
        given.IsScalar() ? given.Scalar() : "",
        min_given ? "a version no higher than max_version" : "TLS12 or TLS13, or set min_version too");
  }
  if (const YAML::Node suites = node["cipher_suites"]) {
    const std::string key = Walker::Join(path, "cipher_suites");
    for (const std::string& name : ReadStringList(walker, suites, key, "IANA cipher suite names")) {
      // Go also accepts the CHACHA20 suites without their _SHA256 suffix.
      auto openssl = OpenSslCipherName(name);
      if (!openssl) openssl = OpenSslCipherName(name + "_SHA256");
      if (openssl) {
        tls.cipher_suites.push_back(*openssl);
      } else {
        walker.Fail(suites, key, "unknown cipher suite (TLS 1.3 suites are not configurable)", name,
                    Join(KnownCipherSuites()));
      }
    }
  }
  if (const YAML::Node prefer = node["prefer_server_cipher_suites"]) {
    if (auto value = ReadBool(walker, prefer, Walker::Join(path, "prefer_server_cipher_suites"))) {
      tls.prefer_server_cipher_suites = *value;
    }
  }
  if (const YAML::Node curves = node["curve_preferences"]) {
    const std::string key = Walker::Join(path, "curve_preferences");
    for (const std::string& name :
         ReadStringList(walker, curves, key, "CurveP256, CurveP384, CurveP521, X25519")) {
      if (auto group = OpenSslGroup(name)) {
        tls.curve_preferences.push_back(*group);
      } else {
        walker.Fail(curves, key, "unknown curve", name, "CurveP256, CurveP384, CurveP521, X25519");
      }
    }
  }
  // Load the material only when the keys are sound: the problems then name the file at fault.
  if (walker.errors().size() == errors_before) {
    if (auto problem = CheckTlsServerConfig(tls)) {
      const std::string leaf = problem->key.substr(problem->key.rfind('.') + 1);
      const YAML::Node at = node[leaf] ? node[leaf] : node;
      walker.Fail(at, problem->key, problem->message, problem->value,
                  leaf.starts_with("key") ? "an unencrypted PEM private key that matches the certificate"
                                          : "a readable PEM file");
    }
  }
  config.tls = std::move(tls);
}

void ReadHttpServerConfig(Walker& walker, const YAML::Node& node, WebConfig& config) {
  const std::string path = "http_server_config";
  if (!walker.ExpectMap(node, path)) return;
  walker.CheckKeys(node, path, {"http2", "headers"});
  if (const YAML::Node http2 = node["http2"]) {
    if (auto value = ReadBool(walker, http2, Walker::Join(path, "http2"))) config.http2 = *value;
  }
  const YAML::Node headers = node["headers"];
  if (!headers || headers.IsNull()) return;
  const std::string headers_path = Walker::Join(path, "headers");
  if (!walker.ExpectMap(headers, headers_path)) return;
  const std::string allowed = Join(AllowedWebHeaders());
  for (const auto& entry : headers) {
    const std::string name = entry.first.Scalar();
    const std::string key = Walker::Join(headers_path, name);
    const auto& known = AllowedWebHeaders();
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      walker.Fail(entry.first, key, "this header cannot be set", name, allowed);
      continue;
    }
    std::optional<std::string> value = ReadScalar(walker, entry.second, key, "a header value");
    if (!value) continue;
    if (value->find_first_of("\r\n") != std::string::npos) {
      walker.Fail(entry.second, key, "a header value cannot contain a line break", *value,
                  "one line of text");
      continue;
    }
    std::string lower = *value;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    if (name == "X-Frame-Options" && !value->empty() && lower != "deny" && lower != "sameorigin") {
      walker.Fail(entry.second, key, "invalid X-Frame-Options", *value, "deny, sameorigin");
      continue;
    }
    if (name == "X-Content-Type-Options" && !value->empty() && lower != "nosniff") {
      walker.Fail(entry.second, key, "invalid X-Content-Type-Options", *value, "nosniff");
      continue;
    }
    if (!value->empty()) config.headers.emplace_back(name, *value);  // blank: unset, as exporter-toolkit
  }
}

void ReadUsers(Walker& walker, const YAML::Node& node, WebConfig& config) {
  const std::string path = "basic_auth_users";
  if (node.IsNull()) return;
  if (!walker.ExpectMap(node, path)) return;
  for (const auto& entry : node) {
    const std::string user = entry.first.Scalar();
    const std::string key = Walker::Join(path, user);
    if (user.empty() || user.find(':') != std::string::npos) {
      walker.Fail(entry.first, key, "a user name cannot be empty or contain a colon", user,
                  "a name without ':' (basic auth splits user:password at the first colon)");
      continue;
    }
    const std::optional<std::string> hash = ReadScalar(walker, entry.second, key, "a bcrypt hash");
    if (!hash) continue;
    if (!BasicAuth::LooksLikeBcrypt(*hash)) {
      walker.Fail(entry.second, key, "not a bcrypt hash", *hash,
                  "a bcrypt hash such as the output of htpasswd -nBC 10 \"\" | tr -d ':\\n' ($2y$10$…, 60 "
                  "characters)");
      continue;
    }
    config.basic_auth_users[user] = *hash;
  }
}

void ReadRateLimit(Walker& walker, const YAML::Node& node, WebConfig& config) {
  const std::string path = "rate_limit";
  if (node.IsNull()) return;
  if (!walker.ExpectMap(node, path)) return;
  walker.CheckKeys(node, path, {"interval", "burst"});
  if (const YAML::Node interval = node["interval"]) {
    const std::string text = interval.IsScalar() ? interval.Scalar() : Walker::Describe(interval);
    auto parsed = text == "0" ? std::optional<Millis>(0) : ParseDuration(text);
    if (!parsed) {
      walker.Fail(interval, Walker::Join(path, "interval"), "not a duration", text,
                  "a duration such as 100ms or 1s; 0 turns the limit off");
    } else {
      config.rate_limit.interval = *parsed;
    }
  }
  if (const YAML::Node burst = node["burst"]) {
    const std::string text = burst.IsScalar() ? burst.Scalar() : Walker::Describe(burst);
    int value = -1;
    try {
      size_t used = 0;
      value = std::stoi(text, &used);
      if (used != text.size()) value = -1;
    } catch (const std::exception&) {
      value = -1;
    }
    if (value < 0) {
      walker.Fail(burst, Walker::Join(path, "burst"), "not a whole number of requests", text, "0 or more");
    } else {
      config.rate_limit.burst = value;
    }
  }
  if (config.rate_limit.interval.count() > 0 && config.rate_limit.burst < 1) {
    walker.Fail(node, Walker::Join(path, "burst"), "a rate limit needs a burst of at least 1",
                std::to_string(config.rate_limit.burst), "1 or more");
  }
}

}  // namespace

const std::vector<std::string>& AllowedWebHeaders() {
  static const std::vector<std::string> kHeaders = {"Content-Security-Policy", "X-Frame-Options",
                                                    "X-Content-Type-Options", "X-XSS-Protection",
                                                    "Strict-Transport-Security"};
  return kHeaders;
}

WebConfig ParseWebConfig(const std::string& yaml, const std::string& file_name, const std::string& base_dir) {
  Walker walker(file_name);
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& error) {
    throw ConfigErrors({{{file_name, error.mark.line + 1, error.mark.column + 1},
                         "",
                         "not valid YAML: " + error.msg,
                         "",
                         ""}});
  }
  WebConfig config;
  config.source_file = file_name;
  if (!root || root.IsNull()) return config;
  if (!root.IsMap()) {
    walker.Fail(root, "", "the web config must be a mapping", Walker::Describe(root),
                "tls_server_config, http_server_config, basic_auth_users, rate_limit");
    throw ConfigErrors(std::move(walker.errors()));
  }
  walker.CheckKeys(root, "", {"tls_server_config", "http_server_config", "basic_auth_users", "rate_limit"});
  if (const YAML::Node tls = root["tls_server_config"]; tls && !tls.IsNull())
    ReadTls(walker, tls, base_dir, config);
  if (const YAML::Node http = root["http_server_config"]; http && !http.IsNull()) {
    ReadHttpServerConfig(walker, http, config);
  }
  if (const YAML::Node users = root["basic_auth_users"]) ReadUsers(walker, users, config);
  if (const YAML::Node rate = root["rate_limit"]) ReadRateLimit(walker, rate, config);
  if (!walker.errors().empty()) throw ConfigErrors(std::move(walker.errors()));
  return config;
}

WebConfig LoadWebConfigFile(const std::string& path) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    throw ConfigErrors(
        {{{path, 0, 0}, "", "is a directory, not a web config file", "", "a readable YAML file"}});
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (!in || !(text << in.rdbuf())) {
    // An empty file reads as nothing: only a file that cannot be opened is an error.
    if (in.is_open()) return ParseWebConfig("", path, "");
    throw ConfigErrors({{{path, 0, 0}, "", "cannot read the web config file", "", "a readable YAML file"}});
  }
  const size_t slash = path.rfind('/');
  return ParseWebConfig(text.str(), path, slash == std::string::npos ? "." : path.substr(0, slash));
}

}  // namespace promsynth
