#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "ui/axis.h"

namespace loupe::ui {
namespace {

std::vector<double> Values(const AxisTicks& t) { return t.values; }

TEST_CASE("NiceTicks: 0..97 with 5 ticks gives steps of 20 up to 100", "[ui][axis]") {
  // range 97 -> nice ceiling 100; 100 / (5 - 1) = 25 -> nearest 1-2-5 number is 20.
  const AxisTicks t = NiceTicks(0, 97, 5);
  CHECK(t.step == 20);
  CHECK(t.min == 0);
  CHECK(t.max == 100);
  CHECK(Values(t) == std::vector<double>{0, 20, 40, 60, 80, 100});
}

TEST_CASE("NiceTicks: a unit range is split in fifths", "[ui][axis]") {
  // 1 / 4 = 0.25 -> 0.2 (2.5 rounds to 2).
  const AxisTicks t = NiceTicks(0, 1, 5);
  CHECK(t.step == Approx(0.2));
  REQUIRE(t.values.size() == 6);
  CHECK(t.values[3] == Approx(0.6));
  CHECK(t.values.back() == Approx(1.0));
}

TEST_CASE("NiceTicks: a range across zero has an exact zero tick", "[ui][axis]") {
  // range 11.1 -> nice ceiling 20; 20 / 4 = 5 -> step 5; floor(-3.2/5) = -1, ceil(7.9/5) = 2.
  const AxisTicks t = NiceTicks(-3.2, 7.9, 5);
  CHECK(t.step == 5);
  CHECK(Values(t) == std::vector<double>{-5, 0, 5, 10});
}

TEST_CASE("NiceTicks: small decimals", "[ui][axis]") {
  // range 0.0032 -> 0.005; 0.005 / 3 = 0.00167 -> 0.002; 0 .. ceil(0.0042 / 0.002) = 3 steps.
  const AxisTicks t = NiceTicks(0.001, 0.0042, 4);
  CHECK(t.step == Approx(0.002));
  REQUIRE(t.values.size() == 4);
  CHECK(t.values[0] == 0);
  CHECK(t.values[3] == Approx(0.006));
}

TEST_CASE("NiceTicks: huge values", "[ui][axis]") {
  const AxisTicks t = NiceTicks(0, 1e12, 6);
  CHECK(t.step == Approx(2e11));
  CHECK(t.max == Approx(1e12));
  const AxisTicks extreme = NiceTicks(-1e308, 1e308, 5);
  CHECK(std::isfinite(extreme.step));
  CHECK_FALSE(extreme.values.empty());
}

TEST_CASE("NiceTicks: degenerate input never fails", "[ui][axis]") {
  SECTION("reversed bounds are the same range") { CHECK(Values(NiceTicks(97, 0, 5)) == Values(NiceTicks(0, 97, 5))); }
  SECTION("zero width at zero becomes 0..1") {
    const AxisTicks t = NiceTicks(0, 0, 5);
    CHECK(t.min == 0);
    CHECK(t.max == Approx(1));
  }
  SECTION("zero width elsewhere is widened around the value") {
    const AxisTicks t = NiceTicks(5, 5, 5);
    CHECK(t.min < 5);
    CHECK(t.max > 5);
  }
  SECTION("NaN and infinity give 0..1") {
    CHECK(NiceTicks(NAN, 3, 5).max == Approx(1));
    CHECK(NiceTicks(0, INFINITY, 5).max == Approx(1));
  }
  SECTION("absurd tick counts are clamped") {
    CHECK(NiceTicks(0, 100, 0).values.size() >= 2);
    CHECK(NiceTicks(0, 100, 100000).values.size() <= 51);
  }
}

TEST_CASE("NiceNumber: nearest and ceiling 1-2-5 numbers", "[ui][axis]") {
  CHECK(NiceNumber(24.25, true) == 20);
  CHECK(NiceNumber(24.25, false) == 50);
  CHECK(NiceNumber(0.75, true) == Approx(1.0));  // 7.5 rounds up to 10 x 0.1
  CHECK(NiceNumber(0.14, true) == Approx(0.1));
  CHECK(NiceNumber(3.5, true) == 5);
}

TEST_CASE("DecimalsForStep: enough decimals to write the multiples of a step", "[ui][axis]") {
  CHECK(DecimalsForStep(5) == 0);
  CHECK(DecimalsForStep(0.5) == 1);
  CHECK(DecimalsForStep(0.25) == 2);
  CHECK(DecimalsForStep(0.2) == 1);
  CHECK(DecimalsForStep(0.002) == 3);
  CHECK(DecimalsForStep(0) == 0);
}

TEST_CASE("FormatNumber: compact numbers", "[ui][axis]") {
  CHECK(FormatNumber(0) == "0");
  CHECK(FormatNumber(950) == "950");
  CHECK(FormatNumber(1000) == "1k");
  CHECK(FormatNumber(1234) == "1.2k");
  CHECK(FormatNumber(12345) == "12.3k");
  CHECK(FormatNumber(123456) == "123k");
  CHECK(FormatNumber(999999) == "1M");  // not "1000k"
  CHECK(FormatNumber(999.7) == "1k");   // not "1000"
  CHECK(FormatNumber(3.4e6) == "3.4M");
  CHECK(FormatNumber(1.2e9) == "1.2B");
  CHECK(FormatNumber(-1500) == "-1.5k");
  CHECK(FormatNumber(0.5) == "0.5");
  CHECK(FormatNumber(12.34) == "12.3");
  CHECK(FormatNumber(0.0123) == "0.012");
  CHECK(FormatNumber(NAN) == "\u2013");
  CHECK(FormatNumber(INFINITY) == "\u221E");
  CHECK(FormatNumber(-INFINITY) == "-\u221E");
}

TEST_CASE("FormatNumber: plain, percent, fraction and hours", "[ui][axis]") {
  CHECK(FormatNumber(1234567, NumberFormat::kPlain) == "1,234,567");
  CHECK(FormatNumber(12345.678, NumberFormat::kPlain) == "12,346");
  CHECK(FormatNumber(-1234.25, NumberFormat::kPlain) == "-1,234");
  CHECK(FormatNumber(0.25, NumberFormat::kPlain) == "0.25");
  CHECK(FormatNumber(42.5, NumberFormat::kPercent) == "42.5%");
  CHECK(FormatNumber(42, NumberFormat::kPercent) == "42%");
  CHECK(FormatNumber(0.425, NumberFormat::kFraction) == "42.5%");
  CHECK(FormatNumber(1, NumberFormat::kFraction) == "100%");
  CHECK(FormatNumber(0.75, NumberFormat::kHours) == "45m");
  CHECK(FormatNumber(1.5, NumberFormat::kHours) == "1.5h");
  CHECK(FormatNumber(24, NumberFormat::kHours) == "24h");
  CHECK(FormatNumber(60, NumberFormat::kHours) == "2.5d");
  CHECK(FormatNumber(2.0, NumberFormat::kCompact, 2) == "2.00");
}

TEST_CASE("FormatTick: the step decides the decimals", "[ui][axis]") {
  CHECK(FormatTick(1250, 250, NumberFormat::kCompact) == "1.25k");
  CHECK(FormatTick(1000, 250, NumberFormat::kCompact) == "1k");
  CHECK(FormatTick(500, 250, NumberFormat::kCompact) == "500");
  CHECK(FormatTick(2.5e6, 5e5, NumberFormat::kCompact) == "2.5M");
  CHECK(FormatTick(0.75, 0.25, NumberFormat::kCompact) == "0.75");
  CHECK(FormatTick(0.5, 0.25, NumberFormat::kCompact) == "0.5");
  CHECK(FormatTick(-5, 5, NumberFormat::kCompact) == "-5");
  CHECK(FormatTick(20, 20, NumberFormat::kPercent) == "20%");
  CHECK(FormatTick(0.2, 0.1, NumberFormat::kFraction) == "20%");
  CHECK(FormatTick(0.25, 0.05, NumberFormat::kFraction) == "25%");
  CHECK(FormatTick(6, 2, NumberFormat::kHours) == "6h");
  CHECK(FormatTick(48, 24, NumberFormat::kHours) == "2d");
  CHECK(FormatTick(12000, 2000, NumberFormat::kPlain) == "12,000");
}

TEST_CASE("LabelStride: every k-th label so that labels never touch", "[ui][axis]") {
  // Labels 28 px wide with 4 px between them need 32 px: at 10 px spacing every 4th (40 px).
  CHECK(LabelStride(10, 28, 4) == 4);
  CHECK(LabelStride(40, 28, 4) == 1);
  CHECK(LabelStride(32, 28, 4) == 1);
  CHECK(LabelStride(31.9f, 28, 4) == 2);
  CHECK(LabelStride(0, 28, 4) > 1000);
}

TEST_CASE("ThinLabels: greedy from the first, inside the bounds", "[ui][axis]") {
  // Labels 12 px wide centred every 10 px: 4..16, 14..26 (too close), 24..36, 34..46, 44..56.
  const std::vector<float> centers = {10, 20, 30, 40, 50}, widths = {12, 12, 12, 12, 12};
  CHECK(ThinLabels(centers, widths, 2, 0, 100) == std::vector<int>{0, 2, 4});
  CHECK(ThinLabels(centers, widths, 2, 0, 50) == std::vector<int>{0, 2});  // the last would end at 56
  CHECK(ThinLabels(centers, widths, 0, 5, 100) == std::vector<int>{1, 3});  // the first starts at 4
  CHECK(ThinLabels({}, {}, 2, 0, 100).empty());
}

}  // namespace
}  // namespace loupe::ui
