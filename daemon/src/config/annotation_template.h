#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace promsynth {

/// One piece of an annotation template.
struct TemplatePiece {
  enum class Kind { kText, kValue, kLabel };
  Kind kind = Kind::kText;
  std::string text;  ///< kText: the literal text; kLabel: the label name
};

/// An alert annotation in Prometheus' template language, restricted to what promsynth can
/// evaluate itself (for its own alerts and for the expectations of generated promtool tests):
/// literal text, `{{ $value }}` and `{{ $labels.NAME }}` (spaces inside the braces optional).
struct AnnotationTemplate {
  std::vector<TemplatePiece> pieces;

  /// Parses `text`; on an unsupported action returns nothing and sets `bad_action` to it.
  static std::optional<AnnotationTemplate> Parse(std::string_view text, std::string& bad_action);
};

}  // namespace promsynth
