#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "imgui_frame.h"
#include "ui/charts.h"

namespace loupe::ui {
namespace {

using testing::Capture;
using testing::HasColor;
using testing::HeadlessImGui;
using testing::VerticesOutside;

const std::vector<std::string> kWeeks = {"W1", "W2", "W3", "W4", "W5", "W6"};

// Data shapes every chart must survive.
struct Case {
  const char* name;
  std::vector<double> a, b;
};
const std::vector<Case> kCases = {
    {"ordinary", {3, 5, 2, 8, 6, 7}, {1, 2, 2, 3, 5, 4}},
    {"empty", {}, {}},
    {"all missing", {NAN, NAN}, {NAN}},
    {"single point", {42}, {}},
    {"gaps", {1, NAN, 3, NAN, NAN, 6}, {NAN, 2, NAN, 4, 5, NAN}},
    {"negative", {-3, -5, 2, -8, 6, -7}, {-1, -2, -2, -3, -5, -4}},
    {"huge", {1e300, -1e300, 1e15, 0, INFINITY, -INFINITY}, {1e308, 1, 2, 3, 4, 5}},
    {"constant", {5, 5, 5, 5, 5, 5}, {5, 5, 5, 5, 5, 5}},
};
const std::vector<ImVec2> kSizes = {{640, 240}, {320, 160}, {60, 40}, {12, 8}, {3, 3}, {1, 300}};

using Chart = void (*)(const char*, ImVec2, std::span<const Series>);

void Lines(const char* id, ImVec2 size, std::span<const Series> s) { LineChart(id, size, kWeeks, s, {.area = true}); }
void Bars(const char* id, ImVec2 size, std::span<const Series> s) { BarChart(id, size, kWeeks, s); }
void HBars(const char* id, ImVec2 size, std::span<const Series> s) { BarChart(id, size, kWeeks, s, {.horizontal = true}); }
void Stacked(const char* id, ImVec2 size, std::span<const Series> s) { StackedBarChart(id, size, kWeeks, s); }
void Heat(const char* id, ImVec2 size, std::span<const Series> s) {
  static const std::vector<std::string> rows = {"Mon", "Tue"};
  std::vector<double> cells(s[0].values.begin(), s[0].values.end());
  cells.insert(cells.end(), s[1].values.begin(), s[1].values.end());
  Heatmap(id, size, rows, kWeeks, cells, {.unit = "commits"});
}
void GaugeOf(const char* id, ImVec2 size, std::span<const Series> s) {
  Gauge(id, size, s[0].values.empty() ? NAN : s[0].values[0], {.label = "Health"});
}
void Tile(const char* id, ImVec2 size, std::span<const Series> s) {
  const double v = s[0].values.empty() ? NAN : s[0].values.back();
  const double p = s[0].values.size() > 1 ? s[0].values[s[0].values.size() - 2] : NAN;
  KpiTile(id, size, {.label = "Commits", .value = v, .previous = p, .trend = s[0].values});
}
void Spark(const char* id, ImVec2 size, std::span<const Series> s) { Sparkline(id, size, s[0].values); }

TEST_CASE("Charts: nothing is drawn outside the chart's rectangle, whatever the data and size", "[ui][charts]") {
  HeadlessImGui imgui;
  const std::pair<const char*, Chart> charts[] = {{"line", Lines},     {"bar", Bars},    {"hbar", HBars},
                                                  {"stacked", Stacked}, {"heatmap", Heat}, {"gauge", GaugeOf},
                                                  {"kpi", Tile},        {"sparkline", Spark}};
  for (const auto& entry : charts) {
    // Named copies: clang 14 (em++) cannot capture structured bindings in lambdas.
    const char* chart_name = entry.first;
    const Chart chart = entry.second;
    for (const Case& c : kCases) {
      for (const ImVec2 size : kSizes) {
        const Series both[] = {{"alpha", c.a}, {"beta", c.b}};
        const std::span<const Series> series(both);
        // Hover the middle too: markers, guides and outlines must stay inside as well.
        for (const bool hover : {false, true}) {
          const Capture cap = hover ? imgui.Hover([&] { chart("chart", size, series); },
                                                  ImVec2(20 + size.x * 0.5f, 20 + size.y * 0.5f))
                                    : imgui.Frame([&] { chart("chart", size, series); });
          INFO(chart_name << " / " << c.name << " / " << size.x << "x" << size.y << (hover ? " hovered" : ""));
          CHECK(cap.item.GetWidth() == Approx(std::floor(size.x)));
          CHECK(VerticesOutside(cap, cap.item) == 0);
        }
      }
    }
  }
}

TEST_CASE("Charts: no data draws the 'No data' state", "[ui][charts]") {
  HeadlessImGui imgui;
  const std::vector<double> missing = {NAN, NAN, NAN};
  const Series none[] = {{"a", missing}};
  ChartHover h;
  Capture cap = imgui.Frame([&] { h = LineChart("l", ImVec2(300, 150), kWeeks, none); });
  CHECK(h.no_data);
  CHECK(cap.vertices.size() > 20);  // an outline and the words
  cap = imgui.Frame([&] { h = BarChart("b", ImVec2(300, 150), {}, {}); });
  CHECK(h.no_data);
  cap = imgui.Frame([&] { h = Heatmap("h", ImVec2(300, 150), {}, {}, {}); });
  CHECK(h.no_data);
  const std::vector<double> values = {1, 2};
  const Series some[] = {{"a", values}};
  imgui.Frame([&] { h = LineChart("l", ImVec2(300, 150), kWeeks, some); });
  CHECK_FALSE(h.no_data);
}

TEST_CASE("LineChart: hovering reports the nearest point and series", "[ui][charts]") {
  HeadlessImGui imgui;
  const std::vector<double> a = {1, 2, 3, 4, 5, 6}, b = {60, 50, 40, 30, 20, 10};
  const Series s[] = {{"a", a}, {"b", b}};
  ChartHover h;
  const auto draw = [&] { h = LineChart("l", ImVec2(600, 300), kWeeks, s); };
  const Capture cap = imgui.Frame(draw);
  // The plot spans the rect minus gutters; x position 3 of 6 is a bit right of the middle.
  const ImRect r = cap.item;
  imgui.Hover(draw, ImVec2(r.Min.x + r.GetWidth() * 0.57f, r.Max.y - 40));
  CHECK(h.hovered);
  CHECK(h.index == 3);
  CHECK(h.series == 0);  // a's 4 is low on the chart, like the mouse
  CHECK(h.value == 4);
}

TEST_CASE("Heatmap: the ends of the data take the ends of the ramp; missing cells the no-data colour", "[ui][charts]") {
  HeadlessImGui imgui;
  const std::vector<std::string> rows = {"Mon"}, cols = {"0h", "1h", "2h"};
  const std::vector<double> cells = {0, 10, NAN};
  ChartHover h;
  // No legend: it draws the ramp's stops, which would answer for the cells.
  const Capture cap = imgui.Frame([&] { h = Heatmap("h", ImVec2(300, 120), rows, cols, cells, {.legend = false}); });
  CHECK(HasColor(cap, RampColor(0.0)));
  CHECK(HasColor(cap, RampColor(1.0)));
  CHECK(HasColor(cap, NoDataColor()));
  // A fixed domain moves the colours: 10 of 0..20 is the middle of the ramp.
  const Capture fixed = imgui.Frame([&] { Heatmap("h", ImVec2(300, 120), rows, cols, cells, {.min = 0, .max = 20, .legend = false}); });
  CHECK(HasColor(fixed, RampColor(0.5)));
  CHECK_FALSE(HasColor(fixed, RampColor(1.0)));
  // Hover the middle cell.
  const ImRect r = cap.item;
  imgui.Hover([&] { h = Heatmap("h", ImVec2(300, 120), rows, cols, cells); }, ImVec2(r.GetCenter().x + 20, r.Min.y + 10));
  CHECK(h.row == 0);
  CHECK(h.index == 1);
  CHECK(h.value == 10);
}

TEST_CASE("Heatmap: 30 developers x 20 skills and 7 x 24 activity fit their rectangles", "[ui][charts]") {
  HeadlessImGui imgui;
  std::vector<std::string> devs, skills, days = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}, hours;
  for (int i = 0; i < 30; ++i) devs.push_back("developer-" + std::to_string(i));
  for (int i = 0; i < 20; ++i) skills.push_back("skill number " + std::to_string(i));
  for (int i = 0; i < 24; ++i) hours.push_back(std::to_string(i));
  std::vector<double> prof(600), activity(168);
  for (size_t i = 0; i < prof.size(); ++i) prof[i] = static_cast<double>(i % 6);
  for (size_t i = 0; i < activity.size(); ++i) activity[i] = static_cast<double>((i * 7) % 13);
  Capture cap = imgui.Frame([&] { Heatmap("skills", ImVec2(900, 500), devs, skills, prof); });
  CHECK(VerticesOutside(cap, cap.item) == 0);
  cap = imgui.Frame([&] { Heatmap("activity", ImVec2(700, 220), days, hours, activity); });
  CHECK(VerticesOutside(cap, cap.item) == 0);
}

TEST_CASE("KpiTile: the delta's colour follows whether higher is better", "[ui][charts]") {
  HeadlessImGui imgui;
  Capture cap = imgui.Frame([&] { KpiTile("k", ImVec2(240, 90), {.label = "PRs merged", .value = 12, .previous = 10}); });
  CHECK(HasColor(cap, ToneColor(Tone::kGood)));
  cap = imgui.Frame([&] {
    KpiTile("k", ImVec2(240, 90), {.label = "Cycle time", .value = 12, .previous = 10, .higher_is_better = false});
  });
  CHECK(HasColor(cap, ToneColor(Tone::kBad)));
  cap = imgui.Frame([&] { KpiTile("k", ImVec2(240, 90), {.label = "Flat", .value = 1000, .previous = 999}); });
  CHECK(HasColor(cap, ToneColor(Tone::kNeutral)));  // +0.1 % is no change
}

TEST_CASE("Gauge: the value's arc takes its band's tone", "[ui][charts]") {
  HeadlessImGui imgui;
  const GaugeBand bands[] = {{40, Tone::kBad}, {70, Tone::kWarn}, {100, Tone::kGood}};
  Capture cap = imgui.Frame([&] { Gauge("g", ImVec2(220, 130), 85, {.bands = bands}); });
  CHECK(HasColor(cap, ToneColor(Tone::kGood)));
  cap = imgui.Frame([&] { Gauge("g", ImVec2(220, 130), 20, {.bands = bands}); });
  CHECK(HasColor(cap, ToneColor(Tone::kBad)));
  CHECK_FALSE(HasColor(cap, ToneColor(Tone::kGood)));
}

}  // namespace
}  // namespace loupe::ui
