#include "app/charts.h"

#include <algorithm>
#include <map>
#include <memory>

#include "app/app.h"
#include "app/format.h"
#include "app/pages.h"
#include "ui/charts.h"
#include "ui/graph.h"
#include "ui/graph_gl.h"
#include "ui/theme.h"

namespace loupe::app {
namespace {

// The library takes views: series names and values stay owned by the caller's SeriesSpec.
std::vector<ui::Series> View(const std::vector<SeriesSpec>& series) {
  std::vector<ui::Series> out;
  out.reserve(series.size());
  for (size_t i = 0; i < series.size(); ++i) {
    out.push_back({series[i].name, series[i].values, ui::CategoricalColor(static_cast<int>(i))});
  }
  return out;
}

// Graphs keep their layout between frames; keyed by the caller's key, rebuilt when the reply's
// text changes.
struct KeptGraph {
  std::unique_ptr<ui::NetworkGraph> graph;
  std::string source;
};
std::map<std::string, KeptGraph>& Graphs() {
  static std::map<std::string, KeptGraph> graphs;
  return graphs;
}

}  // namespace

bool Ready(const Reply& r, const char* what) {
  if (r.state == Reply::State::kReady) return true;
  if (r.state == Reply::State::kLoading) {
    ImGui::TextDisabled("Loading %s...", what);
  } else {
    ImGui::PushStyleColor(ImGuiCol_Text, ui::kBad);
    ImGui::TextWrapped("Could not load %s: %s", what, r.error.c_str());
    ImGui::PopStyleColor();
  }
  return false;
}

void WrappedBullet(const std::string& text) {
  ImGui::Bullet();
  ImGui::SameLine();
  ImGui::TextWrapped("%s", text.c_str());
}

void KpiRow(Pages& pages, std::span<const KpiSpec> tiles, ImVec2 size) {
  if (tiles.empty()) return;
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float min_width = 150.0f;
  const int per_row = std::max(1, std::min(static_cast<int>(tiles.size()), static_cast<int>((size.x + gap) / (min_width + gap))));
  const int rows = (static_cast<int>(tiles.size()) + per_row - 1) / per_row;
  const float width = (size.x - gap * (per_row - 1)) / per_row;
  // Tiles with a sparkline take the height they are given (up to a point); bare ones stay compact.
  const bool trends = std::any_of(tiles.begin(), tiles.end(), [](const KpiSpec& t) { return !t.trend.empty(); });
  const float height = std::max(56.0f, std::min(trends ? 150.0f : 96.0f, (size.y - gap * (rows - 1)) / rows));
  ImGuiIO& io = ImGui::GetIO();
  ImFont* value_font = io.Fonts->Fonts.Size > 1 ? io.Fonts->Fonts[1] : nullptr;  // the bold heading size
  for (size_t i = 0; i < tiles.size(); ++i) {
    if (i % per_row != 0) ImGui::SameLine(0, gap);
    const KpiSpec& t = tiles[i];
    ui::KpiTileData data;
    data.label = t.label;
    data.value_text = t.value;
    data.note = t.note;
    data.trend = t.trend;
    data.value_font = value_font;
    const ui::ChartHover hover = ui::KpiTile(t.metric.c_str(), ImVec2(width, height), data);
    pages.NoteNumber(t.metric);
    if (hover.clicked) pages.Explain(t.metric, "");
  }
}

void Lines(const char* id, const std::vector<std::string>& labels, const std::vector<SeriesSpec>& series, ImVec2 size) {
  const std::vector<ui::Series> view = View(series);
  ui::LineChart(id, size, labels, view);
}

void Bars(const char* id, const std::vector<std::string>& labels, const std::vector<SeriesSpec>& series, ImVec2 size,
          bool horizontal, double max) {
  const std::vector<ui::Series> view = View(series);
  ui::BarChartOptions options;
  options.horizontal = horizontal;
  if (max > 0) options.value_max = max;
  ui::BarChart(id, size, labels, view, options);
}

void StackedBars(const char* id, const std::vector<std::string>& labels, const std::vector<SeriesSpec>& series,
                 ImVec2 size, bool horizontal) {
  const std::vector<ui::Series> view = View(series);
  ui::BarChartOptions options;
  options.horizontal = horizontal;
  ui::StackedBarChart(id, size, labels, view, options);
}

void HeatmapView(const char* id, const std::vector<std::string>& rows, const std::vector<std::string>& cols,
                 const std::vector<double>& values, ImVec2 size, const char* unit) {
  ui::HeatmapOptions options;
  options.unit = unit;
  ui::Heatmap(id, size, rows, cols, values, options);
}

void GaugeView(const char* id, double value, double max, const char* label, ImVec2 size) {
  ui::GaugeOptions options;
  options.max = max;
  options.label = label;
  ui::Gauge(id, size, value, options);
}

void DrawSnapshotStatus(simdjson::dom::element status, ImVec2 size) {
  // One row per developer and period type; summarised per period type (the freshest and the
  // stalest), then the developers whose snapshots are stale.
  struct Summary {
    int developers = 0, periods = 0, stale = 0;
    std::string latest;
  };
  std::map<std::string, Summary> by_type;
  for (simdjson::dom::element row : AsArray(status)) {
    Summary& s = by_type[Str(row, "period_type")];
    ++s.developers;
    s.periods = std::max(s.periods, static_cast<int>(Num(row, "periods")));
    if (Num(row, "stale") != 0) ++s.stale;
    s.latest = std::max(s.latest, Str(row, "latest_period_end").substr(0, 10));
  }
  if (by_type.empty()) {
    ImGui::TextDisabled("No snapshots stored yet.");
    ImGui::TextWrapped("Snapshots keep each period's figures so trends and forecasts have a history.");
    return;
  }
  if (ImGui::BeginTable("snapshots", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    for (const char* c : {"Period", "Developers", "Periods", "Up to", "Freshness"}) ImGui::TableSetupColumn(c);
    ImGui::TableHeadersRow();
    for (const auto& [type, s] : by_type) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(type.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(FormatCount(s.developers).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(FormatCount(s.periods).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(s.latest.c_str());
      ImGui::TableNextColumn();
      if (s.stale > 0) {
        ImGui::TextColored(ui::kWarn, "%d stale", s.stale);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Data imported since touches these periods: regenerate them.");
      } else {
        ImGui::TextColored(ui::kGood, "fresh");
      }
    }
    ImGui::EndTable();
  }
}

void NetworkView(Pages& pages, const std::string& key, const Reply& reply, ImVec2 size) {
  KeptGraph& kept = Graphs()[key];
  if (!kept.graph) {
    kept.graph = std::make_unique<ui::NetworkGraph>();
#ifdef __EMSCRIPTEN__
    kept.graph->SetGpu(ui::CreateWebGl2GraphGpu());
#endif
  }
  if (kept.source != reply.text) {
    std::vector<ui::GraphNode> nodes;
    std::vector<ui::GraphEdge> edges;
    for (simdjson::dom::element n : Items(reply.root, "nodes")) {
      const std::string id = std::to_string(static_cast<int64_t>(Num(n, "id")));
      nodes.push_back({id, Str(n, "name", id), Num(n, "degree", 1), 0});
    }
    double strongest = 0;
    for (simdjson::dom::element e : Items(reply.root, "edges")) strongest = std::max(strongest, Num(e, "strength", Num(e, "weight")));
    for (simdjson::dom::element e : Items(reply.root, "edges")) {
      const double w = Num(e, "strength", Num(e, "weight"));
      edges.push_back({std::to_string(static_cast<int64_t>(Num(e, "source_id"))),
                       std::to_string(static_cast<int64_t>(Num(e, "target_id"))), strongest > 0 ? w / strongest : 1.0});
    }
    kept.graph->SetGraph(nodes, edges);
    kept.source = reply.text;
  }
  if (kept.graph->NodeCount() == 0) {
    ImGui::TextDisabled("Nobody worked with anybody in this window.");
    return;
  }
  kept.graph->Draw(key.c_str(), size);
  if (kept.graph->Animating()) pages.app().WantFrames(1);
}

}  // namespace loupe::app
