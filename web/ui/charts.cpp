#include "ui/charts.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "imgui_internal.h"

namespace loupe::ui {
namespace {

// ---------------------------------------------------------------------------------------------
// The item every chart is: a rectangle reserved at the cursor, its hover and click state.

struct Item {
  ImRect rect;
  bool visible = false;
  bool hovered = false;
  bool clicked = false;
  ImDrawList* dl = nullptr;
};

Item BeginItem(const char* id, ImVec2 size) {
  Item it;
  const float fs = ImGui::GetFontSize();
  size = ImGui::CalcItemSize(size, ImGui::GetContentRegionAvail().x, fs * 12.0f);
  size.x = std::max(1.0f, std::floor(size.x));
  size.y = std::max(1.0f, std::floor(size.y));
  it.clicked = ImGui::InvisibleButton(id, size);
  it.hovered = ImGui::IsItemHovered();
  it.rect = ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  it.visible = ImGui::IsItemVisible();
  it.dl = ImGui::GetWindowDrawList();
  return it;
}

// Clips draw-list output (scissor) to the chart for the lifetime of the object.
struct ClipScope {
  ImDrawList* dl;
  ClipScope(ImDrawList* d, const ImRect& r) : dl(d) { dl->PushClipRect(r.Min, r.Max, true); }
  ~ClipScope() { dl->PopClipRect(); }
};

float TextWidth(std::string_view s, float size = 0.0f) {
  ImFont* font = ImGui::GetFont();
  const float fs = size > 0.0f ? size : ImGui::GetFontSize();
  return font->CalcTextSizeA(fs, FLT_MAX, 0.0f, s.data(), s.data() + s.size()).x;
}

// Text clipped on the CPU to `clip`: glyphs never leave the chart's rectangle.
void Text(ImDrawList* dl, ImVec2 pos, ImU32 col, std::string_view s, const ImRect& clip, float size = 0.0f,
          ImFont* font = nullptr) {
  if (s.empty()) return;
  const ImVec4 c(clip.Min.x, clip.Min.y, clip.Max.x, clip.Max.y);
  if (!font) font = ImGui::GetFont();
  dl->AddText(font, size > 0.0f ? size : ImGui::GetFontSize(), ImVec2(std::floor(pos.x), std::floor(pos.y)), col,
              s.data(), s.data() + s.size(), 0.0f, &c);
}

ImU32 SeriesColor(const Series& s, int i) { return s.color ? s.color : CategoricalColor(i); }

std::string ExactValue(double v, const char* unit) {
  if (std::isnan(v)) return "\u2013";
  std::string text = FormatNumber(v, NumberFormat::kPlain);
  if (unit && *unit) text += std::string(" ") + unit;
  return text;
}

std::string_view LabelAt(std::span<const std::string> labels, int i) {
  return i >= 0 && i < static_cast<int>(labels.size()) ? std::string_view(labels[static_cast<size_t>(i)])
                                                       : std::string_view();
}

// A coloured square in a tooltip line, followed by the line's text.
void SwatchLine(ImU32 col, const std::string& text) {
  const float fs = ImGui::GetFontSize();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float s = fs * 0.7f;
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + (fs - s) * 0.5f), ImVec2(p.x + s, p.y + (fs + s) * 0.5f),
                                            col, 2.0f);
  ImGui::Dummy(ImVec2(s, fs));
  ImGui::SameLine();
  ImGui::TextUnformatted(text.c_str());
}

void Legend(ImDrawList* dl, const ImRect& area, std::span<const Series> series, const ChartColors& colors) {
  if (area.GetHeight() <= 0.0f) return;
  const float fs = ImGui::GetFontSize(), s = fs * 0.7f;
  float x = area.Min.x;
  const float y = area.Min.y + (area.GetHeight() - fs) * 0.5f;
  for (size_t i = 0; i < series.size(); ++i) {
    const std::string_view name = series[i].name.empty() ? std::string_view("series") : series[i].name;
    const float w = s + fs * 0.35f + TextWidth(name);
    if (x + w > area.Max.x) break;
    dl->AddRectFilled(ImVec2(x, y + (fs - s) * 0.5f), ImVec2(x + s, y + (fs + s) * 0.5f),
                      SeriesColor(series[i], static_cast<int>(i)), 2.0f);
    Text(dl, ImVec2(x + s + fs * 0.35f, y), colors.text_muted, name, area);
    x += w + fs;
  }
}

// Value-axis ticks for data [lo, hi] on `pixels` of axis; a fixed end replaces the tick's.
struct ValueAxis {
  AxisTicks ticks;
  double d0 = 0.0, d1 = 1.0;
  std::vector<std::string> labels;
  float label_width = 0.0f;
};

ValueAxis MakeValueAxis(double lo, double hi, double fixed_lo, double fixed_hi, float pixels, float per_tick,
                        NumberFormat format) {
  ValueAxis a;
  if (std::isfinite(fixed_lo)) lo = fixed_lo;
  if (std::isfinite(fixed_hi)) hi = fixed_hi;
  const int target = std::clamp(static_cast<int>(pixels / std::max(1.0f, per_tick)), 2, 8);
  a.ticks = NiceTicks(lo, hi, target);
  a.d0 = std::isfinite(fixed_lo) ? fixed_lo : a.ticks.min;
  a.d1 = std::isfinite(fixed_hi) ? fixed_hi : a.ticks.max;
  if (a.d1 <= a.d0) a.d1 = a.d0 + a.ticks.step;
  std::vector<double> inside;
  for (double v : a.ticks.values) {
    if (v >= a.d0 - a.ticks.step * 1e-9 && v <= a.d1 + a.ticks.step * 1e-9) inside.push_back(v);
  }
  a.ticks.values = std::move(inside);
  for (double v : a.ticks.values) {
    a.labels.push_back(FormatTick(v, a.ticks.step, format));
    a.label_width = std::max(a.label_width, TextWidth(a.labels.back()));
  }
  return a;
}

// Horizontal grid lines and their labels right-aligned in the y gutter.
void DrawYGrid(ImDrawList* dl, const ChartLayout& l, const ValueAxis& axis, const LinearScale& scale,
               const ChartColors& colors) {
  const float fs = ImGui::GetFontSize();
  for (size_t i = 0; i < axis.ticks.values.size(); ++i) {
    const double v = axis.ticks.values[i];
    const float y = std::floor(scale.Map(v)) + 0.5f;
    const bool zero = v == 0.0 && axis.d0 < 0.0;
    dl->AddLine(ImVec2(l.plot.Min.x, y), ImVec2(l.plot.Max.x, y), zero ? colors.axis : colors.grid, 1.0f);
    if (l.y_axis.GetWidth() > 0.0f) {
      const float w = TextWidth(axis.labels[i]);
      const float ty = std::clamp(y - fs * 0.5f, l.rect.Min.y, l.rect.Max.y - fs);
      Text(dl, ImVec2(l.y_axis.Max.x - fs * 0.4f - w, ty), colors.text_muted, axis.labels[i], l.rect);
    }
  }
}

// Vertical grid lines with tick labels under the plot (horizontal bars' value axis).
void DrawXGrid(ImDrawList* dl, const ChartLayout& l, const ValueAxis& axis, const LinearScale& scale,
               const ChartColors& colors) {
  const float fs = ImGui::GetFontSize();
  float last_end = -INFINITY;
  for (size_t i = 0; i < axis.ticks.values.size(); ++i) {
    const double v = axis.ticks.values[i];
    const float x = std::floor(scale.Map(v)) + 0.5f;
    const bool zero = v == 0.0 && axis.d0 < 0.0;
    dl->AddLine(ImVec2(x, l.plot.Min.y), ImVec2(x, l.plot.Max.y), zero ? colors.axis : colors.grid, 1.0f);
    if (l.x_axis.GetHeight() <= 0.0f) continue;
    const float w = TextWidth(axis.labels[i]);
    const float tx = std::clamp(x - w * 0.5f, l.rect.Min.x, l.rect.Max.x - w);
    if (tx < last_end + fs * 0.6f) continue;
    Text(dl, ImVec2(tx, l.x_axis.Min.y + 2.0f), colors.text_muted, axis.labels[i], l.rect);
    last_end = tx + w;
  }
}

// Category labels centred at `centers` along the x axis row, every k-th, never overlapping.
void DrawXLabels(ImDrawList* dl, const ChartLayout& l, std::span<const std::string> labels, int count,
                 const std::vector<float>& centers, const ChartColors& colors) {
  if (l.x_axis.GetHeight() <= 0.0f || labels.empty() || count <= 0) return;
  const float fs = ImGui::GetFontSize();
  float widest = 0.0f;
  const int n = std::min(count, static_cast<int>(labels.size()));
  std::vector<float> widths(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) widest = std::max(widest, widths[static_cast<size_t>(i)] = TextWidth(labels[static_cast<size_t>(i)]));
  const float spacing = count > 1 ? (centers.back() - centers.front()) / static_cast<float>(count - 1) : l.plot.GetWidth();
  const int stride = LabelStride(spacing, widest, fs * 0.8f);
  float last_end = -INFINITY;
  for (int i = 0; i < n; i += stride) {
    const float w = widths[static_cast<size_t>(i)];
    const float x = std::clamp(centers[static_cast<size_t>(i)] - w * 0.5f, l.rect.Min.x, l.rect.Max.x - w);
    if (x < last_end + fs * 0.5f || w > l.rect.GetWidth()) continue;
    Text(dl, ImVec2(x, l.x_axis.Min.y + 2.0f), colors.text_muted, labels[static_cast<size_t>(i)], l.rect);
    last_end = x + w;
  }
}

bool TooSmallForAxes(const ImRect& r) {
  const float fs = ImGui::GetFontSize();
  return r.GetWidth() < fs * 8.0f || r.GetHeight() < fs * 5.0f;
}

// Trapezoids (no anti-aliasing: neighbours share edges) from a line down to `base`, split where
// the line crosses the base so no quad twists.
void FillUnder(ImDrawList* dl, const std::vector<ImVec2>& pts, float base, ImU32 col) {
  if (pts.size() < 2) return;
  const ImVec2 uv = dl->_Data->TexUvWhitePixel;
  auto tri = [&](ImVec2 a, ImVec2 b, ImVec2 c) {
    dl->PrimReserve(3, 3);
    const auto i = static_cast<ImDrawIdx>(dl->_VtxCurrentIdx);
    dl->PrimWriteVtx(a, uv, col), dl->PrimWriteVtx(b, uv, col), dl->PrimWriteVtx(c, uv, col);
    dl->PrimWriteIdx(i), dl->PrimWriteIdx(static_cast<ImDrawIdx>(i + 1)), dl->PrimWriteIdx(static_cast<ImDrawIdx>(i + 2));
  };
  for (size_t i = 0; i + 1 < pts.size(); ++i) {
    const ImVec2 a = pts[i], b = pts[i + 1];
    const float da = a.y - base, db = b.y - base;
    if (da * db < 0.0f) {
      const float t = da / (da - db);
      const ImVec2 m(a.x + (b.x - a.x) * t, base);
      tri(a, m, ImVec2(a.x, base));
      tri(m, b, ImVec2(b.x, base));
    } else {
      tri(a, b, ImVec2(b.x, base));
      tri(a, ImVec2(b.x, base), ImVec2(a.x, base));
    }
  }
}

void DrawLineRuns(ImDrawList* dl, std::span<const double> values, const std::vector<float>& xs,
                  const LinearScale& scale, const ImRect& plot, ImU32 col, float thickness, bool area, float base) {
  std::vector<ImVec2> pts;
  for (const auto& [b, e] : FiniteRuns(values)) {
    pts.clear();
    for (int i = b; i < e && i < static_cast<int>(xs.size()); ++i) {
      pts.emplace_back(xs[static_cast<size_t>(i)],
                       std::clamp(scale.Map(values[static_cast<size_t>(i)]), plot.Min.y, plot.Max.y));
    }
    if (pts.empty()) continue;
    if (pts.size() == 1) {
      dl->AddCircleFilled(pts[0], std::max(2.0f, thickness * 1.2f), col, 12);
      continue;
    }
    if (area) FillUnder(dl, pts, base, (col & ~IM_COL32_A_MASK) | (static_cast<ImU32>(38) << IM_COL32_A_SHIFT));
    dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), col, ImDrawFlags_None, thickness);
  }
}

const char* ToneName(Tone t) {
  switch (t) {
    case Tone::kGood: return "good";
    case Tone::kWarn: return "watch";
    case Tone::kBad: return "needs attention";
    case Tone::kNeutral: break;
  }
  return "";
}

ImVec4 ToneVec(Tone t) {
  switch (t) {
    case Tone::kGood: return kGood;
    case Tone::kWarn: return kWarn;
    case Tone::kBad: return kBad;
    case Tone::kNeutral: break;
  }
  return kNeutral;
}

void SparklineInto(ImDrawList* dl, const ImRect& r, std::span<const double> values, ImU32 col) {
  Extent e;
  for (double v : values) {
    if (!std::isfinite(v)) continue;
    if (e.finite++ == 0) {
      e.min = e.max = v;
    } else {
      e.min = std::min(e.min, v), e.max = std::max(e.max, v);
    }
  }
  if (!e.Valid() || r.GetWidth() < 4.0f || r.GetHeight() < 4.0f) return;
  const float inset = 3.5f;  // the last point's dot and the line's fringe stay inside
  const ImRect in(r.Min.x + inset, r.Min.y + inset, r.Max.x - inset, r.Max.y - inset);
  LinearScale y{e.min, e.max, in.Max.y, in.Min.y};
  if (e.max == e.min) y = LinearScale{e.min - 1.0, e.max + 1.0, in.Max.y, in.Min.y};
  const size_t n = values.size();
  std::vector<float> xs(n);
  for (size_t i = 0; i < n; ++i) xs[i] = n == 1 ? in.GetCenter().x : in.Min.x + in.GetWidth() * static_cast<float>(i) / static_cast<float>(n - 1);
  DrawLineRuns(dl, values, xs, y, in, col, 1.5f, true, in.Max.y);
  for (size_t i = n; i-- > 0;) {
    if (!std::isfinite(values[i])) continue;
    dl->AddCircleFilled(ImVec2(xs[i], std::clamp(y.Map(values[i]), in.Min.y, in.Max.y)), 2.0f, col, 8);
    break;
  }
}

}  // namespace

void DrawNoData(ImDrawList* dl, const ImRect& rect, const char* text) {
  const ChartColors colors = CurrentChartColors();
  if (rect.GetWidth() >= 4.0f && rect.GetHeight() >= 4.0f) {
    dl->AddRect(ImVec2(rect.Min.x + 1.0f, rect.Min.y + 1.0f), ImVec2(rect.Max.x - 1.0f, rect.Max.y - 1.0f),
                colors.grid, std::min(6.0f, rect.GetHeight() * 0.25f), ImDrawFlags_None, 1.0f);
  }
  const float w = TextWidth(text), fs = ImGui::GetFontSize();
  const ImVec2 c = rect.GetCenter();
  Text(dl, ImVec2(std::max(rect.Min.x, c.x - w * 0.5f), c.y - fs * 0.5f), colors.text_muted, text, rect);
}

// ---------------------------------------------------------------------------------------------

ChartHover LineChart(const char* id, ImVec2 size, std::span<const std::string> x_labels, std::span<const Series> series,
                     const LineChartOptions& o) {
  ChartHover out;
  Item it = BeginItem(id, size);
  out.hovered = it.hovered, out.clicked = it.clicked;
  if (!it.visible) return out;
  ImDrawList* dl = it.dl;
  ClipScope clip(dl, it.rect);
  const Extent e = SeriesExtent(series);
  if (!e.Valid()) {
    DrawNoData(dl, it.rect);
    out.no_data = true;
    return out;
  }
  const ChartColors colors = CurrentChartColors();
  const float fs = ImGui::GetFontSize();
  const bool small = TooSmallForAxes(it.rect);
  const bool legend = !small && o.legend && series.size() > 1;
  const bool xl = !small && !x_labels.empty();
  double lo = e.min, hi = e.max;
  if (o.include_zero) lo = std::min(lo, 0.0), hi = std::max(hi, 0.0);
  const float pad = std::max(6.0f, fs * 0.5f + 1.0f);
  const float approx_h = it.rect.GetHeight() - (legend ? fs + 4 : 0) - (xl ? fs + 4 : 0) - pad;
  const ValueAxis axis = MakeValueAxis(lo, hi, o.y_min, o.y_max, approx_h, fs * 2.4f, o.format);
  // Without axes the line keeps clear of every edge (its anti-aliased half width and dots).
  const float bare = std::max(4.0f, o.thickness * 1.2f + 1.5f);
  ChartLayout l = LayoutChart(it.rect, fs, small ? bare : axis.label_width + fs * 0.8f, legend, xl, small ? bare : pad);
  if (!xl) l.plot.Max.y = std::max(l.plot.Min.y, l.plot.Max.y - (small ? bare : 3.0f));
  if (l.plot.GetWidth() < 2.0f || l.plot.GetHeight() < 2.0f) return out;
  const LinearScale y{axis.d0, axis.d1, l.plot.Max.y, l.plot.Min.y};
  const int n = MaxLength(series);
  std::vector<float> xs(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    xs[static_cast<size_t>(i)] = n == 1 ? l.plot.GetCenter().x
                                        : l.plot.Min.x + l.plot.GetWidth() * static_cast<float>(i) / static_cast<float>(n - 1);
  }
  if (!small) DrawYGrid(dl, l, axis, y, colors);
  if (legend) Legend(dl, l.legend, series, colors);
  if (xl) DrawXLabels(dl, l, x_labels, n, xs, colors);

  // Hover: the nearest x position.
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  int hover = -1;
  if (it.hovered && mouse.x >= l.plot.Min.x - pad && mouse.x <= l.plot.Max.x + pad) {
    hover = n == 1 ? 0
                   : std::clamp(static_cast<int>(std::lround((mouse.x - l.plot.Min.x) / l.plot.GetWidth() * (n - 1))), 0,
                                n - 1);
    const float gx = std::floor(xs[static_cast<size_t>(hover)]) + 0.5f;
    dl->AddLine(ImVec2(gx, l.plot.Min.y), ImVec2(gx, l.plot.Max.y), colors.guide, 1.0f);
  }
  const float base = y.Map(std::clamp(0.0, std::min(axis.d0, axis.d1), std::max(axis.d0, axis.d1)));
  for (size_t s = 0; s < series.size(); ++s) {
    DrawLineRuns(dl, series[s].values, xs, y, l.plot, SeriesColor(series[s], static_cast<int>(s)), o.thickness, o.area,
                 base);
  }
  if (hover < 0) return out;
  out.index = hover;
  float best = INFINITY;
  for (size_t s = 0; s < series.size(); ++s) {
    const auto& v = series[s].values;
    if (hover >= static_cast<int>(v.size()) || !std::isfinite(v[static_cast<size_t>(hover)])) continue;
    const ImVec2 p(xs[static_cast<size_t>(hover)],
                   std::clamp(y.Map(v[static_cast<size_t>(hover)]), l.plot.Min.y, l.plot.Max.y));
    if (!small) {
      dl->AddCircleFilled(p, 4.5f, colors.background, 12);
      dl->AddCircleFilled(p, 3.5f, SeriesColor(series[s], static_cast<int>(s)), 12);
    }
    if (std::fabs(p.y - mouse.y) < best) {
      best = std::fabs(p.y - mouse.y);
      out.series = static_cast<int>(s);
      out.value = v[static_cast<size_t>(hover)];
    }
  }
  ImGui::BeginTooltip();
  const std::string_view label = LabelAt(x_labels, hover);
  if (label.empty()) {
    ImGui::Text("Point %d", hover + 1);
  } else {
    ImGui::TextUnformatted(label.data(), label.data() + label.size());
  }
  for (size_t s = 0; s < series.size(); ++s) {
    const auto& v = series[s].values;
    const double value = hover < static_cast<int>(v.size()) ? v[static_cast<size_t>(hover)] : NAN;
    std::string line(series[s].name);
    line += (line.empty() ? "" : ": ") + ExactValue(value, o.unit);
    SwatchLine(SeriesColor(series[s], static_cast<int>(s)), line);
  }
  ImGui::EndTooltip();
  return out;
}

namespace {

ChartHover Bars(const char* id, ImVec2 size, std::span<const std::string> labels, std::span<const Series> series,
                const BarChartOptions& o, bool stacked) {
  ChartHover out;
  Item it = BeginItem(id, size);
  out.hovered = it.hovered, out.clicked = it.clicked;
  if (!it.visible) return out;
  ImDrawList* dl = it.dl;
  ClipScope clip(dl, it.rect);
  const Extent e = stacked ? StackedExtent(series) : SeriesExtent(series);
  const int categories = std::max(MaxLength(series), static_cast<int>(labels.size()));
  if (!e.Valid() || categories == 0) {
    DrawNoData(dl, it.rect);
    out.no_data = true;
    return out;
  }
  const ChartColors colors = CurrentChartColors();
  const float fs = ImGui::GetFontSize();
  const bool small = TooSmallForAxes(it.rect);
  const bool legend = !small && o.legend && series.size() > 1;
  const double lo = std::min(0.0, e.min), hi = std::max(0.0, e.max);
  const float pad = small ? 1.0f : std::max(4.0f, fs * 0.5f + 1.0f);

  ChartLayout l;
  ValueAxis axis;
  LinearScale scale;
  if (!o.horizontal) {
    const float approx_h = it.rect.GetHeight() - (legend ? fs + 4 : 0) - (labels.empty() ? 0 : fs + 4) - pad;
    axis = MakeValueAxis(lo, hi, NAN, o.value_max, approx_h, fs * 2.4f, o.format);
    l = LayoutChart(it.rect, fs, small ? 0.0f : axis.label_width + fs * 0.8f, legend, !small && !labels.empty(), pad);
    scale = LinearScale{axis.d0, axis.d1, l.plot.Max.y, l.plot.Min.y};
  } else {
    float widest = 0.0f;
    for (const auto& s : labels) widest = std::max(widest, TextWidth(s));
    const float gutter = small || labels.empty() ? 0.0f : std::min(widest + fs * 0.8f, it.rect.GetWidth() * 0.35f);
    axis = MakeValueAxis(lo, hi, NAN, o.value_max, it.rect.GetWidth() - gutter, fs * 5.0f, o.format);
    l = LayoutChart(it.rect, fs, gutter, legend, !small, pad);
    scale = LinearScale{axis.d0, axis.d1, l.plot.Min.x, l.plot.Max.x};
  }
  if (l.plot.GetWidth() < 2.0f || l.plot.GetHeight() < 2.0f) return out;
  const float band_padding = stacked ? 0.3f : 0.25f;
  BandScale bands;
  bands.count = categories;
  bands.padding = band_padding;
  bands.r0 = o.horizontal ? l.plot.Min.y : l.plot.Min.x;
  bands.r1 = o.horizontal ? l.plot.Max.y : l.plot.Max.x;

  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const int hover = it.hovered && l.plot.Contains(mouse) ? bands.IndexAt(o.horizontal ? mouse.y : mouse.x) : -1;
  if (hover >= 0) {
    const float a = bands.r0 + bands.Step() * static_cast<float>(hover), b = a + bands.Step();
    const ImRect band = o.horizontal ? ImRect(l.plot.Min.x, a, l.plot.Max.x, b) : ImRect(a, l.plot.Min.y, b, l.plot.Max.y);
    dl->AddRectFilled(band.Min, band.Max, colors.grid);
  }
  if (!small) {
    if (o.horizontal) {
      DrawXGrid(dl, l, axis, scale, colors);
    } else {
      DrawYGrid(dl, l, axis, scale, colors);
    }
  }
  if (legend) Legend(dl, l.legend, series, colors);
  if (!small && !labels.empty()) {
    if (!o.horizontal) {
      std::vector<float> centers(static_cast<size_t>(categories));
      for (int i = 0; i < categories; ++i) centers[static_cast<size_t>(i)] = bands.Center(i);
      DrawXLabels(dl, l, labels, categories, centers, colors);
    } else {
      const int stride = LabelStride(bands.Step(), fs, fs * 0.2f);
      const ImRect clip_labels(l.rect.Min.x, l.rect.Min.y, l.y_axis.Max.x - fs * 0.3f, l.rect.Max.y);
      for (int i = 0; i < std::min(categories, static_cast<int>(labels.size())); i += stride) {
        const float w = TextWidth(labels[static_cast<size_t>(i)]);
        const float x = std::max(l.rect.Min.x, clip_labels.Max.x - w);
        const float ty = std::clamp(bands.Center(i) - fs * 0.5f, l.rect.Min.y, l.rect.Max.y - fs);
        Text(dl, ImVec2(x, ty), colors.text_muted, labels[static_cast<size_t>(i)], clip_labels);
      }
    }
  }
  const std::vector<BarGeom> bars = stacked ? StackedBarRects(l.plot, series, categories, scale, o.horizontal, band_padding)
                                            : GroupedBarRects(l.plot, series, categories, scale, o.horizontal, band_padding);
  for (const BarGeom& b : bars) {
    ImU32 col = SeriesColor(series[static_cast<size_t>(b.series)], b.series);
    if (hover >= 0 && b.index != hover) col = (col & ~IM_COL32_A_MASK) | (static_cast<ImU32>(170) << IM_COL32_A_SHIFT);
    const float thick = o.horizontal ? b.rect.GetHeight() : b.rect.GetWidth();
    const float rounding = stacked ? 0.0f : std::min(3.0f, thick * 0.25f);
    ImDrawFlags corners = ImDrawFlags_RoundCornersNone;
    if (rounding > 0.5f) {
      corners = o.horizontal ? (b.value >= 0 ? ImDrawFlags_RoundCornersRight : ImDrawFlags_RoundCornersLeft)
                             : (b.value >= 0 ? ImDrawFlags_RoundCornersTop : ImDrawFlags_RoundCornersBottom);
    }
    dl->AddRectFilled(b.rect.Min, b.rect.Max, col, rounding, corners);
    if (b.index == hover && b.rect.Contains(mouse)) out.series = b.series, out.value = b.value;
  }
  if (hover < 0) return out;
  out.index = hover;
  ImGui::BeginTooltip();
  const std::string_view label = LabelAt(labels, hover);
  if (label.empty()) {
    ImGui::Text("#%d", hover + 1);
  } else {
    ImGui::TextUnformatted(label.data(), label.data() + label.size());
  }
  double total = 0.0;
  int finite = 0;
  for (size_t s = 0; s < series.size(); ++s) {
    const auto& v = series[s].values;
    const double value = hover < static_cast<int>(v.size()) ? v[static_cast<size_t>(hover)] : NAN;
    if (std::isfinite(value)) total += value, ++finite;
    std::string line(series[s].name);
    line += (line.empty() ? "" : ": ") + ExactValue(value, o.unit);
    SwatchLine(SeriesColor(series[s], static_cast<int>(s)), line);
  }
  if (stacked && series.size() > 1) {
    ImGui::Separator();
    ImGui::Text("Total: %s", ExactValue(finite ? total : NAN, o.unit).c_str());
  }
  ImGui::EndTooltip();
  return out;
}

}  // namespace

ChartHover BarChart(const char* id, ImVec2 size, std::span<const std::string> labels, std::span<const Series> series,
                    const BarChartOptions& options) {
  return Bars(id, size, labels, series, options, false);
}

ChartHover StackedBarChart(const char* id, ImVec2 size, std::span<const std::string> labels,
                           std::span<const Series> series, const BarChartOptions& options) {
  return Bars(id, size, labels, series, options, true);
}

// ---------------------------------------------------------------------------------------------

ChartHover Heatmap(const char* id, ImVec2 size, std::span<const std::string> row_labels,
                   std::span<const std::string> col_labels, std::span<const double> values, const HeatmapOptions& o) {
  ChartHover out;
  Item it = BeginItem(id, size);
  out.hovered = it.hovered, out.clicked = it.clicked;
  if (!it.visible) return out;
  ImDrawList* dl = it.dl;
  ClipScope clip(dl, it.rect);
  int rows = static_cast<int>(row_labels.size()), cols = static_cast<int>(col_labels.size());
  if (rows == 0 && cols > 0) rows = static_cast<int>((values.size() + static_cast<size_t>(cols) - 1) / static_cast<size_t>(cols));
  if (cols == 0 && rows > 0) cols = static_cast<int>((values.size() + static_cast<size_t>(rows) - 1) / static_cast<size_t>(rows));
  auto at = [&](int r, int c) {
    const size_t i = static_cast<size_t>(r) * static_cast<size_t>(cols) + static_cast<size_t>(c);
    return i < values.size() ? values[i] : NAN;
  };
  Extent e;
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      const double v = at(r, c);
      if (!std::isfinite(v)) continue;
      if (e.finite++ == 0) {
        e.min = e.max = v;
      } else {
        e.min = std::min(e.min, v), e.max = std::max(e.max, v);
      }
    }
  }
  if (!e.Valid()) {
    DrawNoData(dl, it.rect);
    out.no_data = true;
    return out;
  }
  const ChartColors colors = CurrentChartColors();
  const float fs = ImGui::GetFontSize();
  const double lo = std::isfinite(o.min) ? o.min : std::min(0.0, e.min);
  const double hi = std::isfinite(o.max) ? o.max : e.max;
  const bool small = it.rect.GetWidth() < fs * 6.0f || it.rect.GetHeight() < fs * 4.0f;
  float widest = 0.0f;
  for (const auto& s : row_labels) widest = std::max(widest, TextWidth(s));
  const float row_w = small || row_labels.empty() ? 0.0f : std::min(widest + fs * 0.6f, it.rect.GetWidth() * 0.3f);
  const float col_h = small || col_labels.empty() ? 0.0f : fs + 4.0f;
  const float legend_h = small || !o.legend ? 0.0f : fs + 8.0f;
  const HeatmapGeometry g = LayoutHeatmap(it.rect, rows, cols, row_w, col_h, legend_h);
  if (g.grid.GetWidth() < 1.0f || g.grid.GetHeight() < 1.0f) return out;

  // Cells: one reservation, four vertices each, no anti-aliasing (cells share edges).
  dl->PrimReserve(rows * cols * 6, rows * cols * 4);
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      const ImRect cell = g.Cell(r, c);
      const double v = at(r, c);
      dl->PrimRect(cell.Min, cell.Max, std::isfinite(v) ? RampColor(RampPosition(v, lo, hi)) : colors.no_data);
    }
  }
  if (o.cell_values) {
    const float cw = g.grid.GetWidth() / static_cast<float>(cols), ch = g.grid.GetHeight() / static_cast<float>(rows);
    if (ch >= fs + 2.0f) {
      for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c) {
          const double v = at(r, c);
          if (!std::isfinite(v) || v == 0.0) continue;  // the ramp's dark end says zero well enough
          const std::string text = FormatNumber(v, o.format);
          const float w = TextWidth(text);
          if (w + 4.0f > cw - g.gap) continue;
          const ImRect cell = g.Cell(r, c);
          const bool light_cell = RelativeLuminance(RampColorVec(RampPosition(v, lo, hi))) > 0.3;
          Text(dl, ImVec2(cell.GetCenter().x - w * 0.5f, cell.GetCenter().y - fs * 0.5f),
               light_cell ? IM_COL32(20, 22, 26, 255) : IM_COL32(245, 246, 248, 255), text, cell);
        }
      }
    }
  }
  if (g.row_labels.GetWidth() > 0.0f) {
    const float ch = g.grid.GetHeight() / static_cast<float>(rows);
    const int stride = LabelStride(ch, fs, 0.0f);
    const ImRect lc(g.row_labels.Min.x, it.rect.Min.y, g.row_labels.Max.x - fs * 0.3f, it.rect.Max.y);
    for (int r = 0; r < static_cast<int>(row_labels.size()) && r < rows; r += stride) {
      const float w = TextWidth(row_labels[static_cast<size_t>(r)]);
      const ImRect cell = g.Cell(r, 0);
      const float ty = std::clamp(cell.GetCenter().y - fs * 0.5f, it.rect.Min.y, it.rect.Max.y - fs);
      Text(dl, ImVec2(std::max(lc.Min.x, lc.Max.x - w), ty), colors.text_muted, row_labels[static_cast<size_t>(r)], lc);
    }
  }
  if (g.col_labels.GetHeight() > 0.0f) {
    ChartLayout l;
    l.rect = it.rect;
    l.plot = g.grid;
    l.x_axis = g.col_labels;
    std::vector<float> centers(static_cast<size_t>(cols));
    for (int c = 0; c < cols; ++c) centers[static_cast<size_t>(c)] = g.Cell(0, c).GetCenter().x;
    DrawXLabels(dl, l, col_labels, cols, centers, colors);
  }
  if (g.legend.GetHeight() > 0.0f) {
    const std::string lo_text = FormatNumber(lo, o.format), hi_text = FormatNumber(hi, o.format);
    const float y = g.legend.Min.y + 4.0f;
    float x = g.grid.Min.x;
    Text(dl, ImVec2(x, y), colors.text_muted, lo_text, it.rect);
    x += TextWidth(lo_text) + fs * 0.4f;
    const float bar_w = std::min(fs * 10.0f, std::max(0.0f, g.grid.GetWidth() * 0.4f));
    const int stops = RampStopCount();
    for (int i = 0; i + 1 < stops; ++i) {
      const float x0 = x + bar_w * static_cast<float>(i) / static_cast<float>(stops - 1);
      const float x1 = x + bar_w * static_cast<float>(i + 1) / static_cast<float>(stops - 1);
      const ImU32 a = ImGui::ColorConvertFloat4ToU32(RampStop(i)), b = ImGui::ColorConvertFloat4ToU32(RampStop(i + 1));
      dl->AddRectFilledMultiColor(ImVec2(x0, y + fs * 0.2f), ImVec2(x1, y + fs * 0.8f), a, b, b, a);
    }
    x += bar_w + fs * 0.4f;
    std::string tail = hi_text;
    if (o.unit && *o.unit) tail += std::string(" ") + o.unit;
    Text(dl, ImVec2(x, y), colors.text_muted, tail, it.rect);
  }

  const ImVec2 mouse = ImGui::GetIO().MousePos;
  int r = -1, c = -1;
  if (it.hovered && g.Hit(mouse, &r, &c)) {
    const ImRect cell = g.Cell(r, c);
    dl->AddRect(cell.Min, cell.Max, colors.text, 0.0f, ImDrawFlags_None, 1.5f);
    out.row = r, out.index = c, out.value = at(r, c);
    ImGui::BeginTooltip();
    const std::string_view rl = LabelAt(row_labels, r), cl = LabelAt(col_labels, c);
    ImGui::Text("%.*s \u00B7 %.*s", static_cast<int>(rl.size()), rl.data(), static_cast<int>(cl.size()), cl.data());
    const double v = out.value;
    SwatchLine(std::isfinite(v) ? RampColor(RampPosition(v, lo, hi)) : colors.no_data,
               std::isfinite(v) ? ExactValue(v, o.unit) : std::string("no data"));
    ImGui::EndTooltip();
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

ChartHover Gauge(const char* id, ImVec2 size, double value, const GaugeOptions& o) {
  ChartHover out;
  Item it = BeginItem(id, size);
  out.hovered = it.hovered, out.clicked = it.clicked;
  out.value = value;
  if (!it.visible) return out;
  ImDrawList* dl = it.dl;
  ClipScope clip(dl, it.rect);
  const ChartColors colors = CurrentChartColors();
  const float fs = ImGui::GetFontSize();
  const double min = o.min, max = o.max > o.min ? o.max : o.min + 1.0;
  const GaugeBand defaults[] = {{min + (max - min) * 0.5, Tone::kBad},
                                {min + (max - min) * 0.75, Tone::kWarn},
                                {max, Tone::kGood}};
  const std::span<const GaugeBand> bands = o.bands.empty() ? std::span<const GaugeBand>(defaults) : o.bands;
  const GaugeGeometry g = LayoutGauge(it.rect, fs);
  auto tone_of = [&](double v) {
    for (const GaugeBand& b : bands) {
      if (v <= b.upto) return b.tone;
    }
    return bands.back().tone;
  };
  auto arc = [&](float a, float b, ImU32 col) {
    if (b - a < 1e-4f) return;
    const int segments = std::max(4, static_cast<int>((b - a) / IM_PI * 48.0f));
    dl->PathArcTo(g.center, g.radius, a, b, segments);
    dl->PathStroke(col, ImDrawFlags_None, g.thickness);
  };
  const bool has_value = std::isfinite(value);
  if (g.radius >= 4.0f) {
    double from = min;
    for (const GaugeBand& b : bands) {
      const double to = std::min(b.upto, max);
      if (to > from) arc(g.AngleOf(from, min, max), g.AngleOf(to, min, max), ImGui::ColorConvertFloat4ToU32(ImVec4(
                                                                                ToneVec(b.tone).x, ToneVec(b.tone).y,
                                                                                ToneVec(b.tone).z, 0.22f)));
      from = std::max(from, to);
    }
    if (from < max) arc(g.AngleOf(from, min, max), g.a1, colors.frame);
    if (has_value) arc(g.a0, g.AngleOf(value, min, max), ToneColor(tone_of(value)));
    // Band limits: short ticks on the inner edge of the track.
    for (size_t i = 0; i + 1 < bands.size(); ++i) {
      if (bands[i].upto <= min || bands[i].upto >= max) continue;
      const float a = g.AngleOf(bands[i].upto, min, max);
      const float r0 = g.radius - g.thickness * 0.5f - 4.0f, r1 = g.radius - g.thickness * 0.5f - 1.0f;
      if (r0 <= 0.0f) continue;
      dl->AddLine(ImVec2(g.center.x + std::cos(a) * r0, g.center.y + std::sin(a) * r0),
                  ImVec2(g.center.x + std::cos(a) * r1, g.center.y + std::sin(a) * r1), colors.axis, 1.5f);
    }
  }
  const std::string text = has_value ? FormatNumber(value, o.format) : std::string("\u2013");
  const float inner = g.radius - g.thickness * 0.5f;
  const float big = inner >= fs * 2.2f ? fs * 1.8f : fs;
  const float tw = TextWidth(text, big);
  Text(dl, ImVec2(g.center.x - tw * 0.5f, g.center.y - big - 1.0f), has_value ? colors.text : colors.text_muted, text,
       it.rect, big);
  float label_l = g.center.x, label_r = g.center.x;
  if (o.label && *o.label) {
    const float lw = TextWidth(o.label);
    label_l = g.center.x - lw * 0.5f, label_r = label_l + lw;
    Text(dl, ImVec2(label_l, g.center.y + 2.0f), colors.text_muted, o.label, it.rect);
  }
  if (g.radius >= fs * 2.0f) {
    const std::string lo = FormatNumber(min, o.format), hi = FormatNumber(max, o.format);
    const float lw = TextWidth(lo), hw = TextWidth(hi);
    const float lx = g.center.x - g.radius - lw * 0.5f, hx = g.center.x + g.radius - hw * 0.5f;
    if (lx + lw + fs * 0.5f < label_l) Text(dl, ImVec2(lx, g.center.y + 2.0f), colors.text_muted, lo, it.rect);
    if (hx > label_r + fs * 0.5f) Text(dl, ImVec2(hx, g.center.y + 2.0f), colors.text_muted, hi, it.rect);
  }
  if (it.hovered) {
    ImGui::BeginTooltip();
    if (o.label && *o.label) ImGui::TextUnformatted(o.label);
    ImGui::Text("%s of %s..%s", has_value ? FormatNumber(value, NumberFormat::kPlain).c_str() : "no value",
                FormatNumber(min, NumberFormat::kPlain).c_str(), FormatNumber(max, NumberFormat::kPlain).c_str());
    if (has_value && *ToneName(tone_of(value))) ImGui::TextColored(ToneVec(tone_of(value)), "%s", ToneName(tone_of(value)));
    ImGui::EndTooltip();
  }
  out.no_data = !has_value;
  return out;
}

// ---------------------------------------------------------------------------------------------

ChartHover KpiTile(const char* id, ImVec2 size, const KpiTileData& d) {
  ChartHover out;
  Item it = BeginItem(id, size);
  out.hovered = it.hovered, out.clicked = it.clicked;
  out.value = d.value;
  if (!it.visible) return out;
  ImDrawList* dl = it.dl;
  ClipScope clip(dl, it.rect);
  const ChartColors colors = CurrentChartColors();
  const float fs = ImGui::GetFontSize();
  const bool dark = StyleIsDark();
  const float rounding = std::min(8.0f, std::min(it.rect.GetWidth(), it.rect.GetHeight()) * 0.25f);
  dl->AddRectFilled(it.rect.Min, it.rect.Max, ImGui::ColorConvertFloat4ToU32(dark ? kPanel : kLightPanel), rounding);
  if (it.rect.GetWidth() >= 3.0f && it.rect.GetHeight() >= 3.0f) {
    dl->AddRect(ImVec2(it.rect.Min.x + 0.5f, it.rect.Min.y + 0.5f), ImVec2(it.rect.Max.x - 0.5f, it.rect.Max.y - 0.5f),
                it.hovered ? ImGui::ColorConvertFloat4ToU32(kAccent) : colors.grid, rounding, ImDrawFlags_None, 1.0f);
  }
  const float pad = std::min(fs * 0.7f, it.rect.GetWidth() * 0.1f);
  const ImRect inner(it.rect.Min.x + pad, it.rect.Min.y + pad * 0.8f, it.rect.Max.x - pad, it.rect.Max.y - pad * 0.8f);
  Text(dl, inner.Min, colors.text_muted, d.label, inner);

  ImFont* font = d.value_font ? d.value_font : ImGui::GetFont();
  float big = d.value_font ? d.value_font->FontSize : fs * 1.6f;
  if (inner.GetHeight() < fs + 4.0f + big) big = fs;
  const std::string formatted = std::isfinite(d.value) ? FormatNumber(d.value, d.format) : std::string("\u2013");
  const std::string_view value_text = d.value_text.empty() ? std::string_view(formatted) : d.value_text;
  const ImVec2 vpos(inner.Min.x, inner.Min.y + fs + 4.0f);
  Text(dl, vpos, colors.text, value_text, inner, big, font);
  const float value_w = font->CalcTextSizeA(big, FLT_MAX, 0.0f, value_text.data(), value_text.data() + value_text.size()).x;

  // The change against the previous period.
  std::string delta_text;
  Tone tone = Tone::kNeutral;
  int direction = 0;
  if (std::isfinite(d.value) && std::isfinite(d.previous)) {
    const double delta = d.value - d.previous;
    if (d.previous != 0.0) {
      const double pct = delta / std::fabs(d.previous) * 100.0;
      delta_text = (pct > 0 ? "+" : "") + FormatNumber(pct, NumberFormat::kPercent);
      if (std::fabs(pct) >= 0.5) direction = pct > 0 ? 1 : -1;
    } else {
      delta_text = (delta > 0 ? "+" : "") + FormatNumber(delta, d.format);
      if (delta != 0.0) direction = delta > 0 ? 1 : -1;
    }
    if (direction != 0) tone = ((direction > 0) == d.higher_is_better) ? Tone::kGood : Tone::kBad;
  }
  float delta_right = vpos.x + value_w;
  if (!delta_text.empty()) {
    const float tw = TextWidth(delta_text), arrow = fs * 0.6f;
    ImVec2 p(vpos.x + value_w + fs * 0.6f, vpos.y + big - fs - 1.0f);
    if (p.x + arrow + 4.0f + tw > inner.Max.x) p = ImVec2(inner.Min.x, vpos.y + big + 2.0f);
    if (p.y + fs <= inner.Max.y + 1.0f && p.x + arrow + 4.0f + tw <= inner.Max.x) {
      const ImU32 col = ToneColor(tone);
      const float cx = p.x + arrow * 0.5f, cy = p.y + fs * 0.5f, h = arrow * 0.5f;
      if (direction > 0) {
        dl->AddTriangleFilled(ImVec2(cx, cy - h), ImVec2(cx + h, cy + h * 0.8f), ImVec2(cx - h, cy + h * 0.8f), col);
      } else if (direction < 0) {
        dl->AddTriangleFilled(ImVec2(cx - h, cy - h * 0.8f), ImVec2(cx + h, cy - h * 0.8f), ImVec2(cx, cy + h), col);
      } else {
        dl->AddRectFilled(ImVec2(cx - h, cy - 1.0f), ImVec2(cx + h, cy + 1.0f), col);
      }
      Text(dl, ImVec2(p.x + arrow + 4.0f, p.y), col, delta_text, inner);
      if (p.y < vpos.y + big) delta_right = p.x + arrow + 4.0f + tw;
    }
  }
  // The sparkline: right of the value when there is room, else along the bottom.
  if (!d.trend.empty()) {
    const float spark_h = std::min(fs * 2.0f, inner.GetHeight() * 0.45f);
    ImRect spark(std::max(delta_right + fs, inner.Max.x - inner.GetWidth() * 0.42f), inner.Max.y - spark_h, inner.Max.x,
                 inner.Max.y);
    if (spark.GetWidth() < fs * 3.0f) spark = ImRect(inner.Min.x, std::max(vpos.y + big + 2.0f, inner.Max.y - spark_h),
                                                     inner.Max.x, inner.Max.y);
    SparklineInto(dl, spark, d.trend, ImGui::ColorConvertFloat4ToU32(kAccent));
  }
  if (it.hovered) {
    ImGui::BeginTooltip();
    if (!d.label.empty()) ImGui::TextUnformatted(d.label.data(), d.label.data() + d.label.size());
    ImGui::Text("%s", std::isfinite(d.value) ? FormatNumber(d.value, NumberFormat::kPlain).c_str()
                                             : std::string(value_text).c_str());
    if (std::isfinite(d.previous)) {
      ImGui::TextDisabled("previous: %s", FormatNumber(d.previous, NumberFormat::kPlain).c_str());
      if (!delta_text.empty()) ImGui::TextColored(ToneVec(tone), "change: %s", delta_text.c_str());
    }
    if (!d.note.empty()) ImGui::TextDisabled("%.*s", static_cast<int>(d.note.size()), d.note.data());
    ImGui::EndTooltip();
  }
  return out;
}

ChartHover Sparkline(const char* id, ImVec2 size, std::span<const double> values, ImU32 color) {
  ChartHover out;
  Item it = BeginItem(id, size);
  out.hovered = it.hovered, out.clicked = it.clicked;
  if (!it.visible) return out;
  ClipScope clip(it.dl, it.rect);
  bool any = false;
  for (double v : values) any = any || std::isfinite(v);
  if (!any) {
    out.no_data = true;
    if (it.rect.GetHeight() >= ImGui::GetFontSize()) DrawNoData(it.dl, it.rect, "\u2013");
    return out;
  }
  SparklineInto(it.dl, it.rect, values, color ? color : ImGui::ColorConvertFloat4ToU32(kAccent));
  if (it.hovered && !values.empty()) {
    const float t = (ImGui::GetIO().MousePos.x - it.rect.Min.x) / std::max(1.0f, it.rect.GetWidth());
    const int i = std::clamp(static_cast<int>(std::lround(t * static_cast<float>(values.size() - 1))), 0,
                             static_cast<int>(values.size()) - 1);
    out.index = i, out.value = values[static_cast<size_t>(i)];
    ImGui::SetTooltip("#%d: %s", i + 1, ExactValue(out.value, nullptr).c_str());
  }
  return out;
}

}  // namespace loupe::ui
