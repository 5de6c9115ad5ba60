#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "ui/chart_geometry.h"

namespace loupe::ui {
namespace {

bool Near(const ImRect& r, float x0, float y0, float x1, float y1) {
  return std::fabs(r.Min.x - x0) < 1e-3f && std::fabs(r.Min.y - y0) < 1e-3f && std::fabs(r.Max.x - x1) < 1e-3f &&
         std::fabs(r.Max.y - y1) < 1e-3f;
}

TEST_CASE("LinearScale: maps, inverts, survives degenerate input", "[ui][geometry]") {
  const LinearScale y{0.0, 20.0, 100.0f, 0.0f};  // value up, pixels down
  CHECK(y.Map(0) == Approx(100));
  CHECK(y.Map(5) == Approx(75));
  CHECK(y.Map(20) == Approx(0));
  CHECK(y.Invert(50) == Approx(10));
  CHECK(std::isnan(y.Map(NAN)));
  CHECK(y.Map(1e300) == Approx(-1e6f));  // clamped a million pixels out, still finite
  CHECK(y.Map(-INFINITY) == Approx(100 + 1e6f));
  const LinearScale flat{3.0, 3.0, 0.0f, 100.0f};
  CHECK(flat.Map(3) == Approx(50));
}

TEST_CASE("BandScale: steps, padding and hit testing", "[ui][geometry]") {
  // 4 bands over 0..100: step 25, bar 20 (padding 0.2), bar of band 0 starts 2.5 in.
  const BandScale b{0.0f, 100.0f, 4, 0.2f};
  CHECK(b.Step() == Approx(25));
  CHECK(b.Bandwidth() == Approx(20));
  CHECK(b.Start(0) == Approx(2.5));
  CHECK(b.Center(1) == Approx(37.5));
  CHECK(b.IndexAt(0) == 0);
  CHECK(b.IndexAt(99.9f) == 3);
  CHECK(b.IndexAt(100) == -1);
  CHECK(b.IndexAt(-1) == -1);
  CHECK(BandScale{0, 100, 0, 0.2f}.IndexAt(50) == -1);
}

TEST_CASE("Extents ignore missing values; stacks reach both sums", "[ui][geometry]") {
  const std::vector<double> a = {3, NAN, -2, INFINITY}, b = {2, 7, -1};
  const Series s[] = {{"a", a}, {"b", b}};
  const Extent e = SeriesExtent(s);
  CHECK(e.finite == 5);
  CHECK(e.min == -2);
  CHECK(e.max == 7);
  // index 0: 3 + 2 = 5; index 1: 7; index 2: -2 + -1 = -3.
  const Extent st = StackedExtent(s);
  CHECK(st.max == 7);
  CHECK(st.min == -3);
  CHECK(MaxLength(s) == 4);
  const std::vector<double> none = {NAN, NAN};
  const Series empty[] = {{"x", none}};
  CHECK_FALSE(SeriesExtent(empty).Valid());
  CHECK_FALSE(SeriesExtent({}).Valid());
}

TEST_CASE("FiniteRuns: gaps split lines", "[ui][geometry]") {
  const std::vector<double> v = {1, NAN, 2, 3, INFINITY, 4};
  CHECK(FiniteRuns(v) == std::vector<std::pair<int, int>>{{0, 1}, {2, 4}, {5, 6}});
  CHECK(FiniteRuns({}).empty());
}

TEST_CASE("LayoutChart: legend on top, labels under, gutter left, padding top and right", "[ui][geometry]") {
  const ChartLayout l = LayoutChart(ImRect(0, 0, 200, 100), 13, 30, true, true, 6);
  CHECK(Near(l.legend, 0, 0, 200, 17));
  CHECK(Near(l.x_axis, 0, 83, 200, 100));
  CHECK(Near(l.plot, 30, 23, 194, 83));
  CHECK(Near(l.y_axis, 0, 17, 30, 83));
  // A tiny rect gives an empty plot, not a negative one.
  const ChartLayout t = LayoutChart(ImRect(0, 0, 10, 10), 13, 30, true, true, 6);
  CHECK(t.plot.GetWidth() >= 0);
  CHECK(t.plot.GetHeight() >= 0);
}

TEST_CASE("GroupedBarRects: bands split between series, bars from zero", "[ui][geometry]") {
  // Plot 100 x 100, 2 categories: bands of 50, bars 40 wide from 5 in, two slots of 20 with a
  // 1 px hair (0.5 each side). Values 0..20 over y 100..0: 10 -> y 50, 5 -> y 75, 20 -> y 0.
  const std::vector<double> a = {10, 20}, b = {5, NAN};
  const Series s[] = {{"a", a}, {"b", b}};
  const LinearScale y{0, 20, 100, 0};
  const auto bars = GroupedBarRects(ImRect(0, 0, 100, 100), s, 2, y, false, 0.2f);
  REQUIRE(bars.size() == 3);  // b's NaN has no bar
  CHECK(Near(bars[0].rect, 5.5f, 50, 24.5f, 100));
  CHECK(Near(bars[1].rect, 55.5f, 0, 74.5f, 100));
  CHECK(Near(bars[2].rect, 25.5f, 75, 44.5f, 100));
  CHECK(bars[2].series == 1);
  CHECK(bars[2].index == 0);
}

TEST_CASE("GroupedBarRects: negative, clamped, tiny and horizontal bars", "[ui][geometry]") {
  const ImRect plot(0, 0, 100, 100);
  SECTION("negative values hang from zero") {
    const std::vector<double> v = {-5};
    const Series s[] = {{"v", v}};
    const auto bars = GroupedBarRects(plot, s, 1, LinearScale{-10, 10, 100, 0}, false, 0.0f);
    REQUIRE(bars.size() == 1);
    CHECK(bars[0].rect.Min.y == Approx(50));
    CHECK(bars[0].rect.Max.y == Approx(75));
  }
  SECTION("values beyond a fixed axis stop at the plot's edge") {
    const std::vector<double> v = {30, 1e300};
    const Series s[] = {{"v", v}};
    for (const BarGeom& b : GroupedBarRects(plot, s, 2, LinearScale{0, 20, 100, 0}, false)) {
      CHECK(b.rect.Min.y == Approx(0));
      CHECK(plot.Contains(b.rect));
    }
  }
  SECTION("a non-zero value is at least a pixel") {
    const std::vector<double> v = {1e-9};
    const Series s[] = {{"v", v}};
    const auto bars = GroupedBarRects(plot, s, 1, LinearScale{0, 20, 100, 0}, false);
    REQUIRE(bars.size() == 1);
    CHECK(bars[0].rect.GetHeight() == Approx(1));
  }
  SECTION("horizontal bars grow along x from the left") {
    const std::vector<double> v = {5, 10};
    const Series s[] = {{"v", v}};
    const auto bars = GroupedBarRects(plot, s, 2, LinearScale{0, 10, 0, 100}, true, 0.2f);
    REQUIRE(bars.size() == 2);
    CHECK(Near(bars[0].rect, 0, 5.5f, 50, 44.5f));
    CHECK(Near(bars[1].rect, 0, 55.5f, 100, 94.5f));
  }
}

TEST_CASE("StackedBarRects: positives stack up, negatives down", "[ui][geometry]") {
  // Values -5..5 over y 100..0 (10 px per unit, zero at 50). Category 0: a 0..3 (50..20),
  // b 3..5 (20..0). Category 1: a 0..-2 (50..70), b -2..-3 (70..80).
  const std::vector<double> a = {3, -2}, b = {2, -1};
  const Series s[] = {{"a", a}, {"b", b}};
  const auto bars = StackedBarRects(ImRect(0, 0, 100, 100), s, 2, LinearScale{-5, 5, 100, 0}, false, 0.0f);
  REQUIRE(bars.size() == 4);
  CHECK(Near(bars[0].rect, 0, 20, 50, 50));
  CHECK(Near(bars[1].rect, 0, 0, 50, 20));
  CHECK(Near(bars[2].rect, 50, 50, 100, 70));
  CHECK(Near(bars[3].rect, 50, 70, 100, 80));
}

TEST_CASE("LayoutHeatmap: 7 x 24 cells of 10 px with a 1 px gap", "[ui][geometry]") {
  // 280 wide minus 40 of row labels = 240 = 24 x 10; 100 high minus 20 + 10 = 70 = 7 x 10.
  const HeatmapGeometry g = LayoutHeatmap(ImRect(0, 0, 280, 100), 7, 24, 40, 20, 10);
  CHECK(Near(g.grid, 40, 0, 280, 70));
  CHECK(g.gap == 1);
  CHECK(Near(g.Cell(0, 0), 40, 0, 49, 9));
  CHECK(Near(g.Cell(6, 23), 270, 60, 279, 69));
  int r = -1, c = -1;
  REQUIRE(g.Hit(ImVec2(45, 5), &r, &c));
  CHECK((r == 0 && c == 0));
  REQUIRE(g.Hit(ImVec2(279.5f, 69.5f), &r, &c));
  CHECK((r == 6 && c == 23));
  CHECK_FALSE(g.Hit(ImVec2(30, 5), &r, &c));
  CHECK_FALSE(g.Hit(ImVec2(100, 75), &r, &c));
  // Cells under 6 px lose the gap.
  CHECK(LayoutHeatmap(ImRect(0, 0, 100, 30), 30, 20, 0, 0, 0).gap == 0);
}

TEST_CASE("RampPosition: values to [0, 1], missing to NaN", "[ui][geometry]") {
  CHECK(RampPosition(5, 0, 10) == Approx(0.5));
  CHECK(RampPosition(-1, 0, 10) == 0);
  CHECK(RampPosition(11, 0, 10) == 1);
  CHECK(std::isnan(RampPosition(NAN, 0, 10)));
  CHECK(RampPosition(4, 4, 4) == 1);
  CHECK(RampPosition(0, 0, 0) == 0);
}

TEST_CASE("LayoutGauge: the largest half circle above one line of text", "[ui][geometry]") {
  // 120 - (13 + 4) = 103 high, 100 half-wide: outer radius min(100, 103) - 2 = 98, track 19.6.
  const GaugeGeometry g = LayoutGauge(ImRect(0, 0, 200, 120), 13);
  CHECK(g.thickness == Approx(19.6));
  CHECK(g.radius == Approx(98 - 9.8 - 1));
  CHECK(g.center.x == Approx(100));
  CHECK(g.center.y == Approx(100));
  CHECK(g.AngleOf(50, 0, 100) == Approx(1.5 * IM_PI));
  CHECK(g.AngleOf(150, 0, 100) == Approx(2 * IM_PI));
  CHECK(g.AngleOf(NAN, 0, 100) == Approx(IM_PI));
  const GaugeGeometry tiny = LayoutGauge(ImRect(0, 0, 3, 3), 13);
  CHECK(tiny.radius >= 0);
}

}  // namespace
}  // namespace loupe::ui
