#include "batch/plot_png.h"

#include <cairo.h>
#include <gtest/gtest.h>

#include <cmath>

#include "config/yaml_config_loader.h"
#include "support/temp_dir.h"

namespace promsynth {
namespace {

struct PixelCounts {
  int width = 0, height = 0;
  long non_white = 0;
  long blue = 0;  ///< pixels in the first line colour (matplotlib's tab:blue)
  long blue_in_lower_half_of_first_plot = 0;
};

PixelCounts Count(const std::string& path) {
  PixelCounts counts;
  cairo_surface_t* image = cairo_image_surface_create_from_png(path.c_str());
  if (cairo_surface_status(image) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(image);
    return counts;
  }
  counts.width = cairo_image_surface_get_width(image);
  counts.height = cairo_image_surface_get_height(image);
  const int stride = cairo_image_surface_get_stride(image);
  const unsigned char* data = cairo_image_surface_get_data(image);
  for (int y = 0; y < counts.height; ++y) {
    for (int x = 0; x < counts.width; ++x) {
      const unsigned char* p = data + y * stride + x * 4;  // BGRA / xRGB in native order
      if (p[0] != 255 || p[1] != 255 || p[2] != 255) ++counts.non_white;
      if (std::abs(p[0] - 180) < 40 && std::abs(p[1] - 119) < 40 && std::abs(p[2] - 31) < 40) {
        ++counts.blue;
        if (y > 250 && y < 500) ++counts.blue_in_lower_half_of_first_plot;
      }
    }
  }
  cairo_surface_destroy(image);
  return counts;
}

TEST(PlotPngTest, OneSubplotOf1000x500PerFamilyWithVisibleLines) {
  const Config config = ParseYamlConfig(R"(metrics:
  - {name: a, generator: {kind: constant}}
  - {name: b, generator: {kind: constant}}
  - {name: c, generator: {kind: constant}}
)",
                                        "p.yml");
  const SeriesLayout layout = BuildSeriesLayout(config);
  testing::TempDir dir;
  const std::string path = dir.path() + "/metrics.png";
  PlotPng plot(path);
  const BatchRange range{0, 1000, 5000};  // more samples than pixel columns
  plot.Begin(layout, range);
  for (int64_t k = 0; k < range.samples; ++k) {
    const double x = static_cast<double>(k);
    const double row[] = {std::sin(x / 300), x < 2500 ? 1.0 : 5.0, x * x};
    plot.Row(k, range.TimeAt(k), row);
  }
  plot.End();
  const PixelCounts counts = Count(path);
  EXPECT_EQ(counts.width, 1000);
  EXPECT_EQ(counts.height, 1500);
  // Not blank: frames, text and lines; and the sine reaches the lower half of its subplot.
  EXPECT_GT(counts.non_white, 20000);
  EXPECT_GT(counts.blue, 3000);
  EXPECT_GT(counts.blue_in_lower_half_of_first_plot, 300);
}

TEST(PlotPngTest, AnUnwritablePathThrows) {
  const SeriesLayout layout =
      BuildSeriesLayout(ParseYamlConfig("metrics: [{name: a, generator: {kind: constant}}]", "p.yml"));
  PlotPng plot("/nonexistent-dir/metrics.png");
  plot.Begin(layout, {0, 1000, 1});
  const double row[] = {1};
  plot.Row(0, 0, row);
  EXPECT_THROW(plot.End(), std::runtime_error);
}

}  // namespace
}  // namespace promsynth
