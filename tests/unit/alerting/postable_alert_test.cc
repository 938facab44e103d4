#include "alerting/postable_alert.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

namespace promsynth {
namespace {

TEST(PostableAlertTest, Rfc3339InUtcWithMilliseconds) {
  EXPECT_EQ(Rfc3339Millis(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(Rfc3339Millis(1767225600123), "2026-01-01T00:00:00.123Z");
}

TEST(PostableAlertTest, JsonHasTheApiV2Fields) {
  PostableAlert firing{
      {{"alertname", "A"}, {"severity", "warning"}}, {{"summary", "x \"quoted\""}}, 1000, 0, "http://g/"};
  PostableAlert resolved{{{"alertname", "B"}}, {}, 1000, 5000, ""};
  rapidjson::Document document;
  ASSERT_FALSE(document.Parse(AlertsJson({firing, resolved}, 9000).c_str()).HasParseError());
  ASSERT_TRUE(document.IsArray());
  ASSERT_EQ(document.Size(), 2u);
  EXPECT_STREQ(document[0]["labels"]["alertname"].GetString(), "A");
  EXPECT_STREQ(document[0]["annotations"]["summary"].GetString(), "x \"quoted\"");
  EXPECT_STREQ(document[0]["startsAt"].GetString(), "1970-01-01T00:00:01.000Z");
  EXPECT_STREQ(document[0]["endsAt"].GetString(), "1970-01-01T00:00:09.000Z");
  EXPECT_STREQ(document[0]["generatorURL"].GetString(), "http://g/");
  EXPECT_STREQ(document[1]["endsAt"].GetString(), "1970-01-01T00:00:05.000Z");
  EXPECT_FALSE(document[1].HasMember("generatorURL"));
}

}  // namespace
}  // namespace promsynth
