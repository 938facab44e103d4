// --web.config.file with the real daemon: TLS (certificates made by the openssl CLI, requests by
// the curl CLI), basic auth, headers, mutual TLS, start-up errors, and the HTTP limits.
#include <crypt.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <memory>

#include "support/daemon_process.h"
#include "support/http_client.h"
#include "support/process.h"
#include "support/stuck_client.h"
#include "support/temp_dir.h"
#include "support/test_certificates.h"
#include "support/wait.h"

namespace promsynth::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kConfig = R"(
global: {seed: 1, tick: 100ms}
metrics:
  - {name: temperature, generator: {kind: constant, value: 20}}
)";

/// A bcrypt hash ($2y$, cost 5) of `password`, made by libxcrypt like htpasswd -B would.
std::string BcryptHash(const std::string& password) {
  auto data = std::make_unique<crypt_data>();
  const char* setting = crypt_gensalt_rn("$2y$", 5, nullptr, 0, data->setting, sizeof data->setting);
  const char* hash = crypt_rn(password.c_str(), setting, data.get(), sizeof(crypt_data));
  return hash != nullptr ? hash : "";
}

/// One run of the curl CLI: its exit code, the HTTP status ("000" when there was no response)
/// and the response headers and body.
struct CurlResult {
  int exit_code = -1;
  std::string status;
  std::string response;
};

CurlResult Curl(std::vector<std::string> arguments) {
  std::vector<std::string> argv = {"curl",       "--silent", "--show-error", "--include",
                                   "--max-time", "10",       "--write-out",  "\n%{http_code}"};
  argv.insert(argv.end(), arguments.begin(), arguments.end());
  const CommandResult run = RunCommand(argv, seconds(20));
  CurlResult result{run.exit_code, "", run.output};
  const size_t newline = run.output.rfind('\n');
  if (newline != std::string::npos) result.status = run.output.substr(newline + 1, 3);
  return result;
}

double LimitHits(const std::string& metrics, const std::string& limit) {
  return SampleValue(metrics, "promsynth_http_limit_hits_total{limit=\"" + limit + "\"}").value_or(-1);
}

/// One daemon with TLS, two users and headers, shared by the tests of the suite.
class TlsBasicAuthTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    certs_ = new TestCertificates(TestCertificates::Create(dir_->path()));
    const std::string web = dir_->Write("web.yml", R"(
tls_server_config:
  cert_file: server.pem
  key_file: server.key
http_server_config:
  headers:
    X-Frame-Options: deny
    Strict-Transport-Security: max-age=60
basic_auth_users:
  alice: ')" + BcryptHash("s3cret") + R"('
  bob: ')" + BcryptHash("hunter2") + "'\n");
    daemon_ = new DaemonProcess(dir_->Write("c.yml", kConfig), {"--web.config.file=" + web});
  }
  static void TearDownTestSuite() {
    delete daemon_;
    delete certs_;
    delete dir_;
  }
  static std::string Url(const std::string& path) {
    return "https://127.0.0.1:" + std::to_string(daemon_->port()) + path;
  }
  static CurlResult Https(const std::string& path, std::vector<std::string> extra = {}) {
    extra.insert(extra.begin(), {"--cacert", certs_->ca_cert, Url(path)});
    return Curl(extra);
  }

  static TempDir* dir_;
  static TestCertificates* certs_;
  static DaemonProcess* daemon_;
};
TempDir* TlsBasicAuthTest::dir_ = nullptr;
TestCertificates* TlsBasicAuthTest::certs_ = nullptr;
DaemonProcess* TlsBasicAuthTest::daemon_ = nullptr;

TEST_F(TlsBasicAuthTest, RightCredentialsOverTlsGetTheMetricsAndTheConfiguredHeaders) {
  const CurlResult result = Https("/metrics", {"--user", "alice:s3cret"});
  EXPECT_EQ(result.exit_code, 0) << result.response;
  EXPECT_EQ(result.status, "200") << result.response;
  EXPECT_THAT(result.response, HasSubstr("\ntemperature 20"));
  EXPECT_THAT(result.response, HasSubstr("X-Frame-Options: deny\r\n"));
  EXPECT_THAT(result.response, HasSubstr("Strict-Transport-Security: max-age=60\r\n"));
  EXPECT_EQ(Https("/metrics", {"--user", "bob:hunter2"}).status, "200");
}

// FailureBehaviour_FB24 (README.md, "Failure behaviour").
TEST_F(TlsBasicAuthTest, WrongPasswordIs401) {
  const CurlResult result = Https("/metrics", {"--user", "alice:hunter2"});
  EXPECT_EQ(result.status, "401");
  EXPECT_THAT(result.response, HasSubstr("WWW-Authenticate: Basic\r\n"));
  EXPECT_THAT(result.response, HasSubstr("X-Frame-Options: deny\r\n"));  // headers on every response
  EXPECT_THAT(result.response, Not(HasSubstr("temperature")));
  EXPECT_EQ(Https("/metrics", {"--user", "carol:s3cret"}).status, "401");
}

// FailureBehaviour_FB24 (README.md, "Failure behaviour").
TEST_F(TlsBasicAuthTest, NoCredentialsIs401OnEveryRoute) {
  // exporter-toolkit's rule: with users configured, every route asks for them.
  for (const std::string path :
       {"/metrics", "/", "/-/healthy", "/-/ready", "/api/v1/slos", "/no-such-page"}) {
    EXPECT_EQ(Https(path).status, "401") << path;
  }
  // The routes that change state, above all.
  for (const std::string path : {"/-/reload", "/start", "/stop", "/api/v1/scenarios/x/start"}) {
    EXPECT_EQ(Https(path, {"--request", "POST"}).status, "401") << path;
  }
  EXPECT_EQ(Https("/-/reload", {"--request", "POST", "--user", "alice:s3cret"}).status, "200");
}

// FailureBehaviour_FB25 (README.md, "Failure behaviour").
TEST_F(TlsBasicAuthTest, PlainHttpToTheTlsPortFailsCleanlyAndTheDaemonKeepsServing) {
  const CurlResult plain = Curl({"http://127.0.0.1:" + std::to_string(daemon_->port()) + "/metrics"});
  EXPECT_NE(plain.exit_code, 0);
  EXPECT_EQ(plain.status, "000");  // no HTTP response at all: the connection is closed
  EXPECT_TRUE(daemon_->process().Running());
  EXPECT_TRUE(daemon_->process().WaitForOutput("msg=\"TLS handshake failed\"", seconds(5)));
  EXPECT_EQ(Https("/metrics", {"--user", "alice:s3cret"}).status, "200");
}

// FailureBehaviour_FB25 (README.md, "Failure behaviour").
TEST_F(TlsBasicAuthTest, AClientThatDoesNotTrustTheCertificateIsRefusedByCurl) {
  const CurlResult untrusted = Curl({Url("/metrics"), "--user", "alice:s3cret"});
  EXPECT_NE(untrusted.exit_code, 0);
  EXPECT_EQ(untrusted.status, "000");
  EXPECT_EQ(Https("/metrics", {"--user", "alice:s3cret"}).status, "200");
}

/// Mutual TLS: the server needs a client certificate that its CA signed.
class MutualTlsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    certs_ = new TestCertificates(TestCertificates::Create(dir_->path()));
    const std::string web = dir_->Write("web.yml", R"(
tls_server_config:
  cert_file: server.pem
  key_file: server.key
  client_ca_file: ca.pem
  client_auth_type: RequireAndVerifyClientCert
  client_allowed_sans: [client.example]
  min_version: TLS13
)");
    daemon_ = new DaemonProcess(dir_->Write("c.yml", kConfig), {"--web.config.file=" + web});
  }
  static void TearDownTestSuite() {
    delete daemon_;
    delete certs_;
    delete dir_;
  }
  static CurlResult Https(std::vector<std::string> extra) {
    extra.insert(extra.begin(), {"--cacert", certs_->ca_cert,
                                 "https://127.0.0.1:" + std::to_string(daemon_->port()) + "/metrics"});
    return Curl(extra);
  }

  static TempDir* dir_;
  static TestCertificates* certs_;
  static DaemonProcess* daemon_;
};
TempDir* MutualTlsTest::dir_ = nullptr;
TestCertificates* MutualTlsTest::certs_ = nullptr;
DaemonProcess* MutualTlsTest::daemon_ = nullptr;

TEST_F(MutualTlsTest, TheRightClientCertificateGetsIn) {
  const CurlResult result = Https({"--cert", certs_->client_cert, "--key", certs_->client_key});
  EXPECT_EQ(result.exit_code, 0) << result.response;
  EXPECT_EQ(result.status, "200") << result.response;
  EXPECT_THAT(result.response, HasSubstr("\ntemperature 20"));
}

// FailureBehaviour_FB25 (README.md, "Failure behaviour").
TEST_F(MutualTlsTest, NoClientCertificateIsRejected) {
  const CurlResult result = Https({});
  EXPECT_NE(result.exit_code, 0);
  EXPECT_EQ(result.status, "000") << result.response;
  EXPECT_TRUE(daemon_->process().Running());
  EXPECT_EQ(Https({"--cert", certs_->client_cert, "--key", certs_->client_key}).status, "200");
}

// FailureBehaviour_FB25 (README.md, "Failure behaviour").
TEST_F(MutualTlsTest, ACertificateFromAnotherCaIsRejected) {
  const CurlResult result = Https({"--cert", certs_->stranger_cert, "--key", certs_->stranger_key});
  EXPECT_NE(result.exit_code, 0);
  EXPECT_EQ(result.status, "000") << result.response;
  EXPECT_EQ(Https({"--cert", certs_->client_cert, "--key", certs_->client_key}).status, "200");
}

// FailureBehaviour_FB25 (README.md, "Failure behaviour").
TEST_F(MutualTlsTest, MinVersionTls13RefusesTls12Clients) {
  const CurlResult result =
      Https({"--cert", certs_->client_cert, "--key", certs_->client_key, "--tlsv1.2", "--tls-max", "1.2"});
  EXPECT_NE(result.exit_code, 0);
  EXPECT_EQ(result.status, "000");
}

TEST(MutualTlsSanTest, AClientCertificateWithoutAnAllowedSanIsRejected) {
  TempDir dir;
  const TestCertificates certs = TestCertificates::Create(dir.path());
  const std::string web = dir.Write("web.yml", R"(
tls_server_config:
  cert_file: server.pem
  key_file: server.key
  client_ca_file: ca.pem
  client_auth_type: RequireAndVerifyClientCert
  client_allowed_sans: [other.example, 127.0.0.1]
)");
  DaemonProcess daemon(dir.Write("c.yml", kConfig), {"--web.config.file=" + web});
  const std::string url = "https://127.0.0.1:" + std::to_string(daemon.port()) + "/metrics";
  const CurlResult result =
      Curl({"--cacert", certs.ca_cert, "--cert", certs.client_cert, "--key", certs.client_key, url});
  EXPECT_NE(result.exit_code, 0);
  EXPECT_EQ(result.status, "000");
  EXPECT_TRUE(daemon.process().Running());
}

// FailureBehaviour_FB07 (README.md, "Failure behaviour").
TEST(WebConfigStartTest, InvalidOrUnreadableWebConfigExitsWith1AndAClearMessage) {
  TempDir dir;
  const std::string config = dir.Write("c.yml", kConfig);
  const std::string bad =
      dir.Write("web.yml", "tls_server_config:\n  cert_file: server.pem\n  keyfile: k.pem\n");
  const CommandResult invalid = RunCommand({PROMSYNTH_BINARY, "--config.file=" + config,
                                            "--web.listen-address=127.0.0.1:0", "--web.config.file=" + bad},
                                           seconds(10));
  EXPECT_EQ(invalid.exit_code, 1);
  EXPECT_THAT(invalid.output, HasSubstr("msg=\"invalid web config\""));
  EXPECT_THAT(invalid.output, HasSubstr("web.yml:3:3: tls_server_config.keyfile: unknown key"));
  EXPECT_THAT(invalid.output, HasSubstr("web.yml:2:3: tls_server_config.key_file: TLS needs a private key"));

  const CommandResult unreadable =
      RunCommand({PROMSYNTH_BINARY, "--config.file=" + config, "--web.listen-address=127.0.0.1:0",
                  "--web.config.file=" + dir.path() + "/none.yml"},
                 seconds(10));
  EXPECT_EQ(unreadable.exit_code, 1);
  EXPECT_THAT(unreadable.output, HasSubstr("none.yml: cannot read the web config file"));
}

TEST(WebConfigStartTest, CheckConfigValidatesTheWebConfigToo) {
  TempDir dir;
  const std::string config = dir.Write("c.yml", kConfig);
  const std::string good = dir.Write("good.yml", "basic_auth_users:\n  alice: '" + BcryptHash("x") + "'\n");
  const CommandResult ok =
      RunCommand({PROMSYNTH_BINARY, "check-config", config, "--web.config.file=" + good}, seconds(10));
  EXPECT_EQ(ok.exit_code, 0) << ok.output;
  EXPECT_THAT(ok.output, HasSubstr("good.yml: valid web config (TLS off, 1 basic auth users)"));
  const std::string bad = dir.Write("bad.yml", "basic_auth_users:\n  alice: plain\n");
  const CommandResult not_ok =
      RunCommand({PROMSYNTH_BINARY, "check-config", config, "--web.config.file=" + bad}, seconds(10));
  EXPECT_EQ(not_ok.exit_code, 1);
  EXPECT_THAT(not_ok.output, HasSubstr("bad.yml:2:10: basic_auth_users.alice: not a bcrypt hash \"plain\""));
}

// FailureBehaviour_FB10 (README.md, "Failure behaviour").
TEST(WebConfigStartTest, TlsPortInUseExitsWith1AndAClearMessage) {
  TempDir dir;
  const TestCertificates certs = TestCertificates::Create(dir.path());
  const std::string config = dir.Write("c.yml", kConfig);
  const std::string web =
      dir.Write("web.yml", "tls_server_config: {cert_file: server.pem, key_file: server.key}\n");
  DaemonProcess holder(config, {"--web.config.file=" + web});
  const CommandResult second =
      RunCommand({PROMSYNTH_BINARY, "--config.file=" + config, "--web.config.file=" + web,
                  "--web.listen-address=127.0.0.1:" + std::to_string(holder.port())},
                 seconds(10));
  EXPECT_EQ(second.exit_code, 1);
  EXPECT_THAT(second.output, HasSubstr("cannot listen on 127.0.0.1:" + std::to_string(holder.port())));
}

// FailureBehaviour_FB08 (README.md, "Failure behaviour").
TEST(WebConfigReloadTest, ReloadAppliesNewUsersAndRefusesATlsChange) {
  TempDir dir;
  const std::string web = dir.Write("web.yml", "basic_auth_users:\n  alice: '" + BcryptHash("one") + "'\n");
  DaemonProcess daemon(dir.Write("c.yml", kConfig), {"--web.config.file=" + web});
  const std::string url = daemon.url() + "/metrics";
  EXPECT_EQ(Curl({"--user", "alice:one", url}).status, "200");
  dir.Write("web.yml", "basic_auth_users:\n  alice: '" + BcryptHash("two") + "'\n");
  EXPECT_EQ(Curl({"--user", "alice:one", "--request", "POST", daemon.url() + "/-/reload"}).status, "200");
  EXPECT_EQ(Curl({"--user", "alice:one", url}).status, "401");
  EXPECT_EQ(Curl({"--user", "alice:two", url}).status, "200");
  // TLS is set up once; a reload that would turn it on fails and keeps everything as it was.
  TestCertificates::Create(dir.path());
  dir.Write("web.yml", "tls_server_config: {cert_file: server.pem, key_file: server.key}\n");
  const CurlResult refused = Curl({"--user", "alice:two", "--request", "POST", daemon.url() + "/-/reload"});
  EXPECT_EQ(refused.status, "500");
  EXPECT_THAT(refused.response, HasSubstr("TLS settings take effect only when promsynth restarts"));
  EXPECT_EQ(Curl({"--user", "alice:two", url}).status, "200");
}

// FailureBehaviour_FB20, FailureBehaviour_FB22 (README.md, "Failure behaviour").
TEST(HttpLimitsTest, StuckClientsCannotBlockScrapes) {
  TempDir dir;
  // Without closing idle connections when busy, only the request timeout frees the workers.
  DaemonProcess daemon(dir.Write("c.yml", kConfig),
                       {"--web.threads=4", "--web.request-timeout=1s", "--web.busy-idle-timeout=0"});
  // Three of four workers held by clients that never finish their request: a scrape still gets
  // the fourth at once.
  std::vector<std::unique_ptr<StuckClient>> stuck;
  for (int i = 0; i < 3; ++i) stuck.push_back(std::make_unique<StuckClient>(daemon.port()));
  for (const auto& client : stuck) ASSERT_TRUE(client->connected());
  auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(Fetch({.url = daemon.url() + "/metrics", .timeout_ms = 5000}).status, 200);
  EXPECT_LT(std::chrono::steady_clock::now() - started, milliseconds(500));
  // All four held: the request timeout frees them, so the scrape waits at most about that long.
  stuck.push_back(std::make_unique<StuckClient>(daemon.port()));
  started = std::chrono::steady_clock::now();
  const HttpResponse scrape = Fetch({.url = daemon.url() + "/metrics", .timeout_ms = 5000});
  EXPECT_EQ(scrape.status, 200);
  EXPECT_LT(std::chrono::steady_clock::now() - started, milliseconds(2500));
  EXPECT_GE(LimitHits(scrape.body, "connections"), 1);
  ASSERT_TRUE(WaitUntil(
      [&] { return LimitHits(Get(daemon.url() + "/metrics").body, "request_timeout") >= 4; }, seconds(5)));
  EXPECT_THAT(daemon.process().Output(), HasSubstr("limit=request_timeout"));
  EXPECT_THAT(daemon.process().Output(), HasSubstr("limit=connections"));
}

// FailureBehaviour_FB22 (README.md, "Failure behaviour").
TEST(HttpLimitsTest, WhenEveryWorkerIsBusyIdleConnectionsAreClosedSoAScrapeGetsOne) {
  TempDir dir;
  DaemonProcess daemon(dir.Write("c.yml", kConfig), {"--web.threads=4", "--web.request-timeout=30s"});
  // Twice as many stuck clients as workers: four hold the workers, four wait ahead of the
  // scrape. With a 30 s request timeout only the closing of idle connections (after 1 s idle,
  // the default) lets the scrape through: two rounds of it, about 2 s.
  std::vector<std::unique_ptr<StuckClient>> stuck;
  for (int i = 0; i < 8; ++i) stuck.push_back(std::make_unique<StuckClient>(daemon.port()));
  for (const auto& client : stuck) ASSERT_TRUE(client->connected());
  const auto started = std::chrono::steady_clock::now();
  const HttpResponse scrape = Fetch({.url = daemon.url() + "/metrics", .timeout_ms = 20000});
  EXPECT_EQ(scrape.status, 200);
  EXPECT_LT(std::chrono::steady_clock::now() - started, seconds(6));
  EXPECT_GE(LimitHits(scrape.body, "idle_connection"), 4);
  EXPECT_EQ(LimitHits(scrape.body, "header_bytes"), 0) << "a closed stuck client is not a header limit hit";
  EXPECT_EQ(LimitHits(scrape.body, "request_timeout"), 0);
  EXPECT_TRUE(stuck.front()->ClosedByServer(seconds(1)));
  EXPECT_THAT(daemon.process().Output(), HasSubstr("limit=idle_connection"));
}

// FailureBehaviour_FB22 (README.md, "Failure behaviour").
TEST(HttpLimitsTest, ClientsStuckBeforeTheTlsHandshakeAreClosedTooWhenTheyHoldEveryWorker) {
  TempDir dir;
  const TestCertificates certs = TestCertificates::Create(dir.path());
  const std::string web =
      dir.Write("web.yml", "tls_server_config: {cert_file: server.pem, key_file: server.key}\n");
  DaemonProcess daemon(dir.Write("c.yml", kConfig),
                       {"--web.config.file=" + web, "--web.threads=4", "--web.request-timeout=30s"});
  // civetweb reports a TLS connection only after its handshake: these never start one.
  std::vector<std::unique_ptr<StuckClient>> stuck;
  for (int i = 0; i < 8; ++i)
    stuck.push_back(std::make_unique<StuckClient>(daemon.port(), StuckClient::Kind::kSilent));
  for (const auto& client : stuck) ASSERT_TRUE(client->connected());
  const auto started = std::chrono::steady_clock::now();
  const CurlResult scrape = Curl({"--cacert", certs.ca_cert, "--max-time", "20",
                                  "https://127.0.0.1:" + std::to_string(daemon.port()) + "/metrics"});
  EXPECT_EQ(scrape.status, "200") << scrape.response;
  EXPECT_LT(std::chrono::steady_clock::now() - started, seconds(8));
  EXPECT_TRUE(stuck.front()->ClosedByServer(seconds(1)));
  EXPECT_THAT(daemon.process().Output(), HasSubstr("limit=idle_connection"));
}

// FailureBehaviour_FB22 (README.md, "Failure behaviour").
TEST(HttpLimitsTest, ClientsThatStopReadingTheirScrapeAreClosedWhenTheyHoldEveryWorker) {
  TempDir dir;
  // About 6 MB of exposition: more than the kernel buffers of a connection whose client reads
  // nothing, so each of these responses stalls with its worker waiting in a write.
  const std::string config = dir.Write("big.yml", R"(
global: {seed: 3, tick: 1h}
metrics:
  - {name: big_gauge_with_a_long_name, labels: {a: "0..249", b: "0..249"}, generator: {kind: uniform, low: 0, high: 1}}
)");
  DaemonProcess daemon(config, {"--web.threads=4", "--web.request-timeout=30s"});
  std::vector<std::unique_ptr<StuckClient>> stuck;
  for (int i = 0; i < 4; ++i) {
    stuck.push_back(std::make_unique<StuckClient>(daemon.port(), StuckClient::Kind::kNotReading));
  }
  for (const auto& client : stuck) ASSERT_TRUE(client->connected());
  const auto started = std::chrono::steady_clock::now();
  const HttpResponse scrape = Fetch({.url = daemon.url() + "/-/healthy", .timeout_ms = 20000});
  EXPECT_EQ(scrape.status, 200);
  EXPECT_LT(std::chrono::steady_clock::now() - started, seconds(8));
  EXPECT_GE(LimitHits(Get(daemon.url() + "/metrics").body, "idle_connection"), 1);
}

TEST(HttpLimitsTest, IdleConnectionsStayOpenWhileAWorkerIsFree) {
  TempDir dir;
  DaemonProcess daemon(dir.Write("c.yml", kConfig), {"--web.threads=4", "--web.busy-idle-timeout=200ms"});
  std::vector<std::unique_ptr<StuckClient>> idle;
  for (int i = 0; i < 3; ++i) idle.push_back(std::make_unique<StuckClient>(daemon.port()));
  // Ten times the idle limit with one worker free: nothing is closed.
  for (const auto& client : idle) EXPECT_FALSE(client->ClosedByServer(milliseconds(700)));
  EXPECT_THAT(daemon.process().Output(), Not(HasSubstr("limit=idle_connection")));
}

TEST(HttpLimitsTest, AnInvalidBusyIdleTimeoutIsRefused) {
  TempDir dir;
  const CommandResult run = RunCommand({PROMSYNTH_BINARY, "--config.file=" + dir.Write("c.yml", kConfig),
                                        "--web.listen-address=127.0.0.1:0", "--web.busy-idle-timeout=soon"},
                                       seconds(10));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.output, HasSubstr("invalid --web.busy-idle-timeout \"soon\" (allowed: 0 to turn it off"));
}

// FailureBehaviour_FB20 (README.md, "Failure behaviour").
TEST(HttpLimitsTest, WithTheDefaultsManyStuckClientsDoNotDelayAScrape) {
  TempDir dir;
  DaemonProcess daemon(dir.Write("c.yml", kConfig));
  std::vector<std::unique_ptr<StuckClient>> stuck;
  for (int i = 0; i < 12; ++i) stuck.push_back(std::make_unique<StuckClient>(daemon.port()));
  const auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(Fetch({.url = daemon.url() + "/metrics", .timeout_ms = 5000}).status, 200);
  EXPECT_LT(std::chrono::steady_clock::now() - started, milliseconds(500));
}

// FailureBehaviour_FB18, FailureBehaviour_FB19 (README.md, "Failure behaviour").
TEST(HttpLimitsTest, OversizedHeadersAndBodiesAreRefusedAndCounted) {
  TempDir dir;
  DaemonProcess daemon(
      dir.Write("c.yml", kConfig),
      {"--web.max-header-bytes=2048", "--web.max-request-bytes=100", "--slo.max-request-bytes=300"});
  // civetweb 1.15 answers headers over its buffer with 400 (not 413); the limit is counted all the same.
  EXPECT_EQ(Fetch({.url = daemon.url() + "/metrics", .headers = {"X-Big: " + std::string(4000, 'a')}}).status,
            400);
  EXPECT_EQ(
      Fetch({.url = daemon.url() + "/metrics", .headers = {"X-Fits: " + std::string(1500, 'a')}}).status,
      200);
  // Routes without their own limit take --web.max-request-bytes, with or without Content-Length.
  EXPECT_EQ(Fetch({.method = "POST", .url = daemon.url() + "/start", .body = std::string(101, 'x')}).status,
            413);
  EXPECT_EQ(Fetch({.method = "POST",
                   .url = daemon.url() + "/start",
                   .body = std::string(101, 'x'),
                   .headers = {"Transfer-Encoding: chunked"}})
                .status,
            413);
  // The SLO checker's routes have their own limit.
  EXPECT_NE(Fetch({.method = "POST", .url = daemon.url() + "/", .body = std::string(200, ' ')}).status, 413);
  EXPECT_EQ(Fetch({.method = "POST", .url = daemon.url() + "/", .body = std::string(301, ' ')}).status, 413);
  const std::string metrics = Get(daemon.url() + "/metrics").body;
  EXPECT_EQ(LimitHits(metrics, "header_bytes"), 1);
  EXPECT_EQ(LimitHits(metrics, "request_bytes"), 3);
  EXPECT_THAT(daemon.process().Output(), HasSubstr("limit=header_bytes"));
  EXPECT_THAT(daemon.process().Output(), HasSubstr("limit=request_bytes"));
}

// FailureBehaviour_FB23 (README.md, "Failure behaviour").
TEST(HttpLimitsTest, RateLimitAnswers429AndCounts) {
  TempDir dir;
  const std::string web = dir.Write("web.yml", "rate_limit: {interval: 1m, burst: 2}\n");
  DaemonProcess daemon(dir.Write("c.yml", kConfig), {"--web.config.file=" + web});
  EXPECT_EQ(Get(daemon.url() + "/-/healthy").status, 200);
  const HttpResponse second = Get(daemon.url() + "/metrics");
  EXPECT_EQ(second.status, 200);
  EXPECT_EQ(Get(daemon.url() + "/metrics").status, 429);
  EXPECT_THAT(daemon.process().Output(), HasSubstr("limit=rate"));
}

}  // namespace
}  // namespace promsynth::testing
