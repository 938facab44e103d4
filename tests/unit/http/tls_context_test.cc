#include "http/tls_context.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "http/http_limits.h"

namespace promsynth {
namespace {

using ::testing::Contains;
using ::testing::Not;

TEST(TlsContextTest, MapsIanaCipherNamesToOpenSsl) {
  EXPECT_EQ(OpenSslCipherName("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"), "ECDHE-RSA-AES128-GCM-SHA256");
  EXPECT_EQ(OpenSslCipherName("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"),
            "ECDHE-ECDSA-CHACHA20-POLY1305");
  EXPECT_EQ(OpenSslCipherName("TLS_AES_128_GCM_SHA256"), std::nullopt);       // TLS 1.3: not configurable
  EXPECT_EQ(OpenSslCipherName("ECDHE-RSA-AES128-GCM-SHA256"), std::nullopt);  // OpenSSL's own spelling
  EXPECT_THAT(KnownCipherSuites(), Contains("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"));
  EXPECT_THAT(KnownCipherSuites(), Not(Contains("TLS_AES_256_GCM_SHA384")));
}

TEST(TlsContextTest, CivetwebTlsRuntimeIsUsableWithTheShims) {
  // This binary links the http library, hence the shims: civetweb's dlopen("libssl.so") would
  // get the shim, which has SSL_get_peer_certificate.
  EXPECT_EQ(CheckCivetwebTlsRuntime(), std::nullopt);
}

TEST(HttpLimitsTest, LabelValues) {
  EXPECT_EQ(HttpLimitName(HttpLimit::kRequestBytes), "request_bytes");
  EXPECT_EQ(HttpLimitName(HttpLimit::kHeaderBytes), "header_bytes");
  EXPECT_EQ(HttpLimitName(HttpLimit::kRequestTimeout), "request_timeout");
  EXPECT_EQ(HttpLimitName(HttpLimit::kConnections), "connections");
  EXPECT_EQ(HttpLimitName(HttpLimit::kRate), "rate");
}

TEST(HttpLimitsTest, EveryHitIsCountedEvenWhenItsLogLineIsSuppressed) {
  int counted = 0;
  LimitReporter reporter([&](HttpLimit limit) { counted += limit == HttpLimit::kRate ? 1 : 0; });
  for (int i = 0; i < 5; ++i)
    reporter.Hit(HttpLimit::kRate, "test hit", {"i", std::to_string(i)}, {"x", "y"});
  EXPECT_EQ(counted, 5);
}

}  // namespace
}  // namespace promsynth
