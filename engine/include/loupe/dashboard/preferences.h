// loupe/dashboard/preferences.h — one user's dashboard preferences and the operations on them
// (docs/dashboard.md). Every operation is pure: it checks its arguments, changes the value or
// fails leaving it as it was; storing is the caller's (api::Session).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "loupe/core/status.h"
#include "loupe/dashboard/layout.h"
#include "loupe/dashboard/registry.h"

namespace loupe::dashboard {

inline constexpr std::string_view kDefaultUser = "local";
inline constexpr std::string_view kDefaultPreset = "developer";
inline constexpr std::string_view kDefaultRole = "developer";
inline constexpr size_t kMaxPinned = 10;
inline constexpr size_t kMaxVisitEntries = 50;  //!< per TrackVisits call, as in the seed

//! One preset's customisation: what the user sees with that preset active.
struct Customisation {
  std::vector<Placed> visible;      //!< in the user's order; never overlapping
  std::vector<std::string> hidden;  //!< widgets the user hid, the latest last
  friend bool operator==(const Customisation&, const Customisation&) = default;
};

struct Preferences {
  std::string role = std::string(kDefaultRole);
  std::string preset = std::string(kDefaultPreset);  //!< the active preset
  //! Every preset the user has opened, with its customisation: switching keeps them all.
  std::map<std::string, Customisation, std::less<>> customisations;
  std::vector<std::string> checklist_done;  //!< items marked done by hand
  bool checklist_dismissed = false;
  std::map<std::string, int64_t, std::less<>> visits;  //!< first path segment -> count
  std::vector<std::string> pinned;
  friend bool operator==(const Preferences&, const Preferences&) = default;
};

//! A preset's defaults for a role: its widgets in order at their default sizes, first-fit packed,
//! the ones the role may see first (so the role's dashboard has no holes), nothing hidden.
Customisation DefaultCustomisation(const PresetSpec& preset, std::string_view role);

//! What a user starts with (the seed's first read): the default role and the developer preset.
Preferences DefaultPreferences();

//! The active preset's customisation (created from its defaults if missing).
Customisation& Active(Preferences& prefs);

// ---- operations on the active preset ------------------------------------------------------------
// Widgets are registry ids; InvalidInput for an unknown one, NotFound for one that is not on the
// active preset's dashboard, FailedPrecondition for one the role may not see.

//! Moves a visible widget to (x, y), clamped to the grid; widgets it would overlap are pushed down.
Status MoveWidget(Preferences& prefs, std::string_view widget, int x, int y);
//! Resizes a visible widget to w×h, clamped (w 1..12, h 1..kMaxHeight, and to the grid's right edge).
Status ResizeWidget(Preferences& prefs, std::string_view widget, int w, int h);
//! Gives a visible widget a named size (its cells: CellsOf) at its place.
Status SetSize(Preferences& prefs, std::string_view widget, WidgetSize size);
//! Shows a widget (any registry widget the role may see) at its default size, at its first fit.
//! Showing a visible widget changes nothing.
Status ShowWidget(Preferences& prefs, std::string_view widget);
//! Hides a visible widget; the others stay where they are.
Status HideWidget(Preferences& prefs, std::string_view widget);
//! Puts the visible widgets the role may see in `order` (exactly those ids), the ones it may not
//! see after them, and packs the grid again in that order keeping every size.
Status ReorderWidgets(Preferences& prefs, const std::vector<std::string>& order);

// ---- presets, role --------------------------------------------------------------------------------

//! Makes `preset` active; its customisation is the one the user left (or its defaults the first
//! time). No other preset's customisation changes — the seed overwrote them (docs/dashboard.md).
Status SwitchPreset(Preferences& prefs, std::string_view preset);
//! Puts one preset's customisation back to its defaults; the others are untouched.
Status ResetPreset(Preferences& prefs, std::string_view preset);
//! One of the role templates (Roles()). Widgets the role may not see are filtered when read, not
//! removed: another role sees them again.
Status SetRole(Preferences& prefs, std::string_view role);

// ---- sidebar ------------------------------------------------------------------------------------

//! One entry of a visits report: a path and its count (nullopt: not an integer).
using VisitEntry = std::pair<std::string, std::optional<int64_t>>;

//! "/insights/developer" -> "/insights": the first path segment (a leading '#' and any query or
//! fragment dropped); "" when there is none.
std::string NormaliseRoute(std::string_view path);

//! Adds visit counts as the seed does: an empty report changes nothing; only the first 50 entries
//! count; entries that are not integers, are below 1, or have no path segment are skipped; paths
//! are normalised (NormaliseRoute). Returns how many entries counted.
int TrackVisits(Preferences& prefs, const std::vector<VisitEntry>& entries);

//! Pins an item (a route or any other sidebar item, 1–200 bytes); pinning a pinned item changes
//! nothing; FailedPrecondition beyond kMaxPinned.
Status Pin(Preferences& prefs, std::string_view item);
//! NotFound when the item is not pinned.
Status Unpin(Preferences& prefs, std::string_view item);

// ---- checklist ----------------------------------------------------------------------------------

//! What the workspace's data say about the getting-started steps.
struct WorkspaceFacts {
  bool has_activity = false;     //!< commits or pull requests imported
  bool has_teams = false;
  bool has_schedule = false;     //!< a working schedule or working hours in the settings
  bool has_snapshots = false;
  bool has_alert_rules = false;
};

struct ChecklistItem {
  std::string_view id;
  std::string_view label;
  bool done = false;
  bool automatic = false;  //!< done because the workspace's data show it
};

//! importData, createTeam, setSchedule, generateSnapshots, addAlertRule: done when the data show
//! it, or when marked by hand.
std::vector<ChecklistItem> Checklist(const Preferences& prefs, const WorkspaceFacts& facts);
//! Marks (or unmarks) an item by hand; InvalidInput for an unknown item.
Status MarkChecklistItem(Preferences& prefs, std::string_view item, bool done);

// ---- recommendations ----------------------------------------------------------------------------

struct Recommendations {
  std::vector<std::pair<std::string, int64_t>> routes;  //!< most visited first, not pinned (at most 5)
  std::vector<std::string_view> widgets;                //!< registry order (at most 5)
};

//! Routes: visited routes that are not pinned, by count (then path). Widgets: registry widgets
//! for the active preset's persona (for "custom", the role's), whose data Loupe computes, that
//! the role may see and that are not visible on the active preset.
Recommendations Recommend(const Preferences& prefs);

}  // namespace loupe::dashboard
