// ui/theme.h — Loupe's colours and ImGui style: one categorical palette for series and groups,
// one sequential ramp for heatmaps, the semantic tones (good / warn / bad / neutral) and the
// chart chrome (text, grid, axes) taken from the current ImGui style so dark and light both work.
//
// Every palette colour and every semantic tone has at least 3:1 contrast (WCAG 2.x, graphics) on
// both the dark window background kDarkBackground and the light one kLightBackground; the tests
// check it. The categorical hues are Okabe–Ito's (distinguishable under the common colour-vision
// deficiencies) with lightness pulled into the band where they read on both backgrounds. The ramp
// is viridis: perceptually ordered, monotonic in lightness, readable in grey scale.
#pragma once

#include "imgui.h"

namespace loupe::ui {

//! Window background of the dark and the light style (what the contrast guarantees refer to).
inline const ImVec4 kDarkBackground = ImVec4(0x15 / 255.f, 0x17 / 255.f, 0x1C / 255.f, 1.f);
inline const ImVec4 kLightBackground = ImVec4(1.f, 1.f, 1.f, 1.f);
//! Background of panels and tiles inside the dark style's windows (child windows, KPI tiles).
inline const ImVec4 kPanel = ImVec4(0x1C / 255.f, 0x1F / 255.f, 0x26 / 255.f, 1.f);
//! Background of panels and tiles inside the light style's windows.
inline const ImVec4 kLightPanel = ImVec4(0xF4 / 255.f, 0xF5 / 255.f, 0xF7 / 255.f, 1.f);

//! Loupe's accent: headings, selection, the first series.
inline const ImVec4 kAccent = ImVec4(0x3A / 255.f, 0x9B / 255.f, 0xD5 / 255.f, 1.f);
//! Semantic tones: a metric in a healthy range, one to watch, one that needs action, no judgement.
inline const ImVec4 kGood = ImVec4(0x22 / 255.f, 0xA0 / 255.f, 0x60 / 255.f, 1.f);
inline const ImVec4 kWarn = ImVec4(0xB9 / 255.f, 0x7F / 255.f, 0x00 / 255.f, 1.f);
inline const ImVec4 kBad = ImVec4(0xD6 / 255.f, 0x4B / 255.f, 0x3F / 255.f, 1.f);
inline const ImVec4 kNeutral = ImVec4(0x8A / 255.f, 0x8A / 255.f, 0x8A / 255.f, 1.f);

enum class Tone { kGood, kWarn, kBad, kNeutral };

//! The semantic colour of `tone` with alpha `alpha` (0..1).
ImU32 ToneColor(Tone tone, float alpha = 1.0f);

//! Number of colours in the categorical palette (series, groups); indices wrap around.
inline constexpr int kCategoricalCount = 9;

//! Colour `index` of the categorical palette (negative or large indices wrap), with `alpha`.
//! The last colour is a neutral grey, fit for an "other" bucket.
ImU32 CategoricalColor(int index, float alpha = 1.0f);
ImVec4 CategoricalColorVec(int index);

//! The sequential ramp (viridis, 9 stops, linearly interpolated) at t in [0, 1]; t is clamped and
//! NaN gives the no-data colour of the current style (NoDataColor()).
ImU32 RampColor(double t, float alpha = 1.0f);
ImVec4 RampColorVec(double t);
//! Number of stops of the ramp and stop `i` (legends draw the ramp stop by stop).
int RampStopCount();
ImVec4 RampStop(int i);

//! Colours of chart chrome, derived from the current ImGui style (so they follow dark/light).
struct ChartColors {
  ImU32 text;        //!< labels and values
  ImU32 text_muted;  //!< axis tick labels, legends, "No data"
  ImU32 grid;        //!< horizontal grid lines
  ImU32 axis;        //!< the zero line and axis baselines
  ImU32 guide;       //!< the vertical hover guide
  ImU32 frame;       //!< background of tiles and gauge tracks
  ImU32 no_data;     //!< heatmap cells without a value
  ImU32 background;  //!< the window background (marker outlines cut into lines with it)
};
//! The chart colours for the current ImGui context's style.
ChartColors CurrentChartColors();
//! Colour of heatmap cells and ramp lookups without a value, for the current style.
ImU32 NoDataColor();

//! Relative luminance (WCAG 2.x) of an sRGB colour and the contrast ratio of two colours (1..21).
double RelativeLuminance(const ImVec4& color);
double ContrastRatio(const ImVec4& a, const ImVec4& b);

//! Loupe's look: dark or light colours, rounded corners, roomier spacing, all sizes × `scale`
//! (a UI zoom factor; devicePixelRatio is handled by the renderer, not here). Replaces `style`.
void ApplyLoupeStyle(ImGuiStyle& style, bool dark, float scale);

//! True when the current ImGui style has a dark window background.
bool StyleIsDark();

}  // namespace loupe::ui
