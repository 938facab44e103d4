#include <gtest/gtest.h>

#include "alerting/annotation_renderer.h"
#include "config/annotation_template.h"

namespace promsynth {
namespace {

TEST(AnnotationTest, ParsesValueAndLabelActions) {
  std::string bad;
  const auto parsed = AnnotationTemplate::Parse("a {{ $value }} b {{$labels.x}}", bad);
  ASSERT_TRUE(parsed.has_value());
  ASSERT_EQ(parsed->pieces.size(), 4u);
  EXPECT_EQ(parsed->pieces[1].kind, TemplatePiece::Kind::kValue);
  EXPECT_EQ(parsed->pieces[3].kind, TemplatePiece::Kind::kLabel);
  EXPECT_EQ(parsed->pieces[3].text, "x");
  for (const char* text : {"{{ $value | humanize }}", "{{ .Value }}", "open {{ $value", "{{ $labels.1x }}"}) {
    EXPECT_FALSE(AnnotationTemplate::Parse(text, bad).has_value()) << text;
    EXPECT_FALSE(bad.empty());
  }
}

TEST(AnnotationTest, RendersAsPrometheusWould) {
  const LabelSet labels = {{"replica", "2"}, {"zone", "a"}};
  EXPECT_EQ(RenderAnnotation("replica {{ $labels.replica }} at {{ $value }} s", 1e6, labels),
            "replica 2 at 1e+06 s");
  EXPECT_EQ(RenderAnnotation("{{ $labels.missing }}", 1, labels), "<no value>");
  EXPECT_EQ(RenderAnnotation("no actions", 1, labels), "no actions");
  EXPECT_EQ(RenderAnnotation("{{ stray", 1, labels), "{{ stray");
}

}  // namespace
}  // namespace promsynth
