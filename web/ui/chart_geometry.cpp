#include "ui/chart_geometry.h"

#include <algorithm>
#include <cmath>

namespace loupe::ui {
namespace {

constexpr float kFarPx = 1e6f;

ImRect Sorted(float x0, float y0, float x1, float y1) {
  return ImRect(std::min(x0, x1), std::min(y0, y1), std::max(x0, x1), std::max(y0, y1));
}

// A bar's base and value edge along the value axis, at least 1 px apart for non-zero values (in
// the direction the scale maps the value's sign to).
std::pair<float, float> BarSpan(float base, float end, double value, const LinearScale& scale) {
  if (value != 0.0 && std::fabs(end - base) < 1.0f) {
    const float increasing = (scale.r1 >= scale.r0) == (scale.d1 >= scale.d0) ? 1.0f : -1.0f;
    end = base + (value > 0 ? increasing : -increasing);
  }
  return {base, end};
}

ImRect BarRect(const ImRect& plot, bool horizontal, float band_start, float band_size, float base, float end) {
  if (horizontal) {
    ImRect r = Sorted(base, band_start, end, band_start + band_size);
    r.ClipWithFull(plot);
    return r;
  }
  ImRect r = Sorted(band_start, base, band_start + band_size, end);
  r.ClipWithFull(plot);
  return r;
}

BandScale CategoryBands(const ImRect& plot, int categories, bool horizontal, float padding) {
  BandScale b;
  b.count = categories;
  b.padding = padding;
  if (horizontal) {
    b.r0 = plot.Min.y, b.r1 = plot.Max.y;
  } else {
    b.r0 = plot.Min.x, b.r1 = plot.Max.x;
  }
  return b;
}

}  // namespace

float LinearScale::Map(double v) const {
  if (std::isnan(v)) return NAN;
  const float lo = std::min(r0, r1) - kFarPx, hi = std::max(r0, r1) + kFarPx;
  if (!(d1 != d0) || !std::isfinite(d1 - d0)) return (r0 + r1) * 0.5f;
  const double t = (v - d0) / (d1 - d0);
  const double px = r0 + t * (static_cast<double>(r1) - r0);
  if (std::isnan(px)) return (r0 + r1) * 0.5f;
  return static_cast<float>(std::clamp(px, static_cast<double>(lo), static_cast<double>(hi)));
}

double LinearScale::Invert(float px) const {
  if (r1 == r0) return d0;
  return d0 + (static_cast<double>(px) - r0) / (static_cast<double>(r1) - r0) * (d1 - d0);
}

float BandScale::Step() const { return count > 0 ? (r1 - r0) / static_cast<float>(count) : 0.0f; }
float BandScale::Bandwidth() const { return Step() * (1.0f - std::clamp(padding, 0.0f, 1.0f)); }
float BandScale::Start(int i) const { return r0 + Step() * (static_cast<float>(i) + std::clamp(padding, 0.0f, 1.0f) * 0.5f); }
float BandScale::Center(int i) const { return r0 + Step() * (static_cast<float>(i) + 0.5f); }

int BandScale::IndexAt(float px) const {
  if (count <= 0 || !(r1 > r0) || px < r0 || px >= r1) return -1;
  return std::clamp(static_cast<int>((px - r0) / Step()), 0, count - 1);
}

Extent SeriesExtent(std::span<const Series> series) {
  Extent e;
  for (const Series& s : series) {
    for (double v : s.values) {
      if (!std::isfinite(v)) continue;
      if (e.finite++ == 0) {
        e.min = e.max = v;
      } else {
        e.min = std::min(e.min, v), e.max = std::max(e.max, v);
      }
    }
  }
  return e;
}

Extent StackedExtent(std::span<const Series> series) {
  Extent e;
  const int n = MaxLength(series);
  for (int i = 0; i < n; ++i) {
    double pos = 0.0, neg = 0.0;
    int finite = 0;
    for (const Series& s : series) {
      if (i >= static_cast<int>(s.values.size()) || !std::isfinite(s.values[static_cast<size_t>(i)])) continue;
      const double v = s.values[static_cast<size_t>(i)];
      (v >= 0 ? pos : neg) += v;
      ++finite;
    }
    if (finite == 0) continue;
    if (e.finite == 0) {
      e.min = neg, e.max = pos;
    } else {
      e.min = std::min(e.min, neg), e.max = std::max(e.max, pos);
    }
    e.finite += finite;
  }
  return e;
}

int MaxLength(std::span<const Series> series) {
  size_t n = 0;
  for (const Series& s : series) n = std::max(n, s.values.size());
  return static_cast<int>(n);
}

std::vector<std::pair<int, int>> FiniteRuns(std::span<const double> values) {
  std::vector<std::pair<int, int>> runs;
  int begin = -1;
  for (int i = 0; i <= static_cast<int>(values.size()); ++i) {
    const bool finite = i < static_cast<int>(values.size()) && std::isfinite(values[static_cast<size_t>(i)]);
    if (finite && begin < 0) begin = i;
    if (!finite && begin >= 0) {
      runs.emplace_back(begin, i);
      begin = -1;
    }
  }
  return runs;
}

ChartLayout LayoutChart(const ImRect& rect, float font_size, float y_label_width, bool legend, bool x_labels,
                        float pad) {
  ChartLayout l;
  l.rect = rect;
  const float line = font_size + 4.0f;
  float top = rect.Min.y, bottom = rect.Max.y;
  l.legend = ImRect(rect.Min.x, top, rect.Max.x, legend ? std::min(bottom, top + line) : top);
  top = l.legend.Max.y;
  l.x_axis = ImRect(rect.Min.x, x_labels ? std::max(top, bottom - line) : bottom, rect.Max.x, bottom);
  bottom = l.x_axis.Min.y;
  const float left = std::min(rect.Max.x, rect.Min.x + std::max(0.0f, y_label_width));
  l.y_axis = ImRect(rect.Min.x, top, left, bottom);
  l.plot = ImRect(left, std::min(bottom, top + pad), std::max(left, rect.Max.x - pad), bottom);
  return l;
}

std::vector<BarGeom> GroupedBarRects(const ImRect& plot, std::span<const Series> series, int categories,
                                     const LinearScale& values, bool horizontal, float band_padding) {
  std::vector<BarGeom> bars;
  const int groups = static_cast<int>(series.size());
  if (categories <= 0 || groups == 0) return bars;
  const BandScale bands = CategoryBands(plot, categories, horizontal, band_padding);
  const float slot = bands.Bandwidth() / static_cast<float>(groups);
  // A hair between neighbouring bars of a group when there is room for it.
  const float inner = slot >= 6.0f ? 1.0f : 0.0f;
  const double lo = std::min(values.d0, values.d1), hi = std::max(values.d0, values.d1);
  const float base = values.Map(std::clamp(0.0, lo, hi));
  for (int s = 0; s < groups; ++s) {
    const auto& v = series[static_cast<size_t>(s)].values;
    for (int i = 0; i < categories && i < static_cast<int>(v.size()); ++i) {
      const double value = v[static_cast<size_t>(i)];
      if (std::isnan(value)) continue;
      const auto [b, e] = BarSpan(base, values.Map(std::clamp(value, lo, hi)), value, values);
      const float start = bands.Start(i) + slot * static_cast<float>(s) + inner * 0.5f;
      bars.push_back({BarRect(plot, horizontal, start, std::max(0.0f, slot - inner), b, e), s, i, value});
    }
  }
  return bars;
}

std::vector<BarGeom> StackedBarRects(const ImRect& plot, std::span<const Series> series, int categories,
                                     const LinearScale& values, bool horizontal, float band_padding) {
  std::vector<BarGeom> bars;
  if (categories <= 0 || series.empty()) return bars;
  const BandScale bands = CategoryBands(plot, categories, horizontal, band_padding);
  const double lo = std::min(values.d0, values.d1), hi = std::max(values.d0, values.d1);
  for (int i = 0; i < categories; ++i) {
    double pos = 0.0, neg = 0.0;
    for (int s = 0; s < static_cast<int>(series.size()); ++s) {
      const auto& v = series[static_cast<size_t>(s)].values;
      if (i >= static_cast<int>(v.size())) continue;
      const double value = v[static_cast<size_t>(i)];
      if (!std::isfinite(value) || value == 0.0) continue;
      double& acc = value > 0 ? pos : neg;
      const float b = values.Map(std::clamp(acc, lo, hi));
      acc += value;
      const float e = values.Map(std::clamp(acc, lo, hi));
      bars.push_back({BarRect(plot, horizontal, bands.Start(i), bands.Bandwidth(), b, e), s, i, value});
    }
  }
  return bars;
}

ImRect HeatmapGeometry::Cell(int r, int c) const {
  const float w = grid.GetWidth() / static_cast<float>(std::max(1, cols));
  const float h = grid.GetHeight() / static_cast<float>(std::max(1, rows));
  const float x0 = grid.Min.x + w * static_cast<float>(c), y0 = grid.Min.y + h * static_cast<float>(r);
  return ImRect(x0, y0, std::max(x0, x0 + w - gap), std::max(y0, y0 + h - gap));
}

bool HeatmapGeometry::Hit(const ImVec2& p, int* r, int* c) const {
  if (rows <= 0 || cols <= 0 || p.x < grid.Min.x || p.y < grid.Min.y || p.x >= grid.Max.x || p.y >= grid.Max.y) {
    return false;
  }
  *c = std::clamp(static_cast<int>((p.x - grid.Min.x) / grid.GetWidth() * static_cast<float>(cols)), 0, cols - 1);
  *r = std::clamp(static_cast<int>((p.y - grid.Min.y) / grid.GetHeight() * static_cast<float>(rows)), 0, rows - 1);
  return true;
}

HeatmapGeometry LayoutHeatmap(const ImRect& rect, int rows, int cols, float row_label_width, float col_label_height,
                              float legend_height) {
  HeatmapGeometry g;
  g.rows = std::max(0, rows);
  g.cols = std::max(0, cols);
  const float legend_top = std::max(rect.Min.y, rect.Max.y - std::max(0.0f, legend_height));
  g.legend = ImRect(rect.Min.x, legend_top, rect.Max.x, rect.Max.y);
  const float labels_top = std::max(rect.Min.y, legend_top - std::max(0.0f, col_label_height));
  const float left = std::min(rect.Max.x, rect.Min.x + std::max(0.0f, row_label_width));
  g.col_labels = ImRect(left, labels_top, rect.Max.x, legend_top);
  g.row_labels = ImRect(rect.Min.x, rect.Min.y, left, labels_top);
  g.grid = ImRect(left, rect.Min.y, rect.Max.x, labels_top);
  if (g.rows > 0 && g.cols > 0) {
    const float w = g.grid.GetWidth() / static_cast<float>(g.cols), h = g.grid.GetHeight() / static_cast<float>(g.rows);
    g.gap = (w >= 6.0f && h >= 6.0f) ? 1.0f : 0.0f;
  }
  return g;
}

double RampPosition(double v, double min, double max) {
  if (!std::isfinite(v)) return NAN;
  if (!(max > min)) return v > 0 ? 1.0 : 0.0;
  return std::clamp((v - min) / (max - min), 0.0, 1.0);
}

float GaugeGeometry::AngleOf(double v, double min, double max) const {
  if (std::isnan(v) || !(max > min)) return a0;
  const double t = std::clamp((v - min) / (max - min), 0.0, 1.0);
  return a0 + static_cast<float>(t) * (a1 - a0);
}

GaugeGeometry LayoutGauge(const ImRect& rect, float font_size) {
  GaugeGeometry g;
  const float w = rect.GetWidth(), h = rect.GetHeight() - (font_size + 4.0f);
  const float outer = std::max(0.0f, std::min(w * 0.5f, h) - 2.0f);
  g.thickness = std::max(2.0f, outer * 0.2f);
  g.radius = std::max(0.0f, outer - g.thickness * 0.5f - 1.0f);
  g.center = ImVec2(rect.GetCenter().x, rect.Min.y + 2.0f + outer);
  g.a0 = IM_PI;
  g.a1 = 2.0f * IM_PI;
  return g;
}

}  // namespace loupe::ui
