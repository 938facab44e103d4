#include "http/web_config.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "config/config_error.h"
#include "support/temp_dir.h"
#include "support/test_certificates.h"

namespace promsynth {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::TempDir;
using testing::TestCertificates;

// A well-formed bcrypt hash (cost 5) of "U*U": the classic OpenBSD / John the Ripper test vector.
constexpr const char* kHash = "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW";

class WebConfigTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    certs_ = new TestCertificates(TestCertificates::Create(dir_->path()));
  }
  static void TearDownTestSuite() {
    delete certs_;
    delete dir_;
  }

  /// Parses `yaml` as w.yml in the certificate directory (so relative paths find the files).
  static WebConfig Parse(const std::string& yaml) { return ParseWebConfig(yaml, "w.yml", dir_->path()); }

  /// The formatted errors of a web config that must not load.
  static std::vector<std::string> Errors(const std::string& yaml) {
    try {
      Parse(yaml);
    } catch (const ConfigErrors& errors) {
      std::vector<std::string> lines;
      for (const ConfigError& error : errors.errors()) lines.push_back(error.Format());
      return lines;
    }
    ADD_FAILURE() << "web config loaded but should not have:\n" << yaml;
    return {};
  }

  static TempDir* dir_;
  static TestCertificates* certs_;
};
TempDir* WebConfigTest::dir_ = nullptr;
TestCertificates* WebConfigTest::certs_ = nullptr;

TEST_F(WebConfigTest, EmptyDocumentIsPlainHttpWithoutUsers) {
  for (const std::string yaml : {"", "# nothing\n", "tls_server_config:\nbasic_auth_users:\n"}) {
    const WebConfig config = Parse(yaml);
    EXPECT_FALSE(config.tls.has_value()) << yaml;
    EXPECT_TRUE(config.basic_auth_users.empty()) << yaml;
    EXPECT_TRUE(config.headers.empty()) << yaml;
  }
}

TEST_F(WebConfigTest, FullConfigParsesWithPathsRelativeToTheFile) {
  const WebConfig config = Parse(std::string(R"(
tls_server_config:
  cert_file: server.pem
  key_file: server.key
  client_ca_file: ca.pem
  client_auth_type: RequireAndVerifyClientCert
  client_allowed_sans: [client.example]
  min_version: TLS13
  max_version: TLS13
  cipher_suites: [TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305]
  prefer_server_cipher_suites: false
  curve_preferences: [X25519, CurveP256]
http_server_config:
  http2: false
  headers:
    X-Frame-Options: SAMEORIGIN
    X-Content-Type-Options: nosniff
    Strict-Transport-Security: max-age=31536000
    Content-Security-Policy: ""
basic_auth_users:
  alice: ')") + kHash + R"('
rate_limit: {interval: 100ms, burst: 5}
)");
  ASSERT_TRUE(config.tls.has_value());
  const TlsServerConfig& tls = *config.tls;
  EXPECT_EQ(tls.cert_file, dir_->path() + "/server.pem");
  EXPECT_EQ(tls.key_file, dir_->path() + "/server.key");
  EXPECT_EQ(tls.client_ca_file, dir_->path() + "/ca.pem");
  EXPECT_EQ(tls.client_auth, ClientAuthType::kRequireAndVerifyClientCert);
  EXPECT_THAT(tls.client_allowed_sans, ElementsAre("client.example"));
  EXPECT_EQ(tls.min_version, TlsVersion::kTls13);
  EXPECT_EQ(tls.max_version, TlsVersion::kTls13);
  // IANA names become OpenSSL's; Go's CHACHA20 spelling without _SHA256 is accepted.
  EXPECT_THAT(tls.cipher_suites,
              ElementsAre("ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-ECDSA-CHACHA20-POLY1305"));
  EXPECT_FALSE(tls.prefer_server_cipher_suites);
  EXPECT_THAT(tls.curve_preferences, ElementsAre("X25519", "P-256"));
  EXPECT_FALSE(config.http2);
  // A blank header is unset, as in exporter-toolkit; the others keep the file's order.
  using Header = std::pair<std::string, std::string>;
  EXPECT_THAT(config.headers, ElementsAre(Header{"X-Frame-Options", "SAMEORIGIN"},
                                          Header{"X-Content-Type-Options", "nosniff"},
                                          Header{"Strict-Transport-Security", "max-age=31536000"}));
  EXPECT_EQ(config.basic_auth_users.at("alice"), kHash);
  EXPECT_EQ(config.rate_limit.interval.count(), 100);
  EXPECT_EQ(config.rate_limit.burst, 5);
}

TEST_F(WebConfigTest, InlinePemAndAbsolutePathsWork) {
  const std::string yaml = "tls_server_config:\n  cert: |\n" +
                           [] {
                             std::string indented;
                             std::string pem = testing::ReadFile(certs_->server_cert);
                             size_t start = 0;
                             while (start < pem.size()) {
                               const size_t end = pem.find('\n', start);
                               indented += "    " + pem.substr(start, end - start) + "\n";
                               start = end + 1;
                             }
                             return indented;
                           }() +
                           "  key_file: " + certs_->server_key + "\n";
  const WebConfig config = Parse(yaml);
  ASSERT_TRUE(config.tls.has_value());
  EXPECT_THAT(config.tls->cert_pem, HasSubstr("BEGIN CERTIFICATE"));
  EXPECT_EQ(config.tls->key_file, certs_->server_key);
}

TEST_F(WebConfigTest, StructureErrorsNameFileLineColumnKeyValueAndAllowed) {
  EXPECT_THAT(Errors("tls_config: {}\n"),
              ElementsAre("w.yml:1:1: tls_config: unknown key \"tls_config\" (allowed: tls_server_config, "
                          "http_server_config, basic_auth_users, rate_limit)"));
  EXPECT_THAT(
      Errors("- a\n"),
      ElementsAre("w.yml:1:1: the web config must be a mapping \"<list>\" (allowed: tls_server_config, "
                  "http_server_config, basic_auth_users, rate_limit)"));
  EXPECT_THAT(Errors("basic_auth_users: [\n"), ElementsAre(HasSubstr("w.yml:2:1: not valid YAML")));
  EXPECT_THAT(Errors("tls_server_config: yes\n"),
              ElementsAre("w.yml:1:20: tls_server_config: expected a mapping \"yes\""));
}

TEST_F(WebConfigTest, TlsKeyErrors) {
  EXPECT_THAT(
      Errors("tls_server_config:\n  cert_file: server.pem\n  key_file: server.key\n  ca: x\n"),
      ElementsAre(HasSubstr("w.yml:4:3: tls_server_config.ca: unknown key \"ca\" (allowed: cert_file, ")));
  EXPECT_THAT(
      Errors("tls_server_config:\n  key_file: server.key\n"),
      ElementsAre(
          "w.yml:2:3: tls_server_config.cert_file: TLS needs a certificate (allowed: cert_file or cert)"));
  EXPECT_THAT(
      Errors("tls_server_config:\n  cert_file: server.pem\n"),
      ElementsAre(
          "w.yml:2:3: tls_server_config.key_file: TLS needs a private key (allowed: key_file or key)"));
  EXPECT_THAT(Errors("tls_server_config:\n  cert_file: server.pem\n  cert: x\n  key_file: server.key\n"),
              ElementsAre("w.yml:3:9: tls_server_config.cert: set both cert_file and cert \"<inline PEM>\" "
                          "(allowed: one of cert_file or cert)"));
  EXPECT_THAT(
      Errors("tls_server_config:\n  cert_file: server.pem\n  key_file: server.key\n"
             "  client_auth_type: VerifyClientCert\n"),
      ElementsAre("w.yml:4:21: tls_server_config.client_auth_type: unknown client auth type "
                  "\"VerifyClientCert\" (allowed: NoClientCert, RequestClientCert, RequireAnyClientCert, "
                  "VerifyClientCertIfGiven, RequireAndVerifyClientCert)"));
  EXPECT_THAT(
      Errors(
          "tls_server_config:\n  cert_file: server.pem\n  key_file: server.key\n  client_ca_file: ca.pem\n"),
      ElementsAre(HasSubstr("w.yml:4:19: tls_server_config.client_ca_file: a client CA is set but "
                            "client_auth_type does not ask for client certificates")));
  EXPECT_THAT(Errors("tls_server_config:\n  cert_file: server.pem\n  key_file: server.key\n"
                     "  client_auth_type: RequireAndVerifyClientCert\n"),
              ElementsAre(HasSubstr("w.yml:4:21: tls_server_config.client_auth_type: verifying client "
                                    "certificates needs client_ca_file (or client_ca)")));
  EXPECT_THAT(
      Errors("tls_server_config:\n  cert_file: server.pem\n  key_file: server.key\n"
             "  client_auth_type: RequestClientCert\n  client_allowed_sans: [a]\n"),
      ElementsAre(HasSubstr("w.yml:5:24: tls_server_config.client_allowed_sans: needs a client_auth_type "
                            "that requires a certificate")));
  EXPECT_THAT(
      Errors("tls_server_config:\n  cert_file: server.pem\n  key_file: server.key\n  min_version: TLS1.2\n"),
      ElementsAre("w.yml:4:16: tls_server_config.min_version: unknown TLS version \"TLS1.2\" "
                  "(allowed: TLS10, TLS11, TLS12, TLS13)"));
  EXPECT_THAT(
      Errors("tls_server_config:\n  cert_file: server.pem\n  key_file: server.key\n"
             "  min_version: TLS13\n  max_version: TLS12\n"),
      ElementsAre("w.yml:4:16: tls_server_config.min_version: min_version is above max_version \"TLS13\" "
                  "(allowed: a version no higher than max_version)"));
  // Found writing web_config_fuzz (its corpus keeps the case): a max_version under the default
  // min_version (TLS12), with no min_version in the file, threw yaml-cpp's InvalidNode instead of
  // reporting the error.
  EXPECT_THAT(
      Errors("tls_server_config:\n  cert_file: server.pem\n  key_file: server.key\n  max_version: TLS11\n"),
      ElementsAre("w.yml:4:16: tls_server_config.max_version: max_version is below the default "
                  "min_version \"TLS11\" (allowed: TLS12 or TLS13, or set min_version too)"));
  EXPECT_THAT(
      Errors("tls_server_config:\n  cert_file: server.pem\n  key_file: server.key\n"
             "  cipher_suites: [TLS_AES_128_GCM_SHA256]\n"),
      ElementsAre(HasSubstr("w.yml:4:18: tls_server_config.cipher_suites: unknown cipher suite (TLS 1.3 "
                            "suites are not configurable) \"TLS_AES_128_GCM_SHA256\" (allowed: ")));
  EXPECT_THAT(Errors("tls_server_config:\n  cert_file: server.pem\n  key_file: server.key\n"
                     "  curve_preferences: [P-256]\n"),
              ElementsAre("w.yml:4:22: tls_server_config.curve_preferences: unknown curve \"P-256\" "
                          "(allowed: CurveP256, CurveP384, CurveP521, X25519)"));
  EXPECT_THAT(Errors("tls_server_config:\n  cert_file: server.pem\n  key_file: server.key\n"
                     "  prefer_server_cipher_suites: yes\n"),
              ElementsAre("w.yml:4:32: tls_server_config.prefer_server_cipher_suites: not a boolean \"yes\" "
                          "(allowed: true, false)"));
}

TEST_F(WebConfigTest, TlsMaterialErrorsNameTheFileAtFault) {
  EXPECT_THAT(Errors("tls_server_config:\n  cert_file: missing.pem\n  key_file: server.key\n"),
              ElementsAre("w.yml:2:14: tls_server_config.cert_file: cannot read the file \"" + dir_->path() +
                          "/missing.pem\" (allowed: a readable PEM file)"));
  // The client's key is a valid key, but not the server certificate's.
  EXPECT_THAT(
      Errors("tls_server_config:\n  cert_file: server.pem\n  key_file: client.key\n"),
      ElementsAre(
          "w.yml:3:13: tls_server_config.key_file: the private key does not match the certificate \"" +
          dir_->path() +
          "/client.key\" (allowed: an unencrypted PEM private key that matches the "
          "certificate)"));
  EXPECT_THAT(Errors("tls_server_config:\n  cert_file: server.key\n  key_file: server.key\n"),
              ElementsAre(HasSubstr("w.yml:2:14: tls_server_config.cert_file: no PEM certificate found")));
  EXPECT_THAT(
      Errors("tls_server_config:\n  cert_file: server.pem\n  key_file: server.pem\n"),
      ElementsAre(HasSubstr("w.yml:3:13: tls_server_config.key_file: no unencrypted PEM private key found")));
  EXPECT_THAT(
      Errors("tls_server_config:\n  cert_file: server.pem\n  key_file: server.key\n"
             "  client_auth_type: RequireAndVerifyClientCert\n  client_ca_file: server.key\n"),
      ElementsAre(HasSubstr("w.yml:5:19: tls_server_config.client_ca_file: no PEM certificate found")));
}

TEST_F(WebConfigTest, HeaderErrors) {
  EXPECT_THAT(
      Errors("http_server_config:\n  headers:\n    Server: promsynth\n"),
      ElementsAre("w.yml:3:5: http_server_config.headers.Server: this header cannot be set \"Server\" "
                  "(allowed: Content-Security-Policy, X-Frame-Options, X-Content-Type-Options, "
                  "X-XSS-Protection, Strict-Transport-Security)"));
  EXPECT_THAT(
      Errors("http_server_config:\n  headers:\n    X-Frame-Options: allow\n"),
      ElementsAre("w.yml:3:22: http_server_config.headers.X-Frame-Options: invalid X-Frame-Options \"allow\" "
                  "(allowed: deny, sameorigin)"));
  EXPECT_THAT(Errors("http_server_config:\n  headers:\n    X-Content-Type-Options: sniff\n"),
              ElementsAre("w.yml:3:29: http_server_config.headers.X-Content-Type-Options: invalid "
                          "X-Content-Type-Options \"sniff\" (allowed: nosniff)"));
  EXPECT_THAT(
      Errors("http_server_config:\n  headers:\n    X-XSS-Protection: \"1\\r\\nSet-Cookie: a=b\"\n"),
      ElementsAre(HasSubstr("w.yml:3:23: http_server_config.headers.X-XSS-Protection: a header value cannot "
                            "contain a line break")));
  EXPECT_THAT(
      Errors("http_server_config:\n  http2: 1\n  h3: true\n"),
      ElementsAre("w.yml:3:3: http_server_config.h3: unknown key \"h3\" (allowed: http2, headers)",
                  "w.yml:2:10: http_server_config.http2: not a boolean \"1\" (allowed: true, false)"));
}

TEST_F(WebConfigTest, UserAndRateLimitErrors) {
  EXPECT_THAT(
      Errors("basic_auth_users:\n  alice: secret\n"),
      ElementsAre(HasSubstr("w.yml:2:10: basic_auth_users.alice: not a bcrypt hash \"secret\" (allowed: a "
                            "bcrypt hash such as the output of htpasswd -nBC 10")));
  EXPECT_THAT(Errors(std::string("basic_auth_users:\n  'a:b': '") + kHash + "'\n"),
              ElementsAre(HasSubstr(
                  "w.yml:2:3: basic_auth_users.a:b: a user name cannot be empty or contain a colon")));
  EXPECT_THAT(Errors("basic_auth_users: alice\n"),
              ElementsAre("w.yml:1:19: basic_auth_users: expected a mapping \"alice\""));
  EXPECT_THAT(Errors("rate_limit: {interval: 1 second, burst: 1}\n"),
              ElementsAre("w.yml:1:24: rate_limit.interval: not a duration \"1 second\" "
                          "(allowed: a duration such as 100ms or 1s; 0 turns the limit off)"));
  EXPECT_THAT(
      Errors("rate_limit: {interval: 1s, burst: -2}\n"),
      ElementsAre("w.yml:1:35: rate_limit.burst: not a whole number of requests \"-2\" (allowed: 0 or more)",
                  "w.yml:1:13: rate_limit.burst: a rate limit needs a burst of at least 1 \"0\" "
                  "(allowed: 1 or more)"));
  EXPECT_THAT(
      Errors("rate_limit: {interval: 1s, every: 2}\n"),
      ElementsAre(HasSubstr("w.yml:1:28: rate_limit.every: unknown key \"every\" (allowed: interval, burst)"),
                  HasSubstr("rate_limit.burst: a rate limit needs a burst of at least 1")));
  // interval 0 turns the limit off: no burst needed.
  EXPECT_EQ(Parse("rate_limit: {interval: 0}\n").rate_limit.interval.count(), 0);
}

TEST_F(WebConfigTest, UnreadableFileAndDirectoryAreErrors) {
  auto error_of = [](const std::string& path) -> std::string {
    try {
      LoadWebConfigFile(path);
    } catch (const ConfigErrors& errors) {
      return errors.what();
    }
    return "loaded";
  };
  EXPECT_EQ(error_of(dir_->path() + "/nope.yml"),
            dir_->path() + "/nope.yml: cannot read the web config file (allowed: a readable YAML file)");
  EXPECT_EQ(error_of(dir_->path()),
            dir_->path() + ": is a directory, not a web config file (allowed: a readable YAML file)");
  // An empty file is a valid, empty config; relative paths resolve against the file's directory.
  EXPECT_FALSE(LoadWebConfigFile(dir_->Write("empty.yml", "")).tls.has_value());
  const WebConfig loaded = LoadWebConfigFile(
      dir_->Write("tls.yml", "tls_server_config: {cert_file: server.pem, key_file: server.key}\n"));
  ASSERT_TRUE(loaded.tls.has_value());
  EXPECT_EQ(loaded.tls->cert_file, dir_->path() + "/server.pem");
}

}  // namespace
}  // namespace promsynth
