#include "signal/composition.h"

#include <algorithm>

#include "signal/stale_marker.h"

namespace promsynth {

CompositeGenerator::CompositeGenerator(CompositeOperation operation, double parameter,
                                       std::vector<std::unique_ptr<Generator>> children, size_t series_count)
    : operation_(operation),
      parameter_(parameter),
      children_(std::move(children)),
      child_keys_(series_count),
      scratch_(children_.size() > 1 ? series_count : 0) {}

void CompositeGenerator::Fill(const TickContext& context, std::span<const StreamKey> keys,
                              std::span<double> out) noexcept {
  const size_t count = std::min({out.size(), keys.size(), child_keys_.size()});
  const std::span<const StreamKey> child_keys(child_keys_.data(), count);
  const std::span<double> result = out.first(count);
  for (size_t j = 0; j < children_.size(); ++j) {
    for (size_t i = 0; i < count; ++i) child_keys_[i] = CombineKey(keys[i], j + 1);
    if (j == 0) {
      children_[j]->Fill(context, child_keys, result);
      continue;
    }
    const std::span<double> term(scratch_.data(), count);
    children_[j]->Fill(context, child_keys, term);
    for (size_t i = 0; i < count; ++i) {
      if (IsStaleMarker(result[i])) continue;
      if (IsStaleMarker(term[i])) {
        result[i] = term[i];
      } else if (operation_ == CompositeOperation::kProduct) {
        result[i] *= term[i];
      } else {
        result[i] += term[i];
      }
    }
  }
  if (operation_ == CompositeOperation::kScale || operation_ == CompositeOperation::kOffset) {
    for (double& value : result) {
      if (IsStaleMarker(value)) continue;
      value = operation_ == CompositeOperation::kScale ? value * parameter_ : value + parameter_;
    }
  }
}

uint64_t CompositeGenerator::failures() const noexcept {
  uint64_t total = 0;
  for (const auto& child : children_) total += child->failures();
  return total;
}

bool CompositeGenerator::Stateless() const noexcept {
  return std::all_of(children_.begin(), children_.end(),
                     [](const auto& child) { return child->Stateless(); });
}

namespace {

GeneratorKind CompositeKind(std::string_view name, std::string_view help, CompositeOperation operation,
                            ChildShape children, std::vector<ParamSpec> specs) {
  std::string_view parameter = specs.empty() ? std::string_view() : specs.front().name;
  return {.name = name,
          .help = help,
          .params = std::move(specs),
          .check = {},
          .make = {},
          .children = children,
          .make_composite = [operation, parameter](const ResolvedParams& params,
                                                   std::vector<std::unique_ptr<Generator>> generators,
                                                   size_t series_count) -> std::unique_ptr<Generator> {
            return std::make_unique<CompositeGenerator>(operation,
                                                        parameter.empty() ? 0.0 : params.Get(parameter),
                                                        std::move(generators), series_count);
          }};
}

}  // namespace

std::vector<GeneratorKind> CompositionKinds() {
  std::vector<GeneratorKind> kinds;
  kinds.push_back(
      CompositeKind("sum", "The sum of its terms.", CompositeOperation::kSum, ChildShape::kTerms, {}));
  kinds.push_back(CompositeKind("product", "The product of its terms.", CompositeOperation::kProduct,
                                ChildShape::kTerms, {}));
  kinds.push_back(CompositeKind("scale", "factor × input.", CompositeOperation::kScale, ChildShape::kInput,
                                {{.name = "factor", .default_value = 1, .help = "the multiplier"}}));
  kinds.push_back(CompositeKind("offset", "input + value.", CompositeOperation::kOffset, ChildShape::kInput,
                                {{.name = "value", .default_value = 0, .help = "the amount added"}}));
  return kinds;
}

}  // namespace promsynth
