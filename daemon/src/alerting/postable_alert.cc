#include "alerting/postable_alert.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <ctime>
#include <vector>

namespace promsynth {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void String(Writer& w, const std::string& text) {
  w.String(text.c_str(), static_cast<rapidjson::SizeType>(text.size()));
}

void Map(Writer& w, const char* key, const LabelSet& pairs) {
  w.Key(key);
  w.StartObject();
  for (const auto& [name, value] : pairs) {
    String(w, name);
    String(w, value);
  }
  w.EndObject();
}

}  // namespace

std::string Rfc3339Millis(int64_t time_ms) {
  const time_t seconds = static_cast<time_t>(time_ms / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[96];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900, utc.tm_mon + 1,
                utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, static_cast<int>(time_ms % 1000));
  return text;
}

std::string AlertsJson(const std::vector<PostableAlert>& alerts, int64_t firing_ends_at_ms) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartArray();
  for (const PostableAlert& alert : alerts) {
    w.StartObject();
    Map(w, "labels", alert.labels);
    Map(w, "annotations", alert.annotations);
    w.Key("startsAt");
    String(w, Rfc3339Millis(alert.starts_at_ms));
    w.Key("endsAt");
    String(w, Rfc3339Millis(alert.ends_at_ms != 0 ? alert.ends_at_ms : firing_ends_at_ms));
    if (!alert.generator_url.empty()) {
      w.Key("generatorURL");
      String(w, alert.generator_url);
    }
    w.EndObject();
  }
  w.EndArray();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace promsynth
