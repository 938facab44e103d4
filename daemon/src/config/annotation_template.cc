#include "config/annotation_template.h"

#include "config/names.h"

namespace promsynth {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

std::optional<AnnotationTemplate> AnnotationTemplate::Parse(std::string_view text, std::string& bad_action) {
  AnnotationTemplate result;
  size_t from = 0;
  while (from < text.size()) {
    const size_t open = text.find("{{", from);
    if (open == std::string_view::npos) {
      result.pieces.push_back({TemplatePiece::Kind::kText, std::string(text.substr(from))});
      break;
    }
    if (open > from)
      result.pieces.push_back({TemplatePiece::Kind::kText, std::string(text.substr(from, open - from))});
    const size_t close = text.find("}}", open + 2);
    if (close == std::string_view::npos) {
      bad_action = std::string(text.substr(open));
      return std::nullopt;
    }
    const std::string_view action = Trim(text.substr(open + 2, close - open - 2));
    constexpr std::string_view kLabels = "$labels.";
    if (action == "$value") {
      result.pieces.push_back({TemplatePiece::Kind::kValue, {}});
    } else if (action.starts_with(kLabels) && IsValidLabelName(action.substr(kLabels.size()))) {
      result.pieces.push_back({TemplatePiece::Kind::kLabel, std::string(action.substr(kLabels.size()))});
    } else {
      bad_action = std::string(text.substr(open, close + 2 - open));
      return std::nullopt;
    }
    from = close + 2;
  }
  return result;
}

}  // namespace promsynth
