#include "ui/graph.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>
#include <unordered_map>

#include "ui/axis.h"
#include "ui/theme.h"

namespace loupe::ui {
namespace {

double NowMicros() {
  return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// a + (b − a)·t per RGB channel (alpha from a).
ImU32 Mix(ImU32 a, ImU32 b, float t) {
  const ImVec4 x = ImGui::ColorConvertU32ToFloat4(a), y = ImGui::ColorConvertU32ToFloat4(b);
  return ImGui::ColorConvertFloat4ToU32(ImVec4(x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t, x.z + (y.z - x.z) * t, x.w));
}

ImU32 WithAlpha(ImU32 c, float a) {
  const auto alpha = static_cast<ImU32>(std::clamp(a, 0.0f, 1.0f) * static_cast<float>((c >> IM_COL32_A_SHIFT) & 0xFF));
  return (c & ~IM_COL32_A_MASK) | (alpha << IM_COL32_A_SHIFT);
}

// Unit circle points for a disc of n segments (cached: n takes a handful of values).
const std::vector<ImVec2>& Circle(int n) {
  static std::vector<std::vector<ImVec2>> cache(64);
  auto& c = cache[static_cast<size_t>(n)];
  if (c.empty()) {
    for (int i = 0; i < n; ++i) {
      const float a = 2.0f * IM_PI * static_cast<float>(i) / static_cast<float>(n);
      c.emplace_back(std::cos(a), std::sin(a));
    }
  }
  return c;
}

}  // namespace

NetworkGraph::NetworkGraph(NetworkGraphOptions options) : options_(options), layout_(options.layout) {}
NetworkGraph::~NetworkGraph() = default;

int NetworkGraph::DiscSegments(float radius) { return radius < 5.0f ? 10 : radius < 10.0f ? 14 : 20; }

int NetworkGraph::FindNode(const std::string& id) const {
  for (size_t i = 0; i < nodes_.size(); ++i) {
    if (nodes_[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

void NetworkGraph::SetGraph(std::span<const GraphNode> nodes, std::span<const GraphEdge> edges, uint64_t seed) {
  std::unordered_map<std::string, ImVec2> previous;
  const auto old_positions = layout_.Positions();
  for (size_t i = 0; i < nodes_.size() && i < old_positions.size(); ++i) previous.emplace(nodes_[i].id, old_positions[i]);
  const std::string selected_id = selected_ >= 0 ? nodes_[static_cast<size_t>(selected_)].id : std::string();

  nodes_.clear();
  std::unordered_map<std::string, int> index;
  for (const GraphNode& n : nodes) {
    if (!index.emplace(n.id, static_cast<int>(nodes_.size())).second) continue;
    nodes_.push_back(n);
  }
  edges_.clear();
  dropped_edges_ = 0;
  for (const GraphEdge& e : edges) {
    const auto a = index.find(e.source), b = index.find(e.target);
    if (a == index.end() || b == index.end() || a->second == b->second) {
      ++dropped_edges_;
      continue;
    }
    const double w = std::isfinite(e.weight) ? std::clamp(e.weight, 0.0, 1.0) : 0.0;
    edges_.push_back({a->second, b->second, static_cast<float>(std::max(0.01, w))});
  }
  const int n = static_cast<int>(nodes_.size());
  std::vector<ImVec2> initial(static_cast<size_t>(n), ImVec2(NAN, NAN));
  for (int i = 0; i < n; ++i) {
    const auto it = previous.find(nodes_[static_cast<size_t>(i)].id);
    if (it != previous.end()) initial[static_cast<size_t>(i)] = it->second;
  }
  layout_.Reset(n, edges_, seed, initial);

  adjacency_offsets_.assign(static_cast<size_t>(n) + 1, 0);
  for (const LayoutEdge& e : edges_) ++adjacency_offsets_[static_cast<size_t>(e.a) + 1], ++adjacency_offsets_[static_cast<size_t>(e.b) + 1];
  for (int i = 0; i < n; ++i) adjacency_offsets_[static_cast<size_t>(i) + 1] += adjacency_offsets_[static_cast<size_t>(i)];
  adjacency_.assign(edges_.size() * 2, 0);
  std::vector<int> fill(adjacency_offsets_.begin(), adjacency_offsets_.end() - 1);
  for (int e = 0; e < static_cast<int>(edges_.size()); ++e) {
    adjacency_[static_cast<size_t>(fill[static_cast<size_t>(edges_[static_cast<size_t>(e)].a)]++)] = e;
    adjacency_[static_cast<size_t>(fill[static_cast<size_t>(edges_[static_cast<size_t>(e)].b)]++)] = e;
  }
  by_weight_.resize(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) by_weight_[static_cast<size_t>(i)] = i;
  std::stable_sort(by_weight_.begin(), by_weight_.end(), [&](int a, int b) {
    return nodes_[static_cast<size_t>(a)].weight > nodes_[static_cast<size_t>(b)].weight;
  });
  selected_ = selected_id.empty() ? -1 : index.count(selected_id) ? index[selected_id] : -1;
  screen_.assign(static_cast<size_t>(n), ImVec2(0, 0));
  RebuildStyle();
  positions_dirty_ = true;
}

void NetworkGraph::SetGpu(std::unique_ptr<GraphGpu> gpu) {
  gpu_ = std::move(gpu);
  gpu_dirty_ = positions_dirty_ = true;
}

void NetworkGraph::RebuildStyle() {
  style_dark_ = StyleIsDark();
  double max_weight = 0.0;
  for (const GraphNode& node : nodes_) {
    if (std::isfinite(node.weight)) max_weight = std::max(max_weight, node.weight);
  }
  node_radii_.resize(nodes_.size());
  node_colors_.resize(nodes_.size());
  for (size_t i = 0; i < nodes_.size(); ++i) {
    const double w = std::isfinite(nodes_[i].weight) ? std::max(0.0, nodes_[i].weight) : 0.0;
    const float t = max_weight > 0.0 ? static_cast<float>(std::sqrt(w / max_weight)) : 0.5f;
    node_radii_[i] = options_.min_radius + (options_.max_radius - options_.min_radius) * t;
    node_colors_[i] = CategoricalColor(nodes_[i].group);
  }
  const ImU32 base = style_dark_ ? IM_COL32(0xB8, 0xC0, 0xCC, 255) : IM_COL32(0x50, 0x58, 0x66, 255);
  edge_widths_.resize(edges_.size());
  edge_colors_.resize(edges_.size());
  // Thousands of overlapping edges would fog the picture at full opacity: fainter when many.
  const float density = std::clamp(std::sqrt(1500.0f / static_cast<float>(std::max<size_t>(1, edges_.size()))), 0.35f, 1.0f);
  for (size_t e = 0; e < edges_.size(); ++e) {
    const float w = edges_[e].weight;
    // Whole pixels: the draw-list path anti-aliases with ImGui's baked line textures (1..3 px).
    edge_widths_[e] = std::round(1.0f + 2.0f * w);
    edge_colors_[e] = WithAlpha(base, (0.10f + 0.45f * w) * density);
  }
  gpu_dirty_ = true;
}

void NetworkGraph::Select(int node) { selected_ = node >= 0 && node < NodeCount() ? node : -1; }

bool NetworkGraph::Step() {
  const bool moved = layout_.Step();
  positions_dirty_ = positions_dirty_ || moved;
  return moved;
}

ImVec2 NetworkGraph::ScreenPosition(int node) const { return screen_[static_cast<size_t>(node)]; }
float NetworkGraph::ScreenRadius(int node) const { return node_radii_[static_cast<size_t>(node)] * view_.radius_scale; }

void NetworkGraph::UpdateView(const ImRect& rect, bool hovered, bool active) {
  ImGuiIO& io = ImGui::GetIO();
  const auto pos = layout_.Positions();
  float x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
  for (const ImVec2& p : pos) x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
  const float margin = options_.max_radius + 4.0f;
  const float w = std::max(1.0f, rect.GetWidth() - 2.0f * margin), h = std::max(1.0f, rect.GetHeight() - 2.0f * margin);
  fit_scale_ = pos.empty() ? 1.0f : std::min(w / std::max(x1 - x0, 1e-3f), h / std::max(y1 - y0, 1e-3f));
  fit_scale_ = std::clamp(fit_scale_, 1e-4f, 1e4f);
  if (!user_view_) {
    zoom_scale_ = fit_scale_;
    world_center_ = pos.empty() ? ImVec2(0, 0) : ImVec2((x0 + x1) * 0.5f, (y0 + y1) * 0.5f);
  }
  const ImVec2 c = rect.GetCenter();
  if (hovered && io.MouseWheel != 0.0f) {
    const ImVec2 m = io.MousePos;
    const ImVec2 world(world_center_.x + (m.x - c.x) / zoom_scale_, world_center_.y + (m.y - c.y) / zoom_scale_);
    zoom_scale_ = std::clamp(zoom_scale_ * std::pow(1.2f, io.MouseWheel), fit_scale_ * 0.2f, fit_scale_ * 50.0f);
    world_center_ = ImVec2(world.x - (m.x - c.x) / zoom_scale_, world.y - (m.y - c.y) / zoom_scale_);
    user_view_ = true;
  }
  if (active && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
    world_center_.x -= io.MouseDelta.x / zoom_scale_;
    world_center_.y -= io.MouseDelta.y / zoom_scale_;
    user_view_ = dragged_ = true;
  }
  if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) FitView();
  view_.rect = rect;
  view_.scale = zoom_scale_;
  view_.offset = ImVec2(c.x - world_center_.x * zoom_scale_, c.y - world_center_.y * zoom_scale_);
  view_.radius_scale = std::clamp(std::sqrt(zoom_scale_ / fit_scale_), 0.75f, 2.5f);
  for (size_t i = 0; i < pos.size(); ++i) {
    screen_[i] = ImVec2(pos[i].x * view_.scale + view_.offset.x, pos[i].y * view_.scale + view_.offset.y);
  }
}

void NetworkGraph::DrawEdges(ImDrawList* dl, int focus) {
  const ImRect& r = view_.rect;
  auto outside = [&](const ImVec2& a, const ImVec2& b) {
    return (a.x < r.Min.x && b.x < r.Min.x) || (a.x > r.Max.x && b.x > r.Max.x) || (a.y < r.Min.y && b.y < r.Min.y) ||
           (a.y > r.Max.y && b.y > r.Max.y);
  };
  int visible = 0;
  for (const LayoutEdge& e : edges_) {
    visible += outside(screen_[static_cast<size_t>(e.a)], screen_[static_cast<size_t>(e.b)]) ? 0 : 1;
  }
  if (visible == 0) return;
  const bool tex = (dl->Flags & ImDrawListFlags_AntiAliasedLinesUseTex) && dl->_Data->TexUvLines != nullptr &&
                   !(dl->_Data->Font && (dl->_Data->Font->ContainerAtlas->Flags & ImFontAtlasFlags_NoBakedLines));
  const ImVec2 white = dl->_Data->TexUvWhitePixel;
  dl->PrimReserve(visible * 6, visible * 4);
  ImDrawVert* v = dl->_VtxWritePtr;
  ImDrawIdx* idx = dl->_IdxWritePtr;
  auto base = static_cast<ImDrawIdx>(dl->_VtxCurrentIdx);
  for (size_t e = 0; e < edges_.size(); ++e) {
    const ImVec2 a = screen_[static_cast<size_t>(edges_[e].a)], b = screen_[static_cast<size_t>(edges_[e].b)];
    if (outside(a, b)) continue;
    float dx = b.x - a.x, dy = b.y - a.y;
    const float len2 = dx * dx + dy * dy;
    if (len2 > 0.0f) {
      const float inv = 1.0f / std::sqrt(len2);
      dx *= inv, dy *= inv;
    } else {
      dx = 1.0f, dy = 0.0f;
    }
    const float width = edge_widths_[e];
    const int iw = std::clamp(static_cast<int>(width), 1, IM_DRAWLIST_TEX_LINES_WIDTH_MAX - 1);
    const float half = tex ? width * 0.5f + 1.0f : width * 0.5f;
    const ImVec2 n(-dy * half, dx * half);
    ImVec2 uv0 = white, uv1 = white;
    if (tex) {
      const ImVec4 t = dl->_Data->TexUvLines[iw];
      uv0 = ImVec2(t.x, t.y), uv1 = ImVec2(t.z, t.w);
    }
    ImU32 col = edge_colors_[e];
    if (focus >= 0) col = WithAlpha(col, view_.dim);
    v[0].pos = ImVec2(a.x + n.x, a.y + n.y), v[0].uv = uv0, v[0].col = col;
    v[1].pos = ImVec2(a.x - n.x, a.y - n.y), v[1].uv = uv1, v[1].col = col;
    v[2].pos = ImVec2(b.x + n.x, b.y + n.y), v[2].uv = uv0, v[2].col = col;
    v[3].pos = ImVec2(b.x - n.x, b.y - n.y), v[3].uv = uv1, v[3].col = col;
    idx[0] = base, idx[1] = static_cast<ImDrawIdx>(base + 1), idx[2] = static_cast<ImDrawIdx>(base + 2);
    idx[3] = static_cast<ImDrawIdx>(base + 1), idx[4] = static_cast<ImDrawIdx>(base + 3), idx[5] = static_cast<ImDrawIdx>(base + 2);
    v += 4, idx += 6, base = static_cast<ImDrawIdx>(base + 4);
  }
  dl->_VtxWritePtr = v;
  dl->_IdxWritePtr = idx;
  dl->_VtxCurrentIdx = base;
}

void NetworkGraph::DrawNodes(ImDrawList* dl) {
  const ImVec2 white = dl->_Data->TexUvWhitePixel;
  const ImRect& r = view_.rect;
  int vtx = 0, idx_count = 0;
  for (size_t i = 0; i < nodes_.size(); ++i) {
    const float rad = node_radii_[i] * view_.radius_scale;
    if (!r.Overlaps(ImRect(screen_[i].x - rad, screen_[i].y - rad, screen_[i].x + rad, screen_[i].y + rad))) continue;
    const int n = DiscSegments(rad);
    vtx += 3 * n, idx_count += (n - 2) * 3 + n * 12;
  }
  if (vtx == 0) return;
  dl->PrimReserve(idx_count, vtx);
  for (size_t i = 0; i < nodes_.size(); ++i) {
    const float rad = node_radii_[i] * view_.radius_scale;
    const ImVec2 c = screen_[i];
    if (!r.Overlaps(ImRect(c.x - rad, c.y - rad, c.x + rad, c.y + rad))) continue;
    const int n = DiscSegments(rad);
    const std::vector<ImVec2>& unit = Circle(n);
    const ImU32 col = node_colors_[i];
    const ImU32 rim = (Mix(col, view_.outline, 0.7f) & ~IM_COL32_A_MASK) | (col & IM_COL32_A_MASK);
    const ImU32 fringe = rim & ~IM_COL32_A_MASK;
    const auto base = static_cast<ImDrawIdx>(dl->_VtxCurrentIdx);
    // Three rings: the fill up to radius − 1.5, a rim in the background's colour (overlapping
    // nodes stay apart) to − 0.5, and a transparent fringe at + 0.5 (one pixel of anti-aliasing).
    const float radii[3] = {std::max(0.0f, rad - 1.5f), std::max(0.0f, rad - 0.5f), rad + 0.5f};
    const ImU32 colors[3] = {col, rim, fringe};
    for (int k = 0; k < n; ++k) {
      const ImVec2 u = unit[static_cast<size_t>(k)];
      for (int ring = 0; ring < 3; ++ring) {
        dl->_VtxWritePtr[ring].pos = ImVec2(c.x + u.x * radii[ring], c.y + u.y * radii[ring]);
        dl->_VtxWritePtr[ring].uv = white, dl->_VtxWritePtr[ring].col = colors[ring];
      }
      dl->_VtxWritePtr += 3;
    }
    ImDrawIdx* w = dl->_IdxWritePtr;
    for (int k = 2; k < n; ++k) {
      *w++ = base, *w++ = static_cast<ImDrawIdx>(base + 3 * (k - 1)), *w++ = static_cast<ImDrawIdx>(base + 3 * k);
    }
    for (int ring = 0; ring < 2; ++ring) {
      for (int k = 0; k < n; ++k) {
        const int j = (k + 1) % n;
        const auto ik = static_cast<ImDrawIdx>(base + 3 * k + ring), ij = static_cast<ImDrawIdx>(base + 3 * j + ring);
        *w++ = ik, *w++ = ij, *w++ = static_cast<ImDrawIdx>(ij + 1);
        *w++ = static_cast<ImDrawIdx>(ij + 1), *w++ = static_cast<ImDrawIdx>(ik + 1), *w++ = ik;
      }
    }
    dl->_IdxWritePtr = w;
    dl->_VtxCurrentIdx += static_cast<unsigned>(3 * n);
  }
}

void NetworkGraph::DrawFocus(ImDrawList* dl, int focus) {
  if (focus < 0) return;
  for (int k = adjacency_offsets_[static_cast<size_t>(focus)]; k < adjacency_offsets_[static_cast<size_t>(focus) + 1]; ++k) {
    const LayoutEdge& e = edges_[static_cast<size_t>(adjacency_[static_cast<size_t>(k)])];
    dl->AddLine(screen_[static_cast<size_t>(e.a)], screen_[static_cast<size_t>(e.b)], view_.highlight,
                edge_widths_[static_cast<size_t>(adjacency_[static_cast<size_t>(k)])] + 0.5f);
  }
  for (int k = adjacency_offsets_[static_cast<size_t>(focus)]; k < adjacency_offsets_[static_cast<size_t>(focus) + 1]; ++k) {
    const LayoutEdge& e = edges_[static_cast<size_t>(adjacency_[static_cast<size_t>(k)])];
    const int other = e.a == focus ? e.b : e.a;
    dl->AddCircleFilled(screen_[static_cast<size_t>(other)], ScreenRadius(other), node_colors_[static_cast<size_t>(other)]);
  }
  const ImVec2 c = screen_[static_cast<size_t>(focus)];
  const float rad = ScreenRadius(focus);
  dl->AddCircleFilled(c, rad, node_colors_[static_cast<size_t>(focus)]);
  dl->AddCircle(c, rad + 2.5f, ImGui::GetColorU32(ImGuiCol_Text), 0, 2.0f);
}

void NetworkGraph::DrawLabels(ImDrawList* dl, int focus) {
  if (!options_.labels || nodes_.empty()) return;
  const float fs = ImGui::GetFontSize();
  std::vector<ImRect> placed;
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 back = WithAlpha(ImGui::GetColorU32(ImGuiCol_WindowBg), 0.75f);
  const ImVec4 clip(view_.rect.Min.x, view_.rect.Min.y, view_.rect.Max.x, view_.rect.Max.y);
  auto place = [&](int i, bool force) {
    const std::string& s = nodes_[static_cast<size_t>(i)].label.empty() ? nodes_[static_cast<size_t>(i)].id
                                                                         : nodes_[static_cast<size_t>(i)].label;
    if (s.empty()) return;
    const ImVec2 size = ImGui::CalcTextSize(s.c_str());
    const ImVec2 c = screen_[static_cast<size_t>(i)];
    const float rad = ScreenRadius(i);
    const ImRect box(c.x + rad + 3.0f, c.y - size.y * 0.5f - 1.0f, c.x + rad + 7.0f + size.x, c.y + size.y * 0.5f + 1.0f);
    if (!view_.rect.Contains(box) && !force) return;
    for (const ImRect& p : placed) {
      if (p.Overlaps(box) && !force) return;
    }
    placed.push_back(box);
    if (view_.rect.Contains(box)) dl->AddRectFilled(box.Min, box.Max, back, 3.0f);
    dl->AddText(ImGui::GetFont(), fs, ImVec2(box.Min.x + 2.0f, box.Min.y + 1.0f), text, s.c_str(), nullptr, 0.0f, &clip);
  };
  int budget = options_.max_labels;
  if (focus >= 0) {
    place(focus, true);
    for (int k = adjacency_offsets_[static_cast<size_t>(focus)];
         k < adjacency_offsets_[static_cast<size_t>(focus) + 1] && budget > 0; ++k, --budget) {
      const LayoutEdge& e = edges_[static_cast<size_t>(adjacency_[static_cast<size_t>(k)])];
      place(e.a == focus ? e.b : e.a, false);
    }
    return;
  }
  for (int i : by_weight_) {
    if (budget-- <= 0) break;
    if (ScreenRadius(i) < 5.0f) break;
    place(i, false);
  }
}

void NetworkGraph::Tooltip(int node) const {
  const GraphNode& n = nodes_[static_cast<size_t>(node)];
  ImGui::BeginTooltip();
  ImGui::TextUnformatted((n.label.empty() ? n.id : n.label).c_str());
  if (!n.label.empty() && n.label != n.id) ImGui::TextDisabled("%s", n.id.c_str());
  const int degree = adjacency_offsets_[static_cast<size_t>(node) + 1] - adjacency_offsets_[static_cast<size_t>(node)];
  ImGui::Text("weight %s \u00B7 %d connection%s", FormatNumber(n.weight, NumberFormat::kPlain).c_str(), degree,
              degree == 1 ? "" : "s");
  // The strongest three connections.
  std::vector<int> links(adjacency_.begin() + adjacency_offsets_[static_cast<size_t>(node)],
                         adjacency_.begin() + adjacency_offsets_[static_cast<size_t>(node) + 1]);
  std::partial_sort(links.begin(), links.begin() + std::min<ptrdiff_t>(3, static_cast<ptrdiff_t>(links.size())), links.end(),
                    [&](int a, int b) { return edges_[static_cast<size_t>(a)].weight > edges_[static_cast<size_t>(b)].weight; });
  for (size_t k = 0; k < links.size() && k < 3; ++k) {
    const LayoutEdge& e = edges_[static_cast<size_t>(links[k])];
    const GraphNode& other = nodes_[static_cast<size_t>(e.a == node ? e.b : e.a)];
    ImGui::TextDisabled("  %s  %s", (other.label.empty() ? other.id : other.label).c_str(),
                        FormatNumber(e.weight, NumberFormat::kPlain).c_str());
  }
  ImGui::EndTooltip();
}

GraphHover NetworkGraph::Draw(const char* id, ImVec2 size) {
  GraphHover out;
  const double t0 = NowMicros();
  if (!layout_.Settled()) {
    for (int s = 0; s < std::max(1, options_.steps_per_frame); ++s) Step();
  }
  const double t1 = NowMicros();
  last_step_micros_ = t1 - t0;

  const float fs = ImGui::GetFontSize();
  size = ImGui::CalcItemSize(size, ImGui::GetContentRegionAvail().x, fs * 20.0f);
  size.x = std::max(1.0f, std::floor(size.x)), size.y = std::max(1.0f, std::floor(size.y));
  ImGui::InvisibleButton(id, size, ImGuiButtonFlags_MouseButtonLeft);
  const bool hovered = ImGui::IsItemHovered(), active = ImGui::IsItemActive();
  if (hovered) ImGui::SetItemUsingMouseWheel();
  if (ImGui::IsItemActivated()) dragged_ = false;
  const bool released = ImGui::IsItemDeactivated();
  const ImRect rect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  out.hovered = hovered;
  if (!ImGui::IsItemVisible()) {
    last_draw_micros_ = NowMicros() - t1;
    return out;
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(rect.Min, rect.Max, true);
  if (nodes_.empty()) {
    const char* text = "No collaboration in this window";
    const ImVec2 ts = ImGui::CalcTextSize(text);
    const ImVec4 clip(rect.Min.x, rect.Min.y, rect.Max.x, rect.Max.y);
    dl->AddText(ImGui::GetFont(), fs, ImVec2(std::max(rect.Min.x, rect.GetCenter().x - ts.x * 0.5f), rect.GetCenter().y - fs * 0.5f),
                ImGui::GetColorU32(ImGuiCol_TextDisabled), text, nullptr, 0.0f, &clip);
    dl->PopClipRect();
    last_draw_micros_ = NowMicros() - t1;
    return out;
  }
  if (StyleIsDark() != style_dark_) RebuildStyle();
  UpdateView(rect, hovered, active);

  // The node under the mouse: the nearest within its radius (+3 px of slack).
  if (hovered && !(active && dragged_)) {
    const ImVec2 m = ImGui::GetIO().MousePos;
    float best = INFINITY;
    for (int i = 0; i < NodeCount(); ++i) {
      const float dx = screen_[static_cast<size_t>(i)].x - m.x, dy = screen_[static_cast<size_t>(i)].y - m.y;
      const float d2 = dx * dx + dy * dy, reach = ScreenRadius(i) + 3.0f;
      if (d2 <= reach * reach && d2 < best) best = d2, out.node = i;
    }
  }
  if (released && hovered && !dragged_) {
    out.clicked = out.node;
    const int before = selected_;
    selected_ = out.node == selected_ ? -1 : out.node;
    out.selection_changed = before != selected_;
  }
  const int focus = out.node >= 0 ? out.node : selected_;
  view_.focus = focus;
  view_.dim = 0.35f;
  view_.highlight = ImGui::ColorConvertFloat4ToU32(kAccent);
  view_.outline = ImGui::GetColorU32(ImGuiCol_WindowBg);

  bool drawn = false;
  if (gpu_) {
    if (gpu_dirty_) {
      gpu_->SetBuffers({edges_, edge_widths_, edge_colors_, node_radii_, node_colors_});
      gpu_dirty_ = false;
      positions_dirty_ = true;
    }
    if (positions_dirty_) gpu_->SetPositions(layout_.Positions());
    positions_dirty_ = false;
    drawn = gpu_->Enqueue(dl, view_);
  }
  if (!drawn) {
    DrawEdges(dl, focus);
    DrawNodes(dl);
  }
  DrawFocus(dl, focus);
  DrawLabels(dl, focus);
  dl->PopClipRect();
  if (out.node >= 0) Tooltip(out.node);
  last_draw_micros_ = NowMicros() - t1;
  return out;
}

}  // namespace loupe::ui
