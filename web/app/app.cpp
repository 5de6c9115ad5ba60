#include "app/app.h"

#include <emscripten.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "imgui_internal.h"

#include "app/bench.h"
#include "app/dates.h"
#include "app/pages.h"
#include "ui/theme.h"

EM_JS(void, loupe_js_push_hash, (const char* hash), { Module.loupePushHash(UTF8ToString(hash)); });
EM_JS(void, loupe_js_choose_files, (), { Module.loupeChooseFiles(); });
EM_JS(void, loupe_js_import_demo, (), { Module.loupeImportDemo(); });
EM_JS(void, loupe_js_cancel_activity, (), { Module.loupeCancelActivity(); });
// In this tab: the workspace belongs to one tab at a time.
EM_JS(void, loupe_js_open_simple_page, (), { location.assign('simple.html#sync-form'); });

namespace loupe::app {
namespace {

constexpr int kKeyF6 = 117;  //!< its DOM keyCode (web/dashboard.mjs forwards it)

struct RouteSpec {
  const char* path;
  const char* label;
  const char* hint;
};
constexpr RouteSpec kRoutes[] = {
    {"/dashboard", "Dashboard", "Your persona's widgets"},
    {"/analytics", "Analytics", "Skills, activity, trends, workload, network"},
    {"/insights", "Insights", "Developers, teams, leaderboards, alerts"},
    {"/reports", "Reports", "What Loupe can report today"},
};

constexpr int kWindowChoices[] = {4, 12, 26, 52, 0};  // weeks; 0 = the whole history

std::string WindowLabel(int weeks) {
  if (weeks == 0) return "All history";
  if (weeks == 52) return "Last year";
  return "Last " + std::to_string(weeks) + " weeks";
}

void SetModifiers(ImGuiIO& io, const std::array<bool, App::kModifiers>& m) {
  io.KeyCtrl = m[App::kCtrl];
  io.KeyShift = m[App::kShift];
  io.KeySuper = m[App::kSuper];
  io.KeyAlt = false;  // see App::NoteKey
}

//! Where the keyboard focus is: its pane and the focused item's rectangle on the canvas.
std::string FocusJson() {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  if (g.NavWindow == nullptr || g.NavId == 0) return "null";
  const ImRect r = ImGui::WindowRectRelToAbs(g.NavWindow, g.NavWindow->NavRectRel[g.NavLayer]);
  char rect[160];
  std::snprintf(rect, sizeof rect, ",\"x0\":%.0f,\"y0\":%.0f,\"x1\":%.0f,\"y1\":%.0f,\"visible\":%s}", r.Min.x, r.Min.y,
                r.Max.x, r.Max.y, g.NavDisableHighlight ? "false" : "true");
  return "{\"pane\":" + Quote(g.NavWindow->RootWindow->Name) + rect;
}

}  // namespace

double Median(std::vector<double> v) {
  if (v.empty()) return 0.0;
  std::nth_element(v.begin(), v.begin() + static_cast<ptrdiff_t>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

void FrameTimes::Add(double build, double upload, double draw) {
  if (build_ms.size() < kKeep) {
    build_ms.push_back(build);
    upload_us.push_back(upload);
    draw_us.push_back(draw);
    return;
  }
  build_ms[next] = build;
  upload_us[next] = upload;
  draw_us[next] = draw;
  next = (next + 1) % kKeep;
}

App::App() : pages_(std::make_unique<Pages>(*this)) {
  ui::ApplyLoupeStyle(ImGui::GetStyle(), /*dark=*/true, 1.0f);
}

App::~App() = default;

void App::SetRoute(std::string_view hash) {
  std::string route(hash);
  if (!route.empty() && route[0] == '#') route.erase(0, 1);
  if (route.empty() || route[0] != '/') route = "/dashboard";
  if (route.rfind("/bench/graph", 0) == 0) {
    // The frame-time benchmark's scene (bench/run_dashboard_bench.mjs); not a page of the app.
    route_ = route;
    auto number = [&](std::string_view key, int fallback) {
      const std::string v = RouteQuery(key);
      return v.empty() ? fallback : std::max(2, std::atoi(v.c_str()));
    };
    bench_ = std::make_unique<BenchScene>(number("nodes", 1000), number("edges", 10000));
    return;
  }
  bench_.reset();
  bool known = false;
  for (const RouteSpec& r : kRoutes) {
    const std::string_view base = r.path;
    if (route.compare(0, base.size(), base) == 0 &&
        (route.size() == base.size() || route[base.size()] == '/' || route[base.size()] == '?')) {
      known = true;
    }
  }
  if (!known) route = "/dashboard";
  if (route != route_) {
    route_ = route;
    // Visits count per route: the engine normalises to the first path segment (aexy §6.1).
    const std::string path = route_.substr(0, route_.find('?'));
    bridge_.Send("dashboard.trackVisits", "{\"visits\":{" + Quote(path) + ":1}}",
                 [this](std::unique_ptr<Reply> reply) { AdoptPreferences(std::move(reply)); });
  }
}

void App::Navigate(std::string_view route) {
  const std::string hash = "#" + std::string(route);
  SetRoute(hash);
  loupe_js_push_hash(hash.c_str());
}

std::string_view App::RouteBase() const {
  for (const RouteSpec& r : kRoutes) {
    if (std::string_view(route_).substr(0, std::string_view(r.path).size()) == r.path) return r.path;
  }
  return "/dashboard";
}

std::string App::RouteQuery(std::string_view key) const {
  const size_t q = route_.find('?');
  if (q == std::string::npos) return {};
  std::string_view rest = std::string_view(route_).substr(q + 1);
  while (!rest.empty()) {
    const size_t amp = rest.find('&');
    std::string_view pair = rest.substr(0, amp);
    const size_t eq = pair.find('=');
    if (pair.substr(0, eq) == key) return eq == std::string_view::npos ? "" : std::string(pair.substr(eq + 1));
    if (amp == std::string_view::npos) break;
    rest.remove_prefix(amp + 1);
  }
  return {};
}

void App::NoteMouseButton(int button, bool down) {
  if (button < 0 || button >= static_cast<int>(release_pending_.size())) return;
  if (down) ImGui::GetIO().MouseDown[button] = true;
  release_pending_[button] = !down;
}

void App::NoteKey(int key, bool down, const std::array<bool, kModifiers>& modifiers) {
  ImGuiIO& io = ImGui::GetIO();
  if (key >= 0 && key < IM_ARRAYSIZE(io.KeysDown)) {
    if (down) {
      io.KeysDown[key] = true;
      key_releases_.erase(std::remove(key_releases_.begin(), key_releases_.end(), key), key_releases_.end());
    } else {
      key_releases_.push_back(key);
    }
  }
  for (int m = 0; m < kModifiers; ++m) {
    if (modifiers[m]) modifiers_[m] = true;
    modifier_release_[m] = !modifiers[m];
  }
  SetModifiers(io, modifiers_);
}

void App::ApplyReleases() {
  ImGuiIO& io = ImGui::GetIO();
  for (size_t b = 0; b < release_pending_.size(); ++b) {
    if (release_pending_[b]) io.MouseDown[b] = false;
    release_pending_[b] = false;
  }
  for (int key : key_releases_) io.KeysDown[key] = false;
  key_releases_.clear();
  for (int m = 0; m < kModifiers; ++m) {
    if (modifier_release_[m]) modifiers_[m] = false;
    modifier_release_[m] = false;
  }
  SetModifiers(io, modifiers_);
}

void App::RecordFrameTimes(double build_ms, double upload_us, double draw_us) {
  times_.Add(build_ms, upload_us, draw_us);
  if (bench_) bench_->RecordFrameTimes(build_ms, upload_us, draw_us);
}

void App::AdoptPreferences(std::unique_ptr<Reply> reply) {
  if (!reply) return;
  if (reply->state == Reply::State::kError) {
    notice_ = reply->error;
    return;
  }
  if (reply->state == Reply::State::kReady && reply->root.is_object() && Has(reply->root, "widgets")) {
    preferences_ = std::move(reply);
  }
}

const Reply* App::Preferences() {
  if (!preferences_ || preferences_->generation < bridge_.generation()) {
    // First read: the engine creates the defaults (the developer preset) when none are stored.
    // After Invalidate() (data changed elsewhere) the stored ones are read again; the current
    // ones stay on screen until the fresh reply is there.
    const Reply& r = bridge_.Get("dashboard.preferences", "{}");
    if (r.state == Reply::State::kReady && r.generation == bridge_.generation()) {
      auto copy = std::make_unique<Reply>();
      copy->text = r.text;
      copy->generation = r.generation;
      if (copy->parser.parse(copy->text).get(copy->root) == simdjson::SUCCESS) {
        copy->state = Reply::State::kReady;
        preferences_ = std::move(copy);
      }
    }
  }
  return preferences_.get();
}

void App::Mutate(const std::string& method, const std::string& params) {
  bridge_.Send(method, params, [this](std::unique_ptr<Reply> reply) { AdoptPreferences(std::move(reply)); });
}

const Window& App::window() {
  // The window ends the day after the latest activity and spans whole weeks (or everything).
  const Reply& devs = bridge_.Get("developers.list", "{}");
  std::string key = std::to_string(window_.weeks) + "|" + std::to_string(devs.generation);
  if (devs.state == Reply::State::kReady && key != window_key_) {
    int64_t first = INT64_MAX, last = INT64_MIN;
    for (simdjson::dom::element d : AsArray(devs.root)) {
      const int64_t f = DayOf(Str(d, "first_activity")), l = DayOf(Str(d, "last_activity"));
      if (f >= 0) first = std::min(first, f);
      if (l >= 0) last = std::max(last, l);
    }
    if (last != INT64_MIN) {
      const int64_t end = last + 1;
      const int64_t start = window_.weeks > 0 ? end - 7 * static_cast<int64_t>(window_.weeks) : first;
      window_.from = CivilFromDays(start);
      window_.to = CivilFromDays(end - 1);  // the engine's `to` date includes its day
      window_.days = static_cast<int>(end - start);
    } else {
      window_.from.clear();
      window_.to.clear();
      window_.days = 0;
    }
    window_key_ = key;
  }
  return window_;
}

std::string App::WindowParams() {
  const Window& w = window();
  if (w.from.empty()) return "";
  return "\"from\":" + Quote(w.from) + ",\"to\":" + Quote(w.to);
}

std::string App::Me() {
  if (!me_.empty()) return me_;
  const Reply& devs = bridge_.Get("developers.list", "{}");
  if (devs.state != Reply::State::kReady) return {};
  for (simdjson::dom::element d : AsArray(devs.root)) {
    me_ = std::to_string(static_cast<int64_t>(Num(d, "id", -1)));
    break;  // most commits first
  }
  return me_;
}

int App::Frame() {
  ++frame_count_;
  wants_frames_ = 0;
  ImGuiIO& io = ImGui::GetIO();
  if (bench_) {
    bench_->Frame();
    return 1;  // a benchmark draws every frame
  }
  const float sidebar = std::clamp(io.DisplaySize.x * 0.2f, 200.0f, 260.0f);

  // Keyboard-only use: Alt+1..4 jump between the routes from anywhere; F6 and Shift+F6 move the
  // focus between the sidebar, the page and the explain panel; arrows and Space do the rest.
  if (modifiers_[kAlt]) {
    for (int i = 0; i < 4; ++i) {
      if (ImGui::IsKeyPressed('1' + i, false)) Navigate(kRoutes[i].path);
    }
  }
  if (ImGui::IsKeyPressed(kKeyF6, true)) CyclePaneFocus(io.KeyShift);

  Sidebar(sidebar);
  ImGui::SetNextWindowPos(ImVec2(sidebar, 0));
  ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x - sidebar, io.DisplaySize.y));
  if (frame_count_ == 1) ImGui::SetNextWindowFocus();  // the page has the keyboard focus first
  ImGui::Begin(kContentWindow, nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_AlwaysVerticalScrollbar);
  pages_->BeginFrame();
  const std::string_view base = RouteBase();
  if (base == "/dashboard") pages_->Dashboard();
  else if (base == "/analytics") pages_->Analytics();
  else if (base == "/insights") pages_->Insights();
  else pages_->Reports();
  ImGui::End();
  pages_->ExplainPanel();
  return wants_frames_;
}

void App::Sidebar(float width) {
  ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(width, io.DisplaySize.y));
  ImGui::Begin(kSidebarWindow, nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  if (io.Fonts->Fonts.Size > 1) ImGui::PushFont(io.Fonts->Fonts[1]);
  ImGui::TextUnformatted("Loupe");
  if (io.Fonts->Fonts.Size > 1) ImGui::PopFont();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("Engineering analytics, computed in this browser");
  ImGui::PopStyleColor();
  ImGui::Spacing();

  const std::string_view base = RouteBase();
  for (int i = 0; i < 4; ++i) {
    const RouteSpec& r = kRoutes[i];
    char label[64];
    std::snprintf(label, sizeof label, "%s##route", r.label);
    if (ImGui::Selectable(label, base == r.path, 0, ImVec2(0, ImGui::GetFontSize() * 1.8f))) Navigate(r.path);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s (Alt+%d)", r.hint, i + 1);
  }

  ImGui::Separator();
  const Reply* prefs = Preferences();
  // Pinned pages, then what the engine recommends from the visits.
  ImGui::TextDisabled("PINNED");
  bool any_pin = false;
  if (prefs) {
    for (simdjson::dom::element pin : Items(prefs->root, "pinned")) {
      const std::string item = AsStr(pin);
      any_pin = true;
      ImGui::PushID(item.c_str());
      if (ImGui::Selectable(item.c_str(), route_ == item)) Navigate(item);
      if (ImGui::BeginPopupContextItem()) {
        if (ImGui::MenuItem("Unpin")) Mutate("dashboard.unpin", "{\"item\":" + Quote(item) + "}");
        ImGui::EndPopup();
      }
      ImGui::PopID();
    }
  }
  if (!any_pin) ImGui::TextDisabled("  Nothing pinned yet");
  if (ImGui::SmallButton("Pin this page")) Mutate("dashboard.pin", "{\"item\":" + Quote(route_) + "}");

  const Reply& rec = bridge_.Get("dashboard.recommendations", "{}");
  if (rec.state == Reply::State::kReady) {
    bool header = false;
    for (simdjson::dom::element r : Items(rec.root, "routes")) {
      const std::string path = Str(r, "path");
      if (path.empty() || path == std::string(base)) continue;
      if (!header) {
        ImGui::Spacing();
        ImGui::TextDisabled("OFTEN VISITED");
        header = true;
      }
      if (ImGui::Selectable((path + "##rec").c_str())) Navigate(path);
    }
  }

  ImGui::Separator();
  ImGui::TextDisabled("WINDOW");
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##window", WindowLabel(window_.weeks).c_str())) {
    for (int weeks : kWindowChoices) {
      if (ImGui::Selectable(WindowLabel(weeks).c_str(), weeks == window_.weeks)) {
        window_.weeks = weeks;
        window_key_.clear();
      }
    }
    ImGui::EndCombo();
  }
  const Window& w = window();
  if (!w.from.empty()) ImGui::TextDisabled("%s to %s", w.from.c_str(), w.to.c_str());

  ImGui::Spacing();
  ImGui::TextDisabled("YOU ARE");
  const Reply& devs = bridge_.Get("developers.list", "{}");
  std::string me = Me();
  std::string me_name = "—";
  for (simdjson::dom::element d : AsArray(devs.root)) {
    if (std::to_string(static_cast<int64_t>(Num(d, "id", -1))) == me) me_name = Str(d, "name");
  }
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##me", me_name.c_str())) {
    for (simdjson::dom::element d : AsArray(devs.root)) {
      const std::string id = std::to_string(static_cast<int64_t>(Num(d, "id", -1)));
      if (ImGui::Selectable((Str(d, "name") + "##" + id).c_str(), id == me)) me_ = id;
    }
    ImGui::EndCombo();
  }

  ImGui::Spacing();
  ImGui::TextDisabled("ADD DATA");
  if (ImGui::Button("Import files...", ImVec2(-1, 0))) loupe_js_choose_files();
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("GitHub REST JSON, GH Archive JSON Lines, git log exports, Loupe bundles, .mailmap");
  }
  if (ImGui::Button("Sync with GitHub...", ImVec2(-1, 0))) loupe_js_open_simple_page();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("On the simple page, in this tab: a token and repositories");
  if (devs.state == Reply::State::kReady && AsArray(devs.root).size() == 0) {
    if (ImGui::Button("Load the demo workspace", ImVec2(-1, 0))) loupe_js_import_demo();
  }
  if (activity_active_ || !activity_label_.empty()) {
    ImGui::Spacing();
    ImGui::TextWrapped("%s", activity_label_.c_str());
    if (activity_active_) {
      ImGui::ProgressBar(activity_fraction_ < 0 ? -1.0f * static_cast<float>(ImGui::GetTime())
                                                : static_cast<float>(activity_fraction_),
                         ImVec2(-1, 0));
      if (ImGui::SmallButton("Cancel")) loupe_js_cancel_activity();
      wants_frames_ = std::max(wants_frames_, 1);
    }
  }
  if (!notice_.empty()) {
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, ui::kBad);
    ImGui::TextWrapped("%s", notice_.c_str());
    ImGui::PopStyleColor();
    if (ImGui::SmallButton("Dismiss")) notice_.clear();
  }
  ImGui::End();
}

void App::CyclePaneFocus(bool backwards) {
  std::vector<const char*> panes = {kSidebarWindow, kContentWindow};
  if (!pages_->explaining().empty()) panes.push_back(kExplainWindow);
  const ImGuiWindow* focused = ImGui::GetCurrentContext()->NavWindow;
  size_t at = panes.size() - 1;
  for (size_t i = 0; i < panes.size(); ++i) {
    // A widget's child window belongs to the page.
    if (focused != nullptr && std::string_view(focused->RootWindow->Name) == panes[i]) at = i;
  }
  const size_t next = backwards ? (at + panes.size() - 1) % panes.size() : (at + 1) % panes.size();
  ImGui::SetWindowFocus(panes[next]);
  // Show the keyboard cursor at once on the pane's first item, as a Tab would in a web page.
  ImGuiContext& g = *ImGui::GetCurrentContext();
  g.NavDisableHighlight = false;
  g.NavDisableMouseHover = true;
  if (g.NavWindow != nullptr && g.NavWindow->NavLastIds[0] == 0) ImGui::NavInitWindow(g.NavWindow, true);
}

void App::SetActivity(std::string label, double fraction, bool active) {
  activity_label_ = std::move(label);
  activity_fraction_ = fraction;
  activity_active_ = active;
}

std::string App::StateJson() const {
  std::vector<double> build = times_.build_ms, upload = times_.upload_us, draw = times_.draw_us;
  char frames[256];
  std::snprintf(frames, sizeof frames,
                "{\"count\":%d,\"median_build_ms\":%.4f,\"median_upload_us\":%.2f,\"median_draw_us\":%.2f}",
                frame_count_, Median(build), Median(upload), Median(draw));
  std::string out = "{\"route\":" + Quote(route_) + ",\"frames\":" + frames + ",\"pending\":" +
                    std::to_string(bridge_.pending()) + ",\"window\":{\"from\":" + Quote(window_.from) +
                    ",\"to\":" + Quote(window_.to) + "}";
  if (bench_) out += ",\"graph\":" + bench_->StateJson();
  out += ",\"widgets\":" + pages_->WidgetsJson();
  out += ",\"numbers\":" + pages_->NumbersJson();
  out += ",\"explain\":" + Quote(pages_->explaining());
  out += ",\"focus\":" + FocusJson();
  out += ",\"notice\":" + Quote(notice_) + "}";
  return out;
}

}  // namespace loupe::app
