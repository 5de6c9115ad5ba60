// ui/charts.h — Loupe's charts as immediate-mode ImGui items: line, bar (grouped, vertical or
// horizontal), stacked bar, heatmap, gauge, KPI tile and sparkline.
//
// Each call reserves a rectangle at the cursor (`size` in logical pixels; a zero or negative
// component fills the available width, or takes a default height of 12 text lines), draws into
// the current window's draw list clipped to that rectangle, shows a tooltip with exact values
// while hovered and returns what is under the mouse. Nothing is retained between frames.
//
// Every chart accepts any data: no series or only missing values draw a "No data" state; one
// point, NaN gaps, negative and huge values are drawn sensibly; a rectangle too small for axes
// drops them and one too small for anything draws nothing. Geometry comes from
// ui/chart_geometry.h and is tested there; colours come from ui/theme.h; labels from ui/axis.h.
#pragma once

#include <cmath>
#include <span>
#include <string>
#include <string_view>

#include "imgui.h"
#include "ui/axis.h"
#include "ui/chart_geometry.h"
#include "ui/theme.h"

namespace loupe::ui {

//! What a chart reports about the mouse this frame.
struct ChartHover {
  bool hovered = false;   //!< the mouse is over the chart's rectangle
  bool clicked = false;   //!< the chart was clicked (left button released over it)
  bool no_data = false;   //!< the chart drew its "No data" state
  int series = -1;        //!< the series (or stack segment) under the mouse, -1 if none
  int index = -1;         //!< the point, category or heatmap column under the mouse, -1 if none
  int row = -1;           //!< heatmaps: the row under the mouse
  double value = NAN;     //!< the value under the mouse
};

//! Options of LineChart.
struct LineChartOptions {
  NumberFormat format = NumberFormat::kCompact;  //!< tick labels (tooltips use the exact form)
  const char* unit = nullptr;                    //!< appended to tooltip values ("commits")
  bool area = false;                             //!< fill under each line (alpha 0.15)
  bool legend = true;                            //!< legend row when there are several series
  bool include_zero = true;                      //!< the value axis always reaches 0
  double y_min = NAN, y_max = NAN;               //!< a fixed value axis (NaN: from the data)
  float thickness = 2.0f;                        //!< line width in logical pixels
};
//! Lines over shared x positions (point i of every series at x label i). Missing values break a
//! line; a lone point between gaps is drawn as a dot. Hovering shows a vertical guide, a marker
//! on each series and a tooltip with every series' value at that x.
ChartHover LineChart(const char* id, ImVec2 size, std::span<const std::string> x_labels,
                     std::span<const Series> series, const LineChartOptions& options = {});

//! Options of BarChart and StackedBarChart.
struct BarChartOptions {
  NumberFormat format = NumberFormat::kCompact;
  const char* unit = nullptr;
  bool horizontal = false;   //!< categories down the left, values along x
  bool legend = true;        //!< legend row when there are several series
  double value_max = NAN;    //!< a fixed end of the value axis (NaN: from the data)
};
//! Bars per category (labels[i] names category i), grouped side by side when there are several
//! series. Bars start at 0; negative values go the other way.
ChartHover BarChart(const char* id, ImVec2 size, std::span<const std::string> labels, std::span<const Series> series,
                    const BarChartOptions& options = {});
//! One bar per category made of one segment per series (positive values stacked up from 0,
//! negative ones down); the tooltip lists the segments and the total.
ChartHover StackedBarChart(const char* id, ImVec2 size, std::span<const std::string> labels,
                           std::span<const Series> series, const BarChartOptions& options = {});

//! Options of Heatmap.
struct HeatmapOptions {
  NumberFormat format = NumberFormat::kCompact;
  const char* unit = nullptr;    //!< named in the legend and tooltips ("commits")
  double min = NAN, max = NAN;   //!< the colour domain (NaN: 0 or the data's minimum, data's maximum)
  bool legend = true;            //!< the colour ramp with its end values under the grid
  bool cell_values = true;       //!< write non-zero values in cells large enough for them
};
//! rows × cols cells of `values` (row-major, values[r * cols + c]) coloured on the sequential
//! ramp; NaN or absent values are no-data cells. Used for day-of-week × hour activity (7 × 24)
//! and developer × skill proficiency. Column labels are thinned so they never overlap.
ChartHover Heatmap(const char* id, ImVec2 size, std::span<const std::string> row_labels,
                   std::span<const std::string> col_labels, std::span<const double> values,
                   const HeatmapOptions& options = {});

//! A threshold of a gauge: values up to `upto` (and above the previous band) take `tone`.
struct GaugeBand {
  double upto = 0.0;
  Tone tone = Tone::kNeutral;
};
//! Options of Gauge.
struct GaugeOptions {
  double min = 0.0, max = 100.0;
  std::span<const GaugeBand> bands;  //!< ascending; empty: < 50 bad, < 75 warn, else good
  NumberFormat format = NumberFormat::kCompact;
  const char* label = nullptr;       //!< under the value
};
//! A half-circle gauge: a track tinted by the bands, the value's arc in its band's tone, tick
//! marks at the band limits and the value in the middle. Values outside [min, max] are clamped
//! on the arc and written as they are; NaN draws an empty track and "–".
ChartHover Gauge(const char* id, ImVec2 size, double value, const GaugeOptions& options = {});

//! What a KPI tile shows.
struct KpiTileData {
  std::string_view label;                         //!< small, top left
  double value = NAN;                             //!< the big number (NaN: "–")
  std::string_view value_text;                    //!< shown instead of formatting `value` when set
  double previous = NAN;                          //!< the previous period's value (NaN: no delta)
  bool higher_is_better = true;                   //!< colours the delta good or bad
  NumberFormat format = NumberFormat::kCompact;
  std::span<const double> trend;                  //!< optional sparkline along the bottom
  std::string_view note;                          //!< extra line in the tooltip
  ImFont* value_font = nullptr;                   //!< font of the big number (default: current ×1.6)
};
//! A tile: label, big value, the change against `previous` (arrow, percentage, good/bad colour;
//! no colour when the change is under 0.5 %) and a sparkline. Clicking it sets `clicked`.
ChartHover KpiTile(const char* id, ImVec2 size, const KpiTileData& data);

//! A small line without axes (values NaN-gapped), its last point marked; 0 colour = accent.
ChartHover Sparkline(const char* id, ImVec2 size, std::span<const double> values, ImU32 color = 0);

//! Draws the "No data" state into `rect` of `draw_list` (a muted outline and centred text).
void DrawNoData(ImDrawList* draw_list, const ImRect& rect, const char* text = "No data");

}  // namespace loupe::ui
