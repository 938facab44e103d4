#pragma once

#include <string>
#include <vector>

#include "batch/batch_sink.h"

namespace promsynth {

/// Draws a batch run as a PNG with cairo, like seed 001's `metrics.png`: one stacked subplot per
/// metric family, titled with its name, 1000 px wide and 500 px high each (matplotlib's 10 in × 5 in
/// per metric at 100 dpi), with a frame, grid, ticks and tick labels on both axes, the x axis in
/// samples and the y axis in the metric's unit ("value" without one). A family's first
/// `kMaxLinesPerPlot` series are drawn, the first `kMaxPlots` families. Long runs are reduced while
/// they stream in to the first, lowest, highest and last value of each pixel column, so memory does
/// not grow with the number of samples and spikes stay visible.
class PlotPng final : public BatchSink {
 public:
  static constexpr int kWidth = 1000;
  static constexpr int kPlotHeight = 500;
  static constexpr size_t kMaxPlots = 20;
  static constexpr size_t kMaxLinesPerPlot = 8;

  /// Writes the picture to `path` at `End`.
  explicit PlotPng(std::string path) : path_(std::move(path)) {}
  void Begin(const SeriesLayout& layout, const BatchRange& range) override;
  void Row(int64_t k, int64_t time_ms, std::span<const double> values) override;
  void End() override;

 private:
  /// One pixel column of one line.
  struct Bin {
    double first = 0, low = 0, high = 0, last = 0;
    bool used = false;
  };
  struct Line {
    size_t series = 0;  ///< index in the row
    std::vector<Bin> bins;
  };
  struct Plot {
    std::string title;
    std::string y_label;
    std::vector<Line> lines;
  };

  std::string path_;
  int64_t samples_ = 0;
  size_t bin_count_ = 0;
  std::vector<Plot> plots_;
};

}  // namespace promsynth
