// web/app/app.h — the dashboard app: routes, the sidebar, the shared window and "you", and the
// preferences the engine keeps for the dashboard (DESIGN §8).
//
// Routes are the location hash: #/dashboard, #/analytics, #/insights, #/reports, each with an
// optional sub-route and query (#/insights/developer?dev=4). Everything on screen is drawn from
// engine replies held by the Bridge; the app never computes a metric itself.
#pragma once

#include <algorithm>
#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/bridge.h"
#include "imgui.h"

namespace loupe::app {

class Pages;
class BenchScene;

//! The two panes' ImGui window names; F6 moves the keyboard focus between them (and the explain
//! panel when it is open).
inline constexpr const char* kSidebarWindow = "##sidebar";
inline constexpr const char* kContentWindow = "##content";
inline constexpr const char* kExplainWindow = "Explain##panel";

//! The analysis window every page shares: the last `weeks` weeks that end with the day of the
//! workspace's latest activity (or its whole history), so a history imported from last year is
//! not an empty "this week".
struct Window {
  std::string from, to;  //!< YYYY-MM-DD, both days included (the engine reads `to` so)
  int weeks = 12;        //!< 0 = the whole history
  int days = 0;
};

//! The middle value (the upper one of an even count); 0 for none. Frame and bench timings.
double Median(std::vector<double> values);

struct FrameTimes {
  std::vector<double> build_ms, upload_us, draw_us;  //!< the last kKeep frames
  size_t next = 0;
  static constexpr size_t kKeep = 240;
  void Add(double build, double upload, double draw);
};

class App {
 public:
  App();
  ~App();

  //! Draws one frame (between ImGui::NewFrame and Render). Returns the frames it still wants
  //! (an animation or a layout settling), 0 when it can idle.
  int Frame();
  //! A page asks for more frames (a graph layout still moving).
  void WantFrames(int n) { wants_frames_ = std::max(wants_frames_, n); }

  Bridge& bridge() { return bridge_; }
  void SetRoute(std::string_view hash);
  void Navigate(std::string_view route);  //!< sets the route and location.hash, counts the visit
  const std::string& route() const { return route_; }
  std::string_view RouteBase() const;                //!< "/insights" of "/insights/team?x=1"
  std::string RouteQuery(std::string_view key) const;  //!< "4" of "…?dev=4"

  const Window& window();
  //! `"from":"…","to":"…"` for the shared window, or "" when the workspace is empty.
  std::string WindowParams();
  //! The developer the personal widgets are about (an id; the top committer until chosen).
  std::string Me();

  //! The stored dashboard preferences (null until the first reply).
  const Reply* Preferences();
  //! A dashboard.* mutation: its reply (the whole preferences) replaces the current ones.
  void Mutate(const std::string& method, const std::string& params);

  void SetActivity(std::string label, double fraction, bool active);

  // Input between two frames. Presses reach ImGui at once; releases (mouse buttons, keys and
  // modifiers) after the next frame, so a click or an Alt+2 whose down and up arrive together
  // is still seen. Alt is kept from ImGui: it is the app's (Alt+1..4), and ImGui 1.86 would
  // toggle its menu layer on each Alt release, leaving the keyboard focus nowhere.
  enum Modifier { kCtrl, kShift, kAlt, kSuper, kModifiers };
  void NoteMouseButton(int button, bool down);
  void NoteKey(int key, bool down, const std::array<bool, kModifiers>& modifiers);
  void ApplyReleases();

  void RecordFrameTimes(double build_ms, double upload_us, double draw_us);
  //! {route, frames{count, median_build_ms, median_upload_us, median_draw_us}, pending, window,
  //!  widgets[…], explain, notice} for tests and the frame-time benchmark.
  std::string StateJson() const;

 private:
  void Sidebar(float width);
  void CyclePaneFocus(bool backwards);
  void AdoptPreferences(std::unique_ptr<Reply> reply);

  Bridge bridge_;
  std::unique_ptr<Pages> pages_;
  std::unique_ptr<BenchScene> bench_;  //!< #/bench/graph only
  std::unique_ptr<Reply> preferences_;
  std::string route_;  //!< without the '#', query included
  Window window_;
  std::string window_key_;
  std::string me_;
  std::string notice_;  //!< the last failed mutation's message
  std::string activity_label_;
  double activity_fraction_ = -1;
  bool activity_active_ = false;
  std::array<bool, 5> release_pending_{};
  std::vector<int> key_releases_;
  std::array<bool, kModifiers> modifiers_{}, modifier_release_{};
  FrameTimes times_;
  int frame_count_ = 0;
  int wants_frames_ = 0;
};

}  // namespace loupe::app
