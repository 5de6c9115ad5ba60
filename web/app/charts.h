// web/app/charts.h — the app's chart calls: engine data in the shapes the pages have (labels and
// named series), drawn with the chart library (web/ui) in Loupe's palette, and the compositions
// several pages share (a row of KPI tiles, the snapshot freshness table, the network view).
#pragma once

#include <span>
#include <string>
#include <vector>

#include "app/bridge.h"
#include "imgui.h"

namespace loupe::app {

class Pages;

struct SeriesSpec {
  std::string name;
  std::vector<double> values;
};

//! One KPI tile: its label, the formatted value, the metric the explain panel opens, a note.
struct KpiSpec {
  std::string label, value, metric, note;
  std::vector<double> trend = {};  //!< a sparkline along the tile's bottom (oldest first), if any
};

//! Draws a reply's loading or error state ("Could not load WHAT: …") and returns false until it
//! is ready; every view starts with it.
bool Ready(const Reply& reply, const char* what);
//! A bullet whose text wraps (at the pushed wrap position, else the window's edge); ImGui's
//! BulletText does not wrap and is clipped in narrow widgets.
void WrappedBullet(const std::string& text);
//! Tiles side by side (wrapping to more rows when narrow); each value opens the explain panel.
void KpiRow(Pages& pages, std::span<const KpiSpec> tiles, ImVec2 size);
//! Lines over category labels (weeks, days), one per series, with a legend and hover values.
void Lines(const char* id, const std::vector<std::string>& labels, const std::vector<SeriesSpec>& series, ImVec2 size);
//! Bars per label, grouped when there are several series; `max` fixes the value axis (0: auto).
void Bars(const char* id, const std::vector<std::string>& labels, const std::vector<SeriesSpec>& series, ImVec2 size,
          bool horizontal = false, double max = 0.0);
//! Stacked bars per label (one segment per series).
void StackedBars(const char* id, const std::vector<std::string>& labels, const std::vector<SeriesSpec>& series,
                 ImVec2 size, bool horizontal = false);
//! rows × cols values (row-major) with labels and a legend naming `unit`.
void HeatmapView(const char* id, const std::vector<std::string>& rows, const std::vector<std::string>& cols,
                 const std::vector<double>& values, ImVec2 size, const char* unit);
//! A 0..max gauge with its label under the value.
void GaugeView(const char* id, double value, double max, const char* label, ImVec2 size);
//! snapshots.status: one row per period type with its freshness, stale periods flagged.
void DrawSnapshotStatus(simdjson::dom::element status, ImVec2 size);
//! analytics.collaboration's nodes and edges as an interactive graph kept per `key` (its layout
//! carries on across frames and is rebuilt when the reply changes).
void NetworkView(Pages& pages, const std::string& key, const Reply& reply, ImVec2 size);

}  // namespace loupe::app
