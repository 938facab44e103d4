#include "alerting/annotation_renderer.h"

#include "alerting/go_float_format.h"
#include "config/annotation_template.h"

namespace promsynth {

std::string RenderAnnotation(const std::string& text, double value, const LabelSet& labels) {
  std::string bad_action;
  const std::optional<AnnotationTemplate> parsed = AnnotationTemplate::Parse(text, bad_action);
  if (!parsed) return text;
  std::string out;
  for (const TemplatePiece& piece : parsed->pieces) {
    switch (piece.kind) {
      case TemplatePiece::Kind::kText:
        out += piece.text;
        break;
      case TemplatePiece::Kind::kValue:
        out += FormatGoFloat(value);
        break;
      case TemplatePiece::Kind::kLabel: {
        // Go's text/template prints a missing map key as "<no value>".
        const std::string* found = nullptr;
        for (const auto& [name, label_value] : labels) {
          if (name == piece.text) found = &label_value;
        }
        out += found != nullptr ? *found : "<no value>";
        break;
      }
    }
  }
  return out;
}

}  // namespace promsynth
