#include "batch/plot_png.h"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>

#include "signal/stale_marker.h"

namespace promsynth {
namespace {

constexpr double kLeft = 100, kRight = 30, kTop = 50, kBottom = 60;
constexpr double kPlotWidth = PlotPng::kWidth - kLeft - kRight;

/// matplotlib's default colour cycle ("tab10").
constexpr double kColors[][3] = {{0.122, 0.467, 0.706}, {1.000, 0.498, 0.055}, {0.173, 0.627, 0.173},
                                 {0.839, 0.153, 0.157}, {0.580, 0.404, 0.741}, {0.549, 0.337, 0.294},
                                 {0.890, 0.467, 0.761}, {0.498, 0.498, 0.498}};

/// Ticks at 1, 2 or 5 × 10^n covering [low, high] with about `target` intervals.
std::vector<double> NiceTicks(double low, double high, int target, double& step) {
  const double raw = (high - low) / target;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  step = magnitude;
  for (double factor : {1.0, 2.0, 5.0, 10.0}) {
    step = factor * magnitude;
    if (raw <= step) break;
  }
  std::vector<double> ticks;
  for (double tick = std::ceil(low / step) * step; tick <= high + step * 1e-9; tick += step) {
    ticks.push_back(std::fabs(tick) < step * 1e-9 ? 0.0 : tick);
  }
  return ticks;
}

std::string TickLabel(double value, double step) {
  const int decimals = std::max(0, static_cast<int>(-std::floor(std::log10(step) + 1e-9)));
  char text[64];
  if (std::fabs(value) >= 1e7 || (value != 0 && std::fabs(value) < 1e-4)) {
    std::snprintf(text, sizeof text, "%.3g", value);
  } else {
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
  }
  return text;
}

void ShowText(cairo_t* cr, const std::string& text, double x, double y, double align_x, double align_y) {
  cairo_text_extents_t extents;
  cairo_text_extents(cr, text.c_str(), &extents);
  cairo_move_to(cr, x - extents.x_bearing - extents.width * align_x,
                y - extents.y_bearing - extents.height * align_y);
  cairo_show_text(cr, text.c_str());
}

}  // namespace

void PlotPng::Begin(const SeriesLayout& layout, const BatchRange& range) {
  samples_ = range.samples;
  bin_count_ = static_cast<size_t>(
      std::min<int64_t>(std::max<int64_t>(samples_, 1), static_cast<int64_t>(kPlotWidth)));
  plots_.clear();
  for (const FamilyLayout& family : layout.families) {
    if (plots_.size() == kMaxPlots) break;
    Plot plot;
    plot.title = family.name;
    if (family.series_count > kMaxLinesPerPlot) {
      plot.title += " (first " + std::to_string(kMaxLinesPerPlot) + " of " +
                    std::to_string(family.series_count) + " series)";
    }
    plot.y_label = family.unit.empty() ? "value" : family.unit;
    for (size_t i = 0; i < std::min(family.series_count, kMaxLinesPerPlot); ++i) {
      plot.lines.push_back({family.first_series + i, std::vector<Bin>(bin_count_)});
    }
    plots_.push_back(std::move(plot));
  }
}

void PlotPng::Row(int64_t k, int64_t /*time_ms*/, std::span<const double> values) {
  const auto bin_index = static_cast<size_t>(static_cast<uint64_t>(k) * bin_count_ /
                                             static_cast<uint64_t>(std::max<int64_t>(samples_, 1)));
  for (Plot& plot : plots_) {
    for (Line& line : plot.lines) {
      const double value = values[line.series];
      if (!std::isfinite(value)) continue;  // NaN, ±Inf and the stale marker leave a gap
      Bin& bin = line.bins[bin_index];
      if (!bin.used) {
        bin = {value, value, value, value, true};
      } else {
        bin.low = std::min(bin.low, value);
        bin.high = std::max(bin.high, value);
        bin.last = value;
      }
    }
  }
}

void PlotPng::End() {
  const int height = kPlotHeight * static_cast<int>(std::max<size_t>(plots_.size(), 1));
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, kWidth, height);
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  const double plot_height = kPlotHeight - kTop - kBottom;
  const double last_sample = static_cast<double>(std::max<int64_t>(samples_ - 1, 1));
  for (size_t p = 0; p < plots_.size(); ++p) {
    const Plot& plot = plots_[p];
    const double top = static_cast<double>(p) * kPlotHeight + kTop;
    const double bottom = top + plot_height;
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    for (const Line& line : plot.lines) {
      for (const Bin& bin : line.bins) {
        if (!bin.used) continue;
        low = std::min(low, bin.low);
        high = std::max(high, bin.high);
      }
    }
    if (!(low <= high)) low = 0, high = 1;
    // matplotlib's 5 % margins; a flat line gets a band around it.
    const double span = high > low ? high - low : std::max(std::fabs(low) * 0.1, 1.0);
    const double mid = (high + low) / 2;
    low = high > low ? low - 0.05 * span : mid - span / 2;
    high = high > low + 0.05 * span ? high + 0.05 * span : mid + span / 2;
    const auto x_at = [&](double sample) { return kLeft + sample / last_sample * kPlotWidth; };
    const auto y_at = [&](double value) { return bottom - (value - low) / (high - low) * plot_height; };

    // Grid and ticks.
    cairo_set_font_size(cr, 12);
    cairo_set_line_width(cr, 1);
    double y_step = 1;
    for (double tick : NiceTicks(low, high, 6, y_step)) {
      const double y = std::round(y_at(tick)) + 0.5;
      cairo_set_source_rgb(cr, 0.9, 0.9, 0.9);
      cairo_move_to(cr, kLeft, y);
      cairo_line_to(cr, kLeft + kPlotWidth, y);
      cairo_stroke(cr);
      cairo_set_source_rgb(cr, 0, 0, 0);
      cairo_move_to(cr, kLeft - 5, y);
      cairo_line_to(cr, kLeft, y);
      cairo_stroke(cr);
      ShowText(cr, TickLabel(tick, y_step), kLeft - 8, y, 1.0, 0.5);
    }
    double x_step = 1;
    for (double tick : NiceTicks(0, last_sample, 8, x_step)) {
      if (x_step < 1 && tick != std::floor(tick)) continue;
      const double x = std::round(x_at(tick)) + 0.5;
      cairo_set_source_rgb(cr, 0.9, 0.9, 0.9);
      cairo_move_to(cr, x, top);
      cairo_line_to(cr, x, bottom);
      cairo_stroke(cr);
      cairo_set_source_rgb(cr, 0, 0, 0);
      cairo_move_to(cr, x, bottom);
      cairo_line_to(cr, x, bottom + 5);
      cairo_stroke(cr);
      ShowText(cr, TickLabel(tick, std::max(x_step, 1.0)), x, bottom + 8, 0.5, 0.0);
    }
    // The lines, clipped to the axes.
    cairo_save(cr);
    cairo_rectangle(cr, kLeft, top, kPlotWidth, plot_height);
    cairo_clip(cr);
    cairo_set_line_width(cr, 1.5);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    for (size_t l = 0; l < plot.lines.size(); ++l) {
      const double* color = kColors[l % std::size(kColors)];
      cairo_set_source_rgb(cr, color[0], color[1], color[2]);
      bool drawing = false;
      for (size_t b = 0; b < bin_count_; ++b) {
        const Bin& bin = plot.lines[l].bins[b];
        if (!bin.used) {
          drawing = false;
          continue;
        }
        // The bin's first sample index.
        const double x = x_at(std::ceil(static_cast<double>(b) * static_cast<double>(samples_) /
                                        static_cast<double>(bin_count_)));
        if (!drawing) cairo_move_to(cr, x, y_at(bin.first));
        cairo_line_to(cr, x, y_at(bin.first));
        cairo_line_to(cr, x, y_at(bin.low));
        cairo_line_to(cr, x, y_at(bin.high));
        cairo_line_to(cr, x, y_at(bin.last));
        drawing = true;
      }
      cairo_stroke(cr);
    }
    cairo_restore(cr);
    // Frame, title and axis labels.
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_line_width(cr, 1);
    cairo_rectangle(cr, kLeft + 0.5, top + 0.5, kPlotWidth - 1, plot_height - 1);
    cairo_stroke(cr);
    cairo_set_font_size(cr, 14);
    ShowText(cr, "sample", kLeft + kPlotWidth / 2, bottom + 30, 0.5, 0.0);
    cairo_save(cr);
    cairo_translate(cr, 22, (top + bottom) / 2);
    cairo_rotate(cr, -M_PI / 2);
    ShowText(cr, plot.y_label, 0, 0, 0.5, 0.5);
    cairo_restore(cr);
    cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
    cairo_set_font_size(cr, 16);
    ShowText(cr, plot.title, kLeft + kPlotWidth / 2, top - 12, 0.5, 1.0);
    cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  }
  cairo_destroy(cr);
  const cairo_status_t status = cairo_surface_write_to_png(surface, path_.c_str());
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    throw std::runtime_error("cannot write " + path_ + ": " + cairo_status_to_string(status));
  }
}

}  // namespace promsynth
