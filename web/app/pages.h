// web/app/pages.h — what the four routes draw: the persona dashboard (a grid of widgets the user
// moves and resizes), analytics, insights (developer, team, leaderboards, alerts) and reports, and
// the explain panel every number opens.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "app/bridge.h"
#include "imgui.h"

namespace loupe::app {

class App;

//! One widget as the engine's resolved preferences place it on the 12-column grid.
struct PlacedWidget {
  std::string id, name, size, status, needs, category;
  int x = 0, y = 0, w = 4, h = 3;
  bool accessible = true;
  std::vector<std::string> sources;
};

class Pages {
 public:
  explicit Pages(App& app);
  ~Pages();
  App& app() { return app_; }

  void Dashboard();
  void Analytics();
  void Insights();
  void Reports();
  //! The explain panel (a window over the content) when a number was clicked.
  void ExplainPanel();

  //! Called before a frame's page: forgets the last frame's rects.
  void BeginFrame() {
    numbers_.clear();
    drawn_.clear();
  }
  //! The widgets the dashboard drew last frame with their screen rects, as JSON (tests).
  std::string WidgetsJson() const;
  //! The explainable numbers drawn last frame: [{metric, x0, y0, x1, y1}] (tests).
  std::string NumbersJson() const;
  //! Remembers the last item (an explainable number) for NumbersJson.
  void NoteNumber(std::string_view metric);
  //! A metric's name as the engine's catalog gives it ("PR cycle time"), in `category` if given.
  std::string MetricLabel(std::string_view category, std::string_view key);
  const std::string& explaining() const { return explain_metric_; }

  //! A number that opens the explain panel when clicked (or activated with the keyboard).
  void Number(const char* label, const std::string& text, std::string_view metric, const std::string& context = "");
  //! The number alone, as a button that explains it (table cells use the small form).
  void NumberButton(const std::string& text, std::string_view metric, const std::string& context = "",
                    bool small = false);
  void Explain(std::string_view metric, const std::string& context);

 private:
  struct Drag {
    std::string id;
    bool resize = false;
    ImVec2 start_mouse;
    ImVec2 last_mouse;  //!< the last position on the canvas: the release may come after a leave
    PlacedWidget original;
    int x = 0, y = 0, w = 0, h = 0;  //!< the preview, in grid cells
  };
  struct DrawnWidget {
    std::string id;
    ImVec2 min, max;
    bool empty_state = false;
  };

  void DashboardHeader(const Reply& prefs);
  void Widget(const PlacedWidget& widget, ImVec2 origin, float cell_w, float cell_h, float gap);
  void WidgetBody(const PlacedWidget& widget, ImVec2 size);
  void EmptyState(const PlacedWidget& widget);
  void StartDrag(const PlacedWidget& widget, bool resize);
  std::string WidgetName(const std::string& id);  //!< the registry's name of a widget id

  // Widget bodies (engine data → charts).
  void QuickStats(ImVec2 size);
  void Welcome(ImVec2 size);
  void TeamOverview(ImVec2 size);
  void TeamActivity(ImVec2 size);
  void ActivityHeatmap(ImVec2 size, const std::string& developer);
  void CollaborationGraph(ImVec2 size, const std::string& id);
  void AlertsList(ImVec2 size);
  void SnapshotFreshness(ImVec2 size);
  void WorkPatterns(ImVec2 size);
  void LanguageProficiency(ImVec2 size);
  void DomainExpertise(ImVec2 size);
  void FrameworksTools(ImVec2 size);
  void PeerBenchmark(ImVec2 size);
  void GrowthTrajectory(ImVec2 size);
  void PrCycleTime(ImVec2 size);
  void ReviewLoad(ImVec2 size);
  void WorkloadDistribution(ImVec2 size);
  void BurnoutRisk(ImVec2 size);
  void TeamHealth(ImVec2 size);
  void VelocityTrend(ImVec2 size);

  // Insights sub-pages.
  void DeveloperInsights();
  void TeamInsights();
  void Leaderboards();
  void AlertsPage();

  App& app_;
  std::vector<DrawnWidget> drawn_;
  std::vector<DrawnWidget> numbers_;  //!< id = the metric
  std::unique_ptr<Drag> drag_;
  std::unordered_map<std::string, std::string> metric_labels_;  //!< insights.catalog, read once
  std::unordered_map<std::string, std::string> widget_names_;   //!< dashboard.widgets, read once
  std::string explain_metric_, explain_context_;
  bool explain_focus_ = false;  //!< the panel takes the keyboard focus when it opens
  int analytics_tab_ = 0;
  std::string leaderboard_metric_ = "commits";
};

}  // namespace loupe::app
