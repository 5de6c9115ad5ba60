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

//! The analysis window every page shares: the last `weeks` weeks that end with the day of the
//! workspace's latest activity (or its whole history), so a history imported from last year is
//! not an empty "this week".
struct Window {
  std::string from, to;  //!< YYYY-MM-DD, both days included (the engine reads `to` so)
  int weeks = 12;        //!< 0 = the whole history
  int days = 0;
};

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

  // Mouse releases are applied one frame after they happen, so a click whose press and release
  // arrive between two frames is still seen as a click.
  void NotePress(int button) { press_seen_frame_[button] = false; }
  void NoteRelease(int button) { release_pending_[button] = true; }
  void ApplyReleases(ImGuiIO& io);

  void RecordFrameTimes(double build_ms, double upload_us, double draw_us);
  //! {route, frames{count, median_build_ms, median_upload_us, median_draw_us}, pending, window,
  //!  widgets[…], explain, notice} for tests and the frame-time benchmark.
  std::string StateJson() const;

 private:
  void Sidebar(float width);
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
  std::array<bool, 5> press_seen_frame_{};
  FrameTimes times_;
  int frame_count_ = 0;
  int wants_frames_ = 0;
};

}  // namespace loupe::app
