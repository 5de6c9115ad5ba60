#include <catch2/catch.hpp>

#include <cmath>

#include "imgui.h"
#include "ui/theme.h"

namespace loupe::ui {
namespace {

double Distance(const ImVec4& a, const ImVec4& b) {
  return std::sqrt((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y) + (a.z - b.z) * (a.z - b.z));
}

TEST_CASE("Theme: every categorical colour reads on the dark and the light background", "[ui][theme]") {
  // 3:1 is WCAG's minimum contrast for graphical objects.
  for (int i = 0; i < kCategoricalCount; ++i) {
    INFO("colour " << i);
    CHECK(ContrastRatio(CategoricalColorVec(i), kDarkBackground) >= 3.0);
    CHECK(ContrastRatio(CategoricalColorVec(i), kLightBackground) >= 3.0);
  }
  for (const ImVec4& tone : {kAccent, kGood, kWarn, kBad, kNeutral}) {
    CHECK(ContrastRatio(tone, kDarkBackground) >= 3.0);
    CHECK(ContrastRatio(tone, kLightBackground) >= 3.0);
  }
}

TEST_CASE("Theme: categorical colours are distinct and the palette wraps", "[ui][theme]") {
  double closest = 10.0;
  for (int i = 0; i < kCategoricalCount; ++i) {
    for (int j = i + 1; j < kCategoricalCount; ++j) closest = std::min(closest, Distance(CategoricalColorVec(i), CategoricalColorVec(j)));
  }
  CHECK(closest >= 0.15);
  CHECK(CategoricalColor(kCategoricalCount) == CategoricalColor(0));
  CHECK(CategoricalColor(-1) == CategoricalColor(kCategoricalCount - 1));
  CHECK((CategoricalColor(2, 0.5f) >> IM_COL32_A_SHIFT) == 128);
}

TEST_CASE("Theme: the ramp runs from its first to its last stop, brighter all the way", "[ui][theme]") {
  CHECK(RampColor(0.0) == ImGui::ColorConvertFloat4ToU32(RampStop(0)));
  CHECK(RampColor(1.0) == ImGui::ColorConvertFloat4ToU32(RampStop(RampStopCount() - 1)));
  CHECK(RampColor(-3.0) == RampColor(0.0));
  CHECK(RampColor(7.0) == RampColor(1.0));
  CHECK(RampColor(0.0) == IM_COL32(0x44, 0x01, 0x54, 255));  // viridis
  CHECK(RampColor(1.0) == IM_COL32(0xFD, 0xE7, 0x25, 255));
  CHECK(RampStopCount() >= 5);
  double previous = -1.0;
  for (int i = 0; i <= 50; ++i) {
    const double l = RelativeLuminance(RampColorVec(i / 50.0));
    CHECK(l > previous);
    previous = l;
  }
}

TEST_CASE("Theme: the Loupe style has readable text and scales its sizes", "[ui][theme]") {
  ImGuiContext* ctx = ImGui::CreateContext();
  for (const bool dark : {true, false}) {
    ImGuiStyle style;
    ApplyLoupeStyle(style, dark, 1.0f);
    const ImVec4 bg = style.Colors[ImGuiCol_WindowBg];
    CHECK(ContrastRatio(style.Colors[ImGuiCol_Text], bg) >= 7.0);
    CHECK(ContrastRatio(style.Colors[ImGuiCol_TextDisabled], bg) >= 4.5);
    CHECK(style.FrameRounding > 0.0f);
    ImGuiStyle big;
    ApplyLoupeStyle(big, dark, 2.0f);
    CHECK(big.WindowPadding.x == Approx(style.WindowPadding.x * 2));
    CHECK(big.FrameRounding == Approx(style.FrameRounding * 2));
  }
  ApplyLoupeStyle(ImGui::GetStyle(), false, 1.0f);
  CHECK_FALSE(StyleIsDark());
  CHECK(CurrentChartColors().no_data == NoDataColor());
  ApplyLoupeStyle(ImGui::GetStyle(), true, 1.0f);
  CHECK(StyleIsDark());
  CHECK(RampColor(NAN) == NoDataColor());
  ImGui::DestroyContext(ctx);
}

}  // namespace
}  // namespace loupe::ui
