#include "app/pages.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/app.h"
#include "app/charts.h"
#include "app/format.h"
#include "imgui_internal.h"
#include "ui/theme.h"

namespace loupe::app {
namespace {

constexpr int kColumns = 12;
constexpr float kCellHeight = 84.0f;
constexpr float kGap = 12.0f;

constexpr const char* kPresetNames[][2] = {
    {"developer", "Developer"}, {"manager", "Engineering Manager"}, {"product", "Product Manager"},
    {"hr", "HR / People Ops"},  {"support", "Support"},             {"sales", "Sales"},
    {"admin", "Admin"},         {"custom", "Custom"},
};
constexpr const char* kRoles[] = {"admin", "manager", "developer", "hr", "support", "sales", "viewer"};

std::string PresetName(std::string_view id) {
  for (const auto& p : kPresetNames) {
    if (id == p[0]) return p[1];
  }
  return std::string(id);
}

std::vector<PlacedWidget> PlacedWidgets(const Reply& prefs) {
  std::vector<PlacedWidget> out;
  for (simdjson::dom::element e : Items(prefs.root, "widgets")) {
    PlacedWidget w;
    w.id = Str(e, "id");
    w.name = Str(e, "name", w.id);
    w.category = Str(e, "category");
    w.size = Str(e, "size");
    w.status = Str(e, "status", "available");
    w.needs = Str(e, "needs");
    w.x = static_cast<int>(Num(e, "x"));
    w.y = static_cast<int>(Num(e, "y"));
    w.w = std::max(1, static_cast<int>(Num(e, "w", 4)));
    w.h = std::max(1, static_cast<int>(Num(e, "h", 3)));
    w.accessible = Num(e, "accessible", 1) != 0;
    for (simdjson::dom::element s : Items(e, "sources")) w.sources.push_back(AsStr(s));
    out.push_back(std::move(w));
  }
  return out;
}

}  // namespace

Pages::Pages(App& app) : app_(app) {}
Pages::~Pages() = default;

// ---- numbers and the explain panel -------------------------------------------------------------

void Pages::Number(const char* label, const std::string& text, std::string_view metric, const std::string& context) {
  ImGui::PushID(label);
  ImGui::TextDisabled("%s", label);
  NumberButton(text, metric, context);
  ImGui::PopID();
}

void Pages::NumberButton(const std::string& text, std::string_view metric, const std::string& context, bool small) {
  ImGui::PushID(metric.data(), metric.data() + metric.size());
  ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::GetStyleColorVec4(ImGuiCol_FrameBgHovered));
  if (small ? ImGui::SmallButton(text.c_str()) : ImGui::Button(text.c_str())) Explain(metric, context);
  NoteNumber(metric);
  ImGui::PopStyleColor(2);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("What is this number? Click to explain.");
  ImGui::PopID();
}

void Pages::Explain(std::string_view metric, const std::string& context) {
  explain_metric_ = std::string(metric);
  explain_context_ = context;
  explain_focus_ = true;
}

void Pages::ExplainPanel() {
  if (explain_metric_.empty()) return;
  ImGuiIO& io = ImGui::GetIO();
  const float width = std::min(420.0f, io.DisplaySize.x * 0.4f);
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - width - 16, 16), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(width, 0), ImGuiCond_Always);
  bool open = true;
  if (explain_focus_) ImGui::SetNextWindowFocus();  // once: F6 may leave it for the page
  explain_focus_ = false;
  if (ImGui::Begin(kExplainWindow, &open, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                              ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_AlwaysAutoResize)) {
    std::string params = "{\"metric\":" + Quote(explain_metric_);
    const std::string window = app_.WindowParams();
    if (!window.empty()) params += "," + window;
    if (!explain_context_.empty()) params += "," + explain_context_;
    params += "}";
    const Reply& r = app_.bridge().Get("insights.explain", params);
    if (r.state == Reply::State::kLoading) {
      ImGui::TextDisabled("Loading the definition...");
    } else if (r.state == Reply::State::kError) {
      ImGui::TextWrapped("%s", r.error.c_str());
    } else {
      const auto root = r.root;
      if (ImGui::GetIO().Fonts->Fonts.Size > 2) ImGui::PushFont(ImGui::GetIO().Fonts->Fonts[2]);
      ImGui::TextWrapped("%s", Str(root, "label", explain_metric_).c_str());
      if (ImGui::GetIO().Fonts->Fonts.Size > 2) ImGui::PopFont();
      ImGui::TextDisabled("%s · %s · %s", Str(root, "category").c_str(), Str(root, "unit").c_str(),
                          Str(root, "key").c_str());
      ImGui::Separator();
      ImGui::PushTextWrapPos(width - 24);
      ImGui::TextUnformatted(Str(root, "definition").c_str());
      const auto window_el = Child(root, "window");
      ImGui::Spacing();
      ImGui::TextColored(ui::kAccent, "Window");
      ImGui::TextUnformatted(Str(window_el, "rule").c_str());
      if (Has(window_el, "from")) {
        ImGui::TextDisabled("%s to %s (%s)", Str(window_el, "from").c_str(), Str(window_el, "to").c_str(),
                            Str(window_el, "zone", "UTC").c_str());
      }
      const auto population = Child(root, "population");
      ImGui::Spacing();
      ImGui::TextColored(ui::kAccent, "Population");
      ImGui::TextUnformatted(Str(population, "rule").c_str());
      if (Has(population, "developers")) {
        const int n = static_cast<int>(Num(population, "developers"));
        ImGui::TextDisabled("%d %s", n, n == 1 ? "developer" : "developers");
      }
      for (simdjson::dom::element ex : Items(population, "excluded")) {
        WrappedBullet("excluded: " + Str(ex, "what") + " (" + FormatCount(Num(ex, "count")) + ")");
      }
      bool header = false;
      for (simdjson::dom::element ex : Items(root, "exclusions")) {
        if (!header) {
          ImGui::Spacing();
          ImGui::TextColored(ui::kAccent, "Not counted");
          header = true;
        }
        WrappedBullet(AsStr(ex));
      }
      if (Num(root, "differs_in_other_profile") != 0) {
        ImGui::Spacing();
        ImGui::TextColored(ui::kAccent, "Under the other profile");
        ImGui::TextUnformatted(Str(root, "other_profile").c_str());
      }
      ImGui::PopTextWrapPos();
    }
    ImGui::Spacing();
    if (ImGui::Button("Close") || ImGui::IsKeyPressed(27, false)) open = false;
  }
  ImGui::End();
  if (!open) {
    explain_metric_.clear();
    ImGui::SetWindowFocus(kContentWindow);  // back where the number was
  }
}

// ---- the dashboard -------------------------------------------------------------------------------

void Pages::DashboardHeader(const Reply& prefs) {
  const std::string preset = Str(prefs.root, "preset", "developer");
  const std::string role = Str(prefs.root, "role", "developer");
  ImGuiIO& io = ImGui::GetIO();
  if (io.Fonts->Fonts.Size > 1) ImGui::PushFont(io.Fonts->Fonts[1]);
  ImGui::Text("%s dashboard", PresetName(preset).c_str());
  if (io.Fonts->Fonts.Size > 1) ImGui::PopFont();

  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Preset");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(220);
  if (ImGui::BeginCombo("##preset", PresetName(preset).c_str())) {
    for (simdjson::dom::element p : Items(prefs.root, "presets")) {
      const std::string id = AsStr(p);
      if (ImGui::Selectable(PresetName(id).c_str(), id == preset)) {
        app_.Mutate("dashboard.switchPreset", "{\"preset\":" + Quote(id) + "}");
      }
    }
    ImGui::EndCombo();
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Each preset keeps its own layout: switching back restores it.");
  ImGui::SameLine(0, 24);
  ImGui::TextUnformatted("Role");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(140);
  if (ImGui::BeginCombo("##role", role.c_str())) {
    for (const char* r : kRoles) {
      if (ImGui::Selectable(r, role == r)) app_.Mutate("dashboard.setRole", "{\"role\":" + Quote(r) + "}");
    }
    ImGui::EndCombo();
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("What your role may see: individual developers or team-level figures only.");
  ImGui::SameLine(0, 24);
  if (ImGui::Button("Widgets...")) ImGui::OpenPopup("widgets");
  ImGui::SameLine();
  if (ImGui::Button("Reset to preset")) ImGui::OpenPopup("reset");
  if (ImGui::BeginPopup("reset")) {
    ImGui::Text("Put the %s preset's widgets, sizes and layout back?", PresetName(preset).c_str());
    if (ImGui::Button("Reset")) {
      app_.Mutate("dashboard.resetPreset", "{}");
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Keep mine")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  // Widgets of the preset the role may not see: say which, and what would show them.
  std::string restricted;
  int restricted_count = 0;
  for (simdjson::dom::element r : Items(prefs.root, "restricted")) {
    restricted += (restricted.empty() ? "" : ", ") + WidgetName(AsStr(r));
    ++restricted_count;
  }
  if (restricted_count > 0) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%d of this preset's widgets are not for the %s role: %s. Choose another role to see them.",
                       restricted_count, role.c_str(), restricted.c_str());
    ImGui::PopStyleColor();
  }
  if (ImGui::BeginPopup("widgets")) {
    ImGui::TextDisabled("Shown");
    for (simdjson::dom::element w : Items(prefs.root, "widgets")) {
      const std::string id = Str(w, "id");
      bool on = true;
      if (ImGui::Checkbox((Str(w, "name", id) + "##show-" + id).c_str(), &on)) {
        app_.Mutate("dashboard.hideWidget", "{\"widget\":" + Quote(id) + "}");
      }
    }
    ImGui::Separator();
    ImGui::TextDisabled("Hidden");
    for (simdjson::dom::element h : Items(prefs.root, "hidden")) {
      const std::string id = h.is_string() ? AsStr(h) : Str(h, "id");
      const std::string name = h.is_string() ? WidgetName(id) : Str(h, "name", id);
      bool on = false;
      if (ImGui::Checkbox((name + "##show-" + id).c_str(), &on)) {
        app_.Mutate("dashboard.showWidget", "{\"widget\":" + Quote(id) + "}");
      }
    }
    ImGui::EndPopup();
  }
}

std::string Pages::WidgetName(const std::string& id) {
  // The registry (dashboard.widgets) never changes: read once into a map.
  if (widget_names_.empty()) {
    const Reply& registry = app_.bridge().Get("dashboard.widgets", "{}");
    for (simdjson::dom::element w : Items(registry.root, "widgets")) widget_names_.emplace(Str(w, "id"), Str(w, "name"));
  }
  const auto it = widget_names_.find(id);
  return it != widget_names_.end() ? it->second : id;
}

void Pages::Dashboard() {
  const Reply* prefs = app_.Preferences();
  if (!prefs) {
    const Reply& r = app_.bridge().Get("dashboard.preferences", "{}");
    Ready(r, "your dashboard");
    return;
  }
  DashboardHeader(*prefs);
  ImGui::Spacing();

  const std::vector<PlacedWidget> widgets = PlacedWidgets(*prefs);
  const float width = ImGui::GetContentRegionAvail().x;
  const float cell_w = (width - kGap * (kColumns - 1)) / kColumns;
  const ImVec2 origin = ImGui::GetCursorPos();
  int rows = 0;
  for (const PlacedWidget& w : widgets) rows = std::max(rows, w.y + w.h);
  for (const PlacedWidget& w : widgets) Widget(w, origin, cell_w, kCellHeight, kGap);

  // The grid's extent, so the content window scrolls to the last row (and one more while dragging).
  const int extra = drag_ ? 4 : 0;
  ImGui::SetCursorPos(ImVec2(origin.x, origin.y + (rows + extra) * (kCellHeight + kGap)));
  ImGui::Dummy(ImVec2(1, 1));

  // A drag in progress: the snapped preview, then the engine places it (pushing others down).
  if (drag_) {
    const ImVec2 screen = ImGui::GetWindowPos();
    const float sx = ImGui::GetScrollX(), sy = ImGui::GetScrollY();
    if (ImGui::IsMousePosValid()) drag_->last_mouse = ImGui::GetIO().MousePos;
    const ImVec2 delta = ImVec2(drag_->last_mouse.x - drag_->start_mouse.x, drag_->last_mouse.y - drag_->start_mouse.y);
    const int dx = static_cast<int>(std::lround(delta.x / (cell_w + kGap)));
    const int dy = static_cast<int>(std::lround(delta.y / (kCellHeight + kGap)));
    if (drag_->resize) {
      drag_->w = std::clamp(drag_->original.w + dx, 1, kColumns - drag_->original.x);
      drag_->h = std::clamp(drag_->original.h + dy, 1, 12);
    } else {
      drag_->x = std::clamp(drag_->original.x + dx, 0, kColumns - drag_->original.w);
      drag_->y = std::max(0, drag_->original.y + dy);
    }
    const ImVec2 a(screen.x + origin.x - sx + drag_->x * (cell_w + kGap),
                   screen.y + origin.y - sy + drag_->y * (kCellHeight + kGap));
    const ImVec2 b(a.x + drag_->w * (cell_w + kGap) - kGap, a.y + drag_->h * (kCellHeight + kGap) - kGap);
    ImDrawList* fg = ImGui::GetForegroundDrawList();
    fg->AddRectFilled(a, b, IM_COL32(80, 140, 255, 40), 8.0f);
    fg->AddRect(a, b, IM_COL32(80, 140, 255, 220), 8.0f, 0, 2.0f);
    if (!ImGui::IsMouseDown(0)) {
      const Drag done = *drag_;
      drag_.reset();
      if (done.resize && (done.w != done.original.w || done.h != done.original.h)) {
        app_.Mutate("dashboard.resizeWidget", "{\"widget\":" + Quote(done.id) + ",\"w\":" + std::to_string(done.w) +
                                                   ",\"h\":" + std::to_string(done.h) + "}");
      } else if (!done.resize && (done.x != done.original.x || done.y != done.original.y)) {
        app_.Mutate("dashboard.moveWidget", "{\"widget\":" + Quote(done.id) + ",\"x\":" + std::to_string(done.x) +
                                                 ",\"y\":" + std::to_string(done.y) + "}");
      }
    }
    app_.WantFrames(1);
  }
}

void Pages::Widget(const PlacedWidget& widget, ImVec2 origin, float cell_w, float cell_h, float gap) {
  const ImVec2 pos(origin.x + widget.x * (cell_w + gap), origin.y + widget.y * (cell_h + gap));
  const ImVec2 size(widget.w * (cell_w + gap) - gap, widget.h * (cell_h + gap) - gap);
  ImGui::SetCursorPos(pos);
  ImGui::PushID(widget.id.c_str());
  ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 8.0f);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ui::kPanel);
  ImGui::BeginChild("##widget", size, true, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                                                ImGuiWindowFlags_NavFlattened);
  const ImVec2 win_min = ImGui::GetWindowPos();
  drawn_.push_back({widget.id, win_min, ImVec2(win_min.x + size.x, win_min.y + size.y), widget.status != "available"});

  // Title row: drag it to move the widget; the menu changes its size or hides it.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float title_h = ImGui::GetFrameHeight();
  const float menu_w = ImGui::CalcTextSize("...").x + style.FramePadding.x * 2;
  ImGui::SetCursorPos(ImVec2(style.WindowPadding.x, style.WindowPadding.y * 0.5f));
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(widget.name.c_str());
  ImGui::SameLine(size.x - style.WindowPadding.x - menu_w);
  if (ImGui::Button("...")) ImGui::OpenPopup("menu");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Size, move, hide");
  if (ImGui::BeginPopup("menu")) {
    ImGui::TextDisabled("Size");
    for (const char* s : {"small", "medium", "large", "full"}) {
      if (ImGui::MenuItem(s, nullptr, widget.size == s)) {
        app_.Mutate("dashboard.setWidgetSize", "{\"widget\":" + Quote(widget.id) + ",\"size\":" + Quote(s) + "}");
      }
    }
    ImGui::Separator();
    // Moving without a mouse: one cell at a time (the engine pushes what is in the way down).
    const auto move = [&](int x, int y) {
      app_.Mutate("dashboard.moveWidget", "{\"widget\":" + Quote(widget.id) + ",\"x\":" + std::to_string(x) +
                                               ",\"y\":" + std::to_string(y) + "}");
    };
    if (ImGui::MenuItem("Move left", nullptr, false, widget.x > 0)) move(widget.x - 1, widget.y);
    if (ImGui::MenuItem("Move right", nullptr, false, widget.x + widget.w < kColumns)) move(widget.x + 1, widget.y);
    if (ImGui::MenuItem("Move up", nullptr, false, widget.y > 0)) move(widget.x, widget.y - 1);
    if (ImGui::MenuItem("Move down")) move(widget.x, widget.y + 1);
    ImGui::Separator();
    if (ImGui::MenuItem("Hide")) app_.Mutate("dashboard.hideWidget", "{\"widget\":" + Quote(widget.id) + "}");
    ImGui::EndPopup();
  }
  // The move handle covers the title row up to the menu button.
  ImGui::SetCursorPos(ImVec2(0, 0));
  ImGui::PushItemFlag(ImGuiItemFlags_NoNav, true);  // the mouse's; the menu moves from the keyboard
  ImGui::InvisibleButton("##move", ImVec2(size.x - menu_w - style.WindowPadding.x * 1.5f, title_h + style.WindowPadding.y * 0.5f));
  ImGui::PopItemFlag();
  if (ImGui::IsItemHovered() || ImGui::IsItemActive()) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeAll);
  if (ImGui::IsItemActive() && !drag_ && ImGui::IsMouseDragging(0, 4.0f)) StartDrag(widget, /*resize=*/false);
  const float body_top = style.WindowPadding.y * 0.5f + title_h + style.ItemSpacing.y;
  ImGui::SetCursorPos(ImVec2(style.WindowPadding.x, body_top));

  const ImVec2 body(size.x - 2 * style.WindowPadding.x, size.y - body_top - style.WindowPadding.y);
  if (!widget.accessible) {
    ImGui::TextDisabled("Your role does not include this widget.");
  } else if (widget.status != "available") {
    EmptyState(widget);
  } else {
    ImGui::BeginChild("##body", body, false, ImGuiWindowFlags_NavFlattened);
    WidgetBody(widget, ImGui::GetContentRegionAvail());
    ImGui::EndChild();
  }

  // Resize grip in the bottom-right corner.
  const float grip = 14.0f;
  ImGui::SetCursorPos(ImVec2(size.x - grip - 2, size.y - grip - 2));
  ImGui::PushItemFlag(ImGuiItemFlags_NoNav, true);  // the mouse's; the menu sizes from the keyboard
  ImGui::InvisibleButton("##resize", ImVec2(grip, grip));
  ImGui::PopItemFlag();
  const ImVec2 g0 = ImGui::GetItemRectMin(), g1 = ImGui::GetItemRectMax();
  const bool grip_hot = ImGui::IsItemHovered() || ImGui::IsItemActive();
  ImGui::GetWindowDrawList()->AddTriangleFilled(ImVec2(g1.x, g0.y), g1, ImVec2(g0.x, g1.y),
                                                grip_hot ? IM_COL32(120, 170, 255, 255) : IM_COL32(120, 130, 150, 160));
  if (grip_hot) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeNWSE);
  if (ImGui::IsItemActive() && !drag_ && ImGui::IsMouseDragging(0, 2.0f)) StartDrag(widget, /*resize=*/true);
  ImGui::EndChild();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar();
  ImGui::PopID();
}

void Pages::StartDrag(const PlacedWidget& widget, bool resize) {
  drag_ = std::make_unique<Drag>();
  drag_->id = widget.id;
  drag_->resize = resize;
  drag_->original = widget;
  drag_->start_mouse = drag_->last_mouse = ImGui::GetIO().MouseClickedPos[0];
  drag_->x = widget.x;
  drag_->y = widget.y;
  drag_->w = widget.w;
  drag_->h = widget.h;
}

void Pages::EmptyState(const PlacedWidget& widget) {
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled("No data for this widget yet.");
  ImGui::Spacing();
  ImGui::TextWrapped("It needs %s", widget.needs.empty() ? "data Loupe does not import yet." : widget.needs.c_str());
  ImGui::PopTextWrapPos();
}

void Pages::NoteNumber(std::string_view metric) {
  numbers_.push_back({std::string(metric), ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), false});
}

std::string Pages::NumbersJson() const {
  std::string out = "[";
  for (const DrawnWidget& n : numbers_) {
    char buf[128];
    std::snprintf(buf, sizeof buf, "{\"x0\":%.1f,\"y0\":%.1f,\"x1\":%.1f,\"y1\":%.1f,\"metric\":", n.min.x, n.min.y,
                  n.max.x, n.max.y);
    out += (out.size() > 1 ? "," : "") + std::string(buf) + Quote(n.id) + "}";
  }
  return out + "]";
}

std::string Pages::WidgetsJson() const {
  std::string out = "[";
  for (const DrawnWidget& w : drawn_) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "{\"x0\":%.1f,\"y0\":%.1f,\"x1\":%.1f,\"y1\":%.1f,\"empty\":%s,\"id\":", w.min.x,
                  w.min.y, w.max.x, w.max.y, w.empty_state ? "true" : "false");
    out += (out.size() > 1 ? "," : "") + std::string(buf) + Quote(w.id) + "}";
  }
  return out + "]";
}

}  // namespace loupe::app
