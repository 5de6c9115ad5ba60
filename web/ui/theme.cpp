#include "ui/theme.h"

#include <algorithm>
#include <cmath>

namespace loupe::ui {
namespace {

ImVec4 Hex(unsigned rgb) {
  return ImVec4(static_cast<float>((rgb >> 16) & 0xFF) / 255.f, static_cast<float>((rgb >> 8) & 0xFF) / 255.f,
                static_cast<float>(rgb & 0xFF) / 255.f, 1.f);
}

// Okabe–Ito hues (sky blue, orange, bluish green, reddish purple, vermillion, blue, yellow) with
// lightness adjusted for 3:1 on both backgrounds, a violet, and grey last.
const ImVec4 kCategorical[kCategoricalCount] = {
    Hex(0x3A9BD5), Hex(0xC38500), Hex(0x009E73), Hex(0xC7739F), Hex(0xD55E00),
    Hex(0x0072B2), Hex(0x9C8E00), Hex(0x9E6BC9), Hex(0x8A8A8A),
};

// viridis at 0, 1/8, …, 1.
const ImVec4 kRamp[] = {
    Hex(0x440154), Hex(0x472D7B), Hex(0x3B528B), Hex(0x2C728E), Hex(0x21918C),
    Hex(0x28AE80), Hex(0x5EC962), Hex(0xADDC30), Hex(0xFDE725),
};
constexpr int kRampCount = static_cast<int>(sizeof kRamp / sizeof kRamp[0]);

ImU32 WithAlpha(ImVec4 c, float alpha) {
  c.w *= std::clamp(alpha, 0.f, 1.f);
  return ImGui::ColorConvertFloat4ToU32(c);
}

double Linear(float c) {
  const double v = c;
  return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

ImVec4 Mix(const ImVec4& a, const ImVec4& b, float t) {
  return ImVec4(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t, a.w + (b.w - a.w) * t);
}

}  // namespace

ImU32 ToneColor(Tone tone, float alpha) {
  switch (tone) {
    case Tone::kGood: return WithAlpha(kGood, alpha);
    case Tone::kWarn: return WithAlpha(kWarn, alpha);
    case Tone::kBad: return WithAlpha(kBad, alpha);
    case Tone::kNeutral: break;
  }
  return WithAlpha(kNeutral, alpha);
}

ImVec4 CategoricalColorVec(int index) {
  const int i = ((index % kCategoricalCount) + kCategoricalCount) % kCategoricalCount;
  return kCategorical[i];
}

ImU32 CategoricalColor(int index, float alpha) { return WithAlpha(CategoricalColorVec(index), alpha); }

int RampStopCount() { return kRampCount; }

ImVec4 RampStop(int i) { return kRamp[std::clamp(i, 0, kRampCount - 1)]; }

ImVec4 RampColorVec(double t) {
  if (std::isnan(t)) return ImGui::ColorConvertU32ToFloat4(NoDataColor());
  const double x = std::clamp(t, 0.0, 1.0) * (kRampCount - 1);
  const int i = std::min(static_cast<int>(x), kRampCount - 2);
  return Mix(kRamp[i], kRamp[i + 1], static_cast<float>(x - i));
}

ImU32 RampColor(double t, float alpha) { return WithAlpha(RampColorVec(t), alpha); }

bool StyleIsDark() {
  if (!ImGui::GetCurrentContext()) return true;
  return RelativeLuminance(ImGui::GetStyle().Colors[ImGuiCol_WindowBg]) < 0.2;
}

ImU32 NoDataColor() { return StyleIsDark() ? IM_COL32(0x2A, 0x2D, 0x35, 255) : IM_COL32(0xE6, 0xE8, 0xEC, 255); }

ChartColors CurrentChartColors() {
  const bool dark = StyleIsDark();
  ChartColors c{};
  const ImGuiStyle* style = ImGui::GetCurrentContext() ? &ImGui::GetStyle() : nullptr;
  c.text = style ? ImGui::ColorConvertFloat4ToU32(style->Colors[ImGuiCol_Text]) : IM_COL32(230, 232, 236, 255);
  c.text_muted = dark ? IM_COL32(0x9A, 0xA0, 0xAB, 255) : IM_COL32(0x5F, 0x66, 0x73, 255);
  c.grid = dark ? IM_COL32(255, 255, 255, 22) : IM_COL32(0, 0, 0, 22);
  c.axis = dark ? IM_COL32(255, 255, 255, 90) : IM_COL32(0, 0, 0, 90);
  c.guide = dark ? IM_COL32(255, 255, 255, 70) : IM_COL32(0, 0, 0, 60);
  c.frame = dark ? IM_COL32(0x2A, 0x2D, 0x35, 255) : IM_COL32(0xE6, 0xE8, 0xEC, 255);
  c.no_data = NoDataColor();
  c.background = style ? ImGui::ColorConvertFloat4ToU32(style->Colors[ImGuiCol_WindowBg])
                       : ImGui::ColorConvertFloat4ToU32(kDarkBackground);
  return c;
}

double RelativeLuminance(const ImVec4& color) {
  return 0.2126 * Linear(color.x) + 0.7152 * Linear(color.y) + 0.0722 * Linear(color.z);
}

double ContrastRatio(const ImVec4& a, const ImVec4& b) {
  const double la = RelativeLuminance(a), lb = RelativeLuminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

void ApplyLoupeStyle(ImGuiStyle& style, bool dark, float scale) {
  style = ImGuiStyle();
  if (dark) {
    ImGui::StyleColorsDark(&style);
  } else {
    ImGui::StyleColorsLight(&style);
  }
  ImVec4* c = style.Colors;
  const ImVec4 bg = dark ? kDarkBackground : kLightBackground;
  const ImVec4 panel = dark ? kPanel : kLightPanel;
  const ImVec4 text = dark ? Hex(0xE6E8EC) : Hex(0x1F2329);
  const ImVec4 muted = dark ? Hex(0x9AA0AB) : Hex(0x5F6673);
  const ImVec4 frame = dark ? Hex(0x262A33) : Hex(0xE9EBEF);
  const ImVec4 border = dark ? Hex(0x2F333D) : Hex(0xD5D8DE);
  auto accent = [](float a) { return ImVec4(kAccent.x, kAccent.y, kAccent.z, a); };

  c[ImGuiCol_Text] = text;
  c[ImGuiCol_TextDisabled] = muted;
  c[ImGuiCol_WindowBg] = bg;
  c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_PopupBg] = dark ? Hex(0x20232B) : Hex(0xFFFFFF);
  c[ImGuiCol_Border] = border;
  c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_FrameBg] = frame;
  c[ImGuiCol_FrameBgHovered] = dark ? Hex(0x2F3440) : Hex(0xDDE1E7);
  c[ImGuiCol_FrameBgActive] = dark ? Hex(0x363C4A) : Hex(0xD2D7DF);
  c[ImGuiCol_TitleBg] = panel;
  c[ImGuiCol_TitleBgActive] = panel;
  c[ImGuiCol_TitleBgCollapsed] = panel;
  c[ImGuiCol_MenuBarBg] = panel;
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ScrollbarGrab] = border;
  c[ImGuiCol_ScrollbarGrabHovered] = muted;
  c[ImGuiCol_ScrollbarGrabActive] = accent(1.f);
  c[ImGuiCol_CheckMark] = accent(1.f);
  c[ImGuiCol_SliderGrab] = accent(0.85f);
  c[ImGuiCol_SliderGrabActive] = accent(1.f);
  c[ImGuiCol_Button] = frame;
  c[ImGuiCol_ButtonHovered] = accent(0.35f);
  c[ImGuiCol_ButtonActive] = accent(0.55f);
  c[ImGuiCol_Header] = accent(0.22f);
  c[ImGuiCol_HeaderHovered] = accent(0.32f);
  c[ImGuiCol_HeaderActive] = accent(0.45f);
  c[ImGuiCol_Separator] = border;
  c[ImGuiCol_SeparatorHovered] = accent(0.6f);
  c[ImGuiCol_SeparatorActive] = accent(1.f);
  c[ImGuiCol_ResizeGrip] = accent(0.2f);
  c[ImGuiCol_ResizeGripHovered] = accent(0.6f);
  c[ImGuiCol_ResizeGripActive] = accent(0.9f);
  c[ImGuiCol_Tab] = panel;
  c[ImGuiCol_TabHovered] = accent(0.35f);
  c[ImGuiCol_TabActive] = accent(0.25f);
  c[ImGuiCol_TabUnfocused] = panel;
  c[ImGuiCol_TabUnfocusedActive] = accent(0.15f);
  c[ImGuiCol_TableHeaderBg] = panel;
  c[ImGuiCol_TableBorderStrong] = border;
  c[ImGuiCol_TableBorderLight] = dark ? Hex(0x252932) : Hex(0xE4E6EA);
  c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_TableRowBgAlt] = dark ? ImVec4(1, 1, 1, 0.025f) : ImVec4(0, 0, 0, 0.025f);
  c[ImGuiCol_TextSelectedBg] = accent(0.35f);
  c[ImGuiCol_NavHighlight] = accent(1.f);
  c[ImGuiCol_PlotLines] = accent(1.f);
  c[ImGuiCol_PlotHistogram] = accent(1.f);

  style.WindowRounding = 8.f;
  style.ChildRounding = 8.f;
  style.FrameRounding = 5.f;
  style.PopupRounding = 6.f;
  style.ScrollbarRounding = 6.f;
  style.GrabRounding = 5.f;
  style.TabRounding = 5.f;
  style.WindowBorderSize = 1.f;
  style.ChildBorderSize = 1.f;
  style.PopupBorderSize = 1.f;
  style.FrameBorderSize = 0.f;
  style.WindowPadding = ImVec2(14, 12);
  style.FramePadding = ImVec2(9, 5);
  style.ItemSpacing = ImVec2(10, 8);
  style.ItemInnerSpacing = ImVec2(6, 5);
  style.CellPadding = ImVec2(8, 5);
  style.IndentSpacing = 18.f;
  style.ScrollbarSize = 12.f;
  style.GrabMinSize = 10.f;
  style.WindowTitleAlign = ImVec2(0.f, 0.5f);
  style.ScaleAllSizes(scale);
}

}  // namespace loupe::ui
