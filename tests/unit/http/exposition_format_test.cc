#include "http/exposition_format.h"

#include <gtest/gtest.h>

namespace promsynth {
namespace {

constexpr ExpositionFormat kText = ExpositionFormat::kText;
constexpr ExpositionFormat kOpenMetrics = ExpositionFormat::kOpenMetrics;

struct AcceptCase {
  const char* accept;
  ExpositionFormat expected;
};

TEST(ExpositionFormatTest, AcceptHeadersAsScrapersSendThem) {
  const AcceptCase cases[] = {
      // Prometheus 2.42 (Debian bookworm) and every 2.x before scrape_protocols.
      {"application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
       "text/plain;version=0.0.4;q=0.5,*/*;q=0.1",
       kOpenMetrics},
      // Prometheus 2.49+ default scrape_protocols (protobuf first, which we do not serve).
      {"application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited;q=0.6,"
       "application/openmetrics-text;version=1.0.0;q=0.5,application/openmetrics-text;version=0.0.1;q=0.4,"
       "text/plain;version=0.0.4;q=0.3,*/*;q=0.2",
       kOpenMetrics},
      // Prometheus 3 with escaping parameters.
      {"application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.5,"
       "application/openmetrics-text;version=0.0.1;q=0.4,text/plain;version=1.0.0;escaping=allow-utf-8;q=0.3,"
       "text/plain;version=0.0.4;q=0.2,*/*;q=0.1",
       kOpenMetrics},
      // scrape_protocols: [PrometheusText0.0.4] (text only), and text preferred over OpenMetrics.
      {"text/plain;version=0.0.4;q=0.5,*/*;q=0.4", kText},
      {"text/plain;version=0.0.4,application/openmetrics-text;version=1.0.0;q=0.9", kText},
      // Only the OpenMetrics 0.0.1 that we do not serve: text through the wildcard.
      {"application/openmetrics-text;version=0.0.1,*/*;q=0.1", kText},
      // curl, browsers, nothing.
      {"*/*", kText},
      {"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", kText},
      {"", kText},
      // Without a version, with spaces and odd case.
      {"application/openmetrics-text", kOpenMetrics},
      {" Application/OpenMetrics-Text ; Version=1.0.0 ; Q=1 , text/plain ; q=0.9", kOpenMetrics},
      {"application/openmetrics-text; version=\"1.0.0\"", kOpenMetrics},
      // Equal quality: the more specific range wins; equal specificity: text.
      {"application/openmetrics-text, */*", kOpenMetrics},
      {"application/openmetrics-text, text/plain", kText},
      {"application/*;q=0.8,text/*;q=0.7", kOpenMetrics},
      {"text/*;q=0.8,application/*;q=0.7", kText},
      // q=0 refuses; an explicit text refusal lets the wildcard choose OpenMetrics.
      {"application/openmetrics-text;version=1.0.0;q=0,*/*", kText},
      {"text/plain;q=0,*/*;q=0.1", kOpenMetrics},
      // Malformed entries are skipped; what remains decides.
      {"garbage,application/openmetrics-text;q=abc,text/plain;q=0.5", kText},
      {"application/openmetrics-text;q=1.5", kText},
      {"application/openmetrics-text;q=0.9;;x,text/plain;q=0.4", kOpenMetrics},
      {",,;;//", kText},
      {"application/openmetrics-text;version=1.0.0;q=", kText},
  };
  for (const AcceptCase& test : cases) {
    EXPECT_EQ(NegotiateExpositionFormat(test.accept), test.expected) << test.accept;
  }
}

TEST(ExpositionFormatTest, ContentTypes) {
  EXPECT_EQ(ExpositionContentType(kOpenMetrics),
            "application/openmetrics-text; version=1.0.0; charset=utf-8");
  EXPECT_EQ(ExpositionContentType(kText), "text/plain; version=0.0.4; charset=utf-8");
}

}  // namespace
}  // namespace promsynth
