#pragma once

#include <memory>
#include <vector>

#include "signal/generator_kind.h"

namespace promsynth {

/// How `CompositeGenerator` combines its children.
enum class CompositeOperation {
  kSum,      ///< Σ terms
  kProduct,  ///< Π terms
  kScale,    ///< factor × input
  kOffset,   ///< input + value
};

/// `sum`, `product`, `scale`, `offset`: combine child generators series by series. Child j sees
/// the series' stream key combined with j + 1, so two random terms (or a term and its parent's
/// stages) draw independently. A series that is stale in any child is stale in the result.
/// Scratch arrays are allocated at construction for `series_count` series.
class CompositeGenerator final : public Generator {
 public:
  CompositeGenerator(CompositeOperation operation, double parameter,
                     std::vector<std::unique_ptr<Generator>> children, size_t series_count);
  void Fill(const TickContext& context, std::span<const StreamKey> keys,
            std::span<double> out) noexcept override;
  uint64_t failures() const noexcept override;
  /// Stateless when every term (or the input) is.
  bool Stateless() const noexcept override;

 private:
  CompositeOperation operation_;
  double parameter_;  // factor of scale, value of offset
  std::vector<std::unique_ptr<Generator>> children_;
  std::vector<StreamKey> child_keys_;
  std::vector<double> scratch_;
};

/// The kinds `sum` and `product` (over `terms`), `scale` (`factor`, default 1, over `input`) and
/// `offset` (`value`, default 0, over `input`).
std::vector<GeneratorKind> CompositionKinds();

}  // namespace promsynth
