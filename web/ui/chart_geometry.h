// ui/chart_geometry.h — where a chart's parts go, as pure functions of a rectangle and the data:
// scales, the plot area after axis gutters and legend, bar and stacked-bar rectangles, heatmap
// cells, gauge angles. The drawing functions (ui/charts.h) use exactly these, so the tests check
// geometry here without a GPU. Rectangles are in ImGui's logical pixels (y down).
#pragma once

#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"  // ImRect

namespace loupe::ui {

//! One data series: a name for legends and tooltips, its values (NaN = missing: a gap in a line,
//! no bar, a no-data cell) and its colour (0 = the categorical palette's colour for its index).
//! The series does not own its values.
struct Series {
  std::string_view name;
  std::span<const double> values;
  ImU32 color = 0;
};

//! Maps the value domain [d0, d1] linearly onto the pixel range [r0, r1] (r1 < r0 is fine: the
//! y axis grows upwards). A zero-width domain maps everything to the range's middle.
struct LinearScale {
  double d0 = 0.0, d1 = 1.0;
  float r0 = 0.0f, r1 = 1.0f;

  //! Pixel of `v`; values far outside the domain are clamped to within 10^6 px of the range so
  //! huge or infinite inputs stay finite. NaN gives NaN.
  float Map(double v) const;
  //! The value at pixel `px`.
  double Invert(float px) const;
};

//! `count` equal bands along [r0, r1] (categories of a bar chart), each band's step split into
//! the bar (bandwidth) and `padding` (a fraction of the step, 0..1) shared on both sides.
struct BandScale {
  float r0 = 0.0f, r1 = 1.0f;
  int count = 0;
  float padding = 0.2f;

  float Step() const;
  float Bandwidth() const;
  //! Start of band i's bar (padding/2 × step into the band) and its centre.
  float Start(int i) const;
  float Center(int i) const;
  //! The band holding pixel `px`, or -1 outside [r0, r1] or when there are no bands.
  int IndexAt(float px) const;
};

//! Finite minimum and maximum of values (NaN and ±∞ ignored).
struct Extent {
  double min = 0.0, max = 0.0;
  int finite = 0;  //!< how many finite values were seen; 0 means there is nothing to draw
  bool Valid() const { return finite > 0; }
};
Extent SeriesExtent(std::span<const Series> series);
//! Extent of the stacks: the largest sum of positive values and the smallest sum of negative
//! values at any index (a stacked chart's axis must reach both).
Extent StackedExtent(std::span<const Series> series);
//! The longest series' length (the number of points or categories).
int MaxLength(std::span<const Series> series);

//! The half-open runs [begin, end) of consecutive finite values (what a line draws unbroken).
std::vector<std::pair<int, int>> FiniteRuns(std::span<const double> values);

//! Areas of an axis chart inside `rect`.
struct ChartLayout {
  ImRect rect;    //!< the whole chart
  ImRect legend;  //!< legend row at the top (zero height when there is none)
  ImRect plot;    //!< where data is drawn
  ImRect y_axis;  //!< tick labels left of the plot
  ImRect x_axis;  //!< labels under the plot (zero height when there are none)
};
//! Splits `rect`: a legend row of one line at the top when `legend`, a gutter `y_label_width`
//! wide at the left, one line of x labels under the plot when `x_labels`, and `pad` pixels kept
//! free at the plot's top and right (room for markers and half a tick label). The plot may be
//! empty (zero or negative size becomes zero) when the rect is tiny.
ChartLayout LayoutChart(const ImRect& rect, float font_size, float y_label_width, bool legend, bool x_labels,
                        float pad);

//! One bar: its rectangle, which series and category it shows, and the value.
struct BarGeom {
  ImRect rect;
  int series = 0;
  int index = 0;
  double value = 0.0;
};
//! Bars of a grouped chart: category i takes band i of the plot (along x, or along y top-down when
//! `horizontal`), split evenly between the series; each bar spans from the value 0 (clamped into
//! the scale's domain) to its value (clamped likewise, so it never leaves the plot). Missing
//! (NaN) values have no bar; a non-zero value gets at least 1 px.
std::vector<BarGeom> GroupedBarRects(const ImRect& plot, std::span<const Series> series, int categories,
                                     const LinearScale& values, bool horizontal, float band_padding = 0.25f);
//! Bars of a stacked chart: per category, positive values stack away from 0 in series order and
//! negative values stack the other way; one bar per finite non-zero value.
std::vector<BarGeom> StackedBarRects(const ImRect& plot, std::span<const Series> series, int categories,
                                     const LinearScale& values, bool horizontal, float band_padding = 0.25f);

//! A heatmap's grid of rows × cols cells with row labels at its left, column labels under it and
//! a legend row at the bottom.
struct HeatmapGeometry {
  ImRect grid;
  ImRect row_labels;
  ImRect col_labels;
  ImRect legend;
  int rows = 0, cols = 0;
  float gap = 0.0f;  //!< pixels between cells

  //! Cell (r, c) without its gap.
  ImRect Cell(int r, int c) const;
  //! The cell under `p`, or false when `p` is outside the grid.
  bool Hit(const ImVec2& p, int* r, int* c) const;
};
//! Lays out a heatmap in `rect`. Cells keep a 1 px gap when they are at least 6 px on both sides.
HeatmapGeometry LayoutHeatmap(const ImRect& rect, int rows, int cols, float row_label_width, float col_label_height,
                              float legend_height);
//! Where `v` sits on the colour ramp of [min, max], in [0, 1]; NaN for a missing value. A
//! collapsed domain (max <= min) puts every value at 1 when positive and at 0 otherwise.
double RampPosition(double v, double min, double max);

//! A gauge's arc: a half circle opening downwards, from angle a0 (left, π) to a1 (right, 2π).
struct GaugeGeometry {
  ImVec2 center;
  float radius = 0.0f;     //!< of the arc's centre line
  float thickness = 0.0f;  //!< of the arc
  float a0 = 0.0f, a1 = 0.0f;

  //! Angle of `v` on [min, max], clamped to the arc; NaN values sit at a0.
  float AngleOf(double v, double min, double max) const;
};
//! The largest half-circle gauge in `rect` that leaves one text line under its ends.
GaugeGeometry LayoutGauge(const ImRect& rect, float font_size);

}  // namespace loupe::ui
