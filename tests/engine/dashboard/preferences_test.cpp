// Dashboard preferences: the grid (first-fit packing, moves and resizes that push down), each
// operation with its hand-worked layout, switching presets without losing customisations (the
// seed's overwrite pitfall), reset, visits, pins, the checklist and recommendations, and the
// stored form.
#include "loupe/dashboard/preferences.h"

#include <algorithm>
#include <random>

#include <catch2/catch.hpp>

#include "loupe/dashboard/json.h"

namespace loupe::dashboard {
namespace {

const Placed& At(const Preferences& prefs, std::string_view id) {
  const auto& visible = prefs.customisations.at(prefs.preset).visible;
  auto it = std::find_if(visible.begin(), visible.end(), [&](const Placed& p) { return p.id == id; });
  REQUIRE(it != visible.end());
  return *it;
}

Cell CellOf(const Preferences& prefs, std::string_view id) { return At(prefs, id).cell; }

std::vector<std::string> Ids(const Preferences& prefs) {
  std::vector<std::string> out;
  for (const Placed& p : prefs.customisations.at(prefs.preset).visible) out.push_back(p.id);
  return out;
}

// An admin on the custom preset with welcome, workPatterns, domainExpertise, teamActivity shown.
Preferences FourWidgets() {
  Preferences prefs = DefaultPreferences();
  REQUIRE(SetRole(prefs, "admin").ok());
  REQUIRE(SwitchPreset(prefs, "custom").ok());
  for (const char* id : {"welcome", "workPatterns", "domainExpertise", "teamActivity"}) {
    REQUIRE(ShowWidget(prefs, id).ok());
  }
  return prefs;
}

TEST_CASE("Layout: default sizes in cells and clamping to the grid", "[dashboard][layout]") {
  CHECK(CellsOf(WidgetSize::kSmall) == Cell{0, 0, 4, 3});
  CHECK(CellsOf(WidgetSize::kMedium) == Cell{0, 0, 6, 4});
  CHECK(CellsOf(WidgetSize::kLarge) == Cell{0, 0, 8, 5});
  CHECK(CellsOf(WidgetSize::kFull) == Cell{0, 0, 12, 4});
  CHECK(Clamp({11, -3, 4, 0}) == Cell{8, 0, 4, 1});    // w 4 fits from column 8 at most
  CHECK(Clamp({-5, 2, 40, 99}) == Cell{0, 2, 12, kMaxHeight});
}

TEST_CASE("Preferences: a preset's default layout is first-fit packing in widget order", "[dashboard][preferences]") {
  const Preferences prefs = DefaultPreferences();
  CHECK(prefs.role == "developer");
  CHECK(prefs.preset == "developer");
  // welcome 12×4 at row 0; quickStats 12×4 below it (row 4); languageProficiency 8×5 at row 8;
  // workPatterns 4×3 fits beside it at column 8; domainExpertise 6×4 fits nowhere beside the
  // 8-wide widget (columns 6–7 are taken until row 12), so row 13; frameworksTools beside it.
  CHECK(CellOf(prefs, "welcome") == Cell{0, 0, 12, 4});
  CHECK(CellOf(prefs, "quickStats") == Cell{0, 4, 12, 4});
  CHECK(CellOf(prefs, "languageProficiency") == Cell{0, 8, 8, 5});
  CHECK(CellOf(prefs, "workPatterns") == Cell{8, 8, 4, 3});
  CHECK(CellOf(prefs, "domainExpertise") == Cell{0, 13, 6, 4});
  CHECK(CellOf(prefs, "frameworksTools") == Cell{6, 13, 6, 4});
  CHECK(CellOf(prefs, "aiInsights") == Cell{0, 17, 6, 4});
  // performanceReviews needs can_view_reviews, which a developer lacks: it is packed last, so
  // the developer's dashboard has no hole where it sits.
  CHECK(Ids(prefs).back() == "performanceReviews");
  CHECK(IsValidLayout(prefs.customisations.at("developer").visible));
}

TEST_CASE("Preferences: show places a widget at its first fit without moving the others", "[dashboard][preferences]") {
  const Preferences prefs = FourWidgets();
  // welcome 12×4 (0,0); workPatterns 4×3 (0,4); domainExpertise 6×4 beside it at (4,4);
  // teamActivity 6×4: rows 4–7 leave only columns 10–11, row 7 is still crossed by
  // domainExpertise, so row 8.
  CHECK(CellOf(prefs, "welcome") == Cell{0, 0, 12, 4});
  CHECK(CellOf(prefs, "workPatterns") == Cell{0, 4, 4, 3});
  CHECK(CellOf(prefs, "domainExpertise") == Cell{4, 4, 6, 4});
  CHECK(CellOf(prefs, "teamActivity") == Cell{0, 8, 6, 4});
  Preferences again = prefs;
  CHECK(ShowWidget(again, "welcome").ok());
  CHECK(again == prefs);  // showing a visible widget changes nothing
}

TEST_CASE("Preferences: moving a widget pushes the widgets it would overlap down", "[dashboard][preferences]") {
  Preferences prefs = FourWidgets();
  REQUIRE(MoveWidget(prefs, "teamActivity", 0, 0).ok());
  // teamActivity takes (0,0) 6×4. Visited from the top: welcome overlaps it -> row 4;
  // workPatterns (row 4) now overlaps welcome (rows 4–7) -> row 8; domainExpertise (4,4) overlaps
  // welcome -> row 8, beside workPatterns (columns 4–9 against 0–3).
  CHECK(CellOf(prefs, "teamActivity") == Cell{0, 0, 6, 4});
  CHECK(CellOf(prefs, "welcome") == Cell{0, 4, 12, 4});
  CHECK(CellOf(prefs, "workPatterns") == Cell{0, 8, 4, 3});
  CHECK(CellOf(prefs, "domainExpertise") == Cell{4, 8, 6, 4});
  // Out of the grid: x is clamped so the widget fits (12 - 6 = 6), y to 0.
  REQUIRE(MoveWidget(prefs, "teamActivity", 50, -2).ok());
  CHECK(CellOf(prefs, "teamActivity") == Cell{6, 0, 6, 4});
  CHECK(IsValidLayout(prefs.customisations.at("custom").visible));
}

TEST_CASE("Preferences: resizing clamps to the grid and pushes down", "[dashboard][preferences]") {
  Preferences prefs = FourWidgets();
  // workPatterns (0,4) grows to 8×2: columns 0–7 rows 4–5 now cross domainExpertise (4,4),
  // which moves just below it, to row 6.
  REQUIRE(ResizeWidget(prefs, "workPatterns", 8, 2).ok());
  CHECK(CellOf(prefs, "workPatterns") == Cell{0, 4, 8, 2});
  CHECK(CellOf(prefs, "domainExpertise") == Cell{4, 6, 6, 4});
  // ... then teamActivity (0,8) crosses domainExpertise (rows 6–9, columns 4–9): row 10.
  CHECK(CellOf(prefs, "teamActivity") == Cell{0, 10, 6, 4});
  // 40×0 is clamped to 12×1, and x moves to 0 so that it fits.
  REQUIRE(ResizeWidget(prefs, "domainExpertise", 40, 0).ok());
  CHECK(CellOf(prefs, "domainExpertise") == Cell{0, 6, 12, 1});
  // The size keeps its last name; setSize gives the named cells at the same place.
  CHECK(At(prefs, "domainExpertise").size == WidgetSize::kMedium);
  REQUIRE(SetSize(prefs, "domainExpertise", WidgetSize::kSmall).ok());
  CHECK(CellOf(prefs, "domainExpertise") == Cell{0, 6, 4, 3});
  CHECK(At(prefs, "domainExpertise").size == WidgetSize::kSmall);
  CHECK(IsValidLayout(prefs.customisations.at("custom").visible));
}

TEST_CASE("Preferences: hide, reorder and their errors", "[dashboard][preferences]") {
  Preferences prefs = FourWidgets();
  REQUIRE(HideWidget(prefs, "workPatterns").ok());
  CHECK(prefs.customisations.at("custom").hidden == std::vector<std::string>{"workPatterns"});
  CHECK(CellOf(prefs, "domainExpertise") == Cell{4, 4, 6, 4});  // the others stay put
  CHECK(HideWidget(prefs, "workPatterns").code() == StatusCode::kNotFound);
  REQUIRE(ShowWidget(prefs, "workPatterns").ok());
  CHECK(prefs.customisations.at("custom").hidden.empty());

  // Reorder packs again in the new order with the same sizes: domainExpertise 6×4 (0,0),
  // teamActivity 6×4 (6,0), welcome 12×4 (0,4), workPatterns 4×3 (0,8).
  REQUIRE(ReorderWidgets(prefs, {"domainExpertise", "teamActivity", "welcome", "workPatterns"}).ok());
  CHECK(CellOf(prefs, "domainExpertise") == Cell{0, 0, 6, 4});
  CHECK(CellOf(prefs, "teamActivity") == Cell{6, 0, 6, 4});
  CHECK(CellOf(prefs, "welcome") == Cell{0, 4, 12, 4});
  CHECK(CellOf(prefs, "workPatterns") == Cell{0, 8, 4, 3});

  const Preferences before = prefs;
  CHECK(ReorderWidgets(prefs, {"welcome"}).code() == StatusCode::kInvalidInput);  // leaves some out
  CHECK(ReorderWidgets(prefs, {"welcome", "welcome", "workPatterns", "teamActivity"}).code() ==
        StatusCode::kInvalidInput);
  CHECK(MoveWidget(prefs, "noSuchWidget", 0, 0).code() == StatusCode::kInvalidInput);
  CHECK(MoveWidget(prefs, "ticketStats", 0, 0).code() == StatusCode::kNotFound);  // not on this dashboard
  REQUIRE(SetRole(prefs, "viewer").ok());
  // A viewer may not see workPatterns (can_view_tracking): it can be neither moved nor shown.
  CHECK(MoveWidget(prefs, "workPatterns", 0, 0).code() == StatusCode::kFailedPrecondition);
  CHECK(ShowWidget(prefs, "ticketStats").code() == StatusCode::kFailedPrecondition);
  REQUIRE(SetRole(prefs, "admin").ok());
  CHECK(prefs == before);
  CHECK(SetRole(prefs, "owner").code() == StatusCode::kInvalidInput);
}

TEST_CASE("Regression (seed overwrite pitfall): switching preset and back keeps each customisation",
          "[dashboard][preferences][regression]") {
  // The seed's PUT /preferences with a preset_type reset visible_widgets, widget_order and
  // widget_sizes to that preset's list: switching developer -> manager -> developer lost every
  // change made on the developer dashboard.
  Preferences prefs = DefaultPreferences();
  REQUIRE(ResizeWidget(prefs, "workPatterns", 4, 6).ok());
  REQUIRE(HideWidget(prefs, "aiInsights").ok());
  REQUIRE(MoveWidget(prefs, "peerBenchmark", 0, 0).ok());
  const Customisation developer = prefs.customisations.at("developer");

  REQUIRE(SwitchPreset(prefs, "manager").ok());
  CHECK(prefs.preset == "manager");
  REQUIRE(MoveWidget(prefs, "teamOverview", 4, 0).ok());
  const Customisation manager = prefs.customisations.at("manager");
  REQUIRE(SwitchPreset(prefs, "developer").ok());
  CHECK(prefs.customisations.at("developer") == developer);
  REQUIRE(SwitchPreset(prefs, "manager").ok());
  CHECK(prefs.customisations.at("manager") == manager);

  // Reset puts one preset back to its defaults and leaves the other alone.
  REQUIRE(ResetPreset(prefs, "developer").ok());
  CHECK(prefs.customisations.at("developer") == DefaultCustomisation(*FindPreset("developer"), "developer"));
  CHECK(prefs.customisations.at("manager") == manager);
  CHECK(prefs.preset == "manager");
  CHECK(SwitchPreset(prefs, "everything").code() == StatusCode::kInvalidInput);
  CHECK(ResetPreset(prefs, "everything").code() == StatusCode::kInvalidInput);
}

TEST_CASE("Preferences: no sequence of operations ever leaves overlapping widgets",
          "[dashboard][preferences][property]") {
  std::mt19937 random(20240601);  // fixed: the same sequence on every run and target
  const auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  const auto widgets = Widgets();
  const char* presets[] = {"developer", "manager", "product", "hr", "support", "sales", "admin", "custom"};
  const char* roles[] = {"admin", "manager", "developer", "viewer"};
  Preferences prefs = DefaultPreferences();
  int applied = 0;
  for (int step = 0; step < 3000; ++step) {
    const auto& visible = Active(prefs).visible;
    const std::string id = visible.empty() || pick(4) == 0 ? std::string(widgets[pick(int(widgets.size()))].id)
                                                           : visible[pick(int(visible.size()))].id;
    Status s;
    switch (pick(10)) {
      case 0: case 1: case 2: s = MoveWidget(prefs, id, pick(16) - 2, pick(40) - 2); break;
      case 3: case 4: s = ResizeWidget(prefs, id, pick(15) - 1, pick(14) - 1); break;
      case 5: s = SetSize(prefs, id, static_cast<WidgetSize>(pick(4))); break;
      case 6: s = pick(2) ? ShowWidget(prefs, id) : HideWidget(prefs, id); break;
      case 7: {
        std::vector<std::string> order;
        for (const Placed& p : visible) {
          if (RoleCanSee(prefs.role, *FindWidget(p.id))) order.push_back(p.id);
        }
        std::shuffle(order.begin(), order.end(), random);
        if (!order.empty()) s = ReorderWidgets(prefs, order);
        break;
      }
      case 8: s = pick(3) ? SwitchPreset(prefs, presets[pick(8)]) : ResetPreset(prefs, presets[pick(8)]); break;
      default: s = SetRole(prefs, roles[pick(4)]); break;
    }
    applied += s.ok();
    for (const auto& [preset, c] : prefs.customisations) {
      INFO("step " << step << " preset " << preset);
      REQUIRE(IsValidLayout(c.visible));
    }
  }
  CHECK(applied > 1500);  // most operations applied: the property was tested on real layouts
}

TEST_CASE("Preferences: visits follow the seed's rules", "[dashboard][preferences][visits]") {
  Preferences prefs = DefaultPreferences();
  CHECK(TrackVisits(prefs, {}) == 0);  // empty: nothing changes
  CHECK(prefs.visits.empty());
  const std::vector<VisitEntry> entries = {
      {"/insights/developer", 2},  // first segment: /insights
      {"/insights", 1},
      {"/dashboard", 0},           // below 1: skipped
      {"/reports", -1},            // below 1: skipped
      {"/analytics?team=core", 3}, // query dropped
      {"#/reports/weekly", 1},     // hash route
      {"/crm/inbox", std::nullopt},  // not an integer: skipped
      {"/", 4},                    // no segment: skipped
      {"", 4},
  };
  CHECK(TrackVisits(prefs, entries) == 4);
  CHECK(prefs.visits == std::map<std::string, int64_t, std::less<>>{
                            {"/analytics", 3}, {"/insights", 3}, {"/reports", 1}});
  // Counts add up over calls.
  TrackVisits(prefs, {{"/insights/team", 2}});
  CHECK(prefs.visits.at("/insights") == 5);

  // Only the first 50 entries of one report count.
  std::vector<VisitEntry> many;
  for (int i = 0; i < 60; ++i) many.push_back({"/page" + std::to_string(i), 1});
  Preferences fresh = DefaultPreferences();
  CHECK(TrackVisits(fresh, many) == 50);
  CHECK(fresh.visits.size() == 50);
  CHECK(fresh.visits.count("/page49") == 1);
  CHECK(fresh.visits.count("/page50") == 0);

  CHECK(NormaliseRoute("insights/developer/4") == "/insights");
  CHECK(NormaliseRoute("//reports") == "/reports");
}

TEST_CASE("Preferences: pins are unique and at most ten", "[dashboard][preferences][pins]") {
  Preferences prefs = DefaultPreferences();
  REQUIRE(Pin(prefs, "/insights").ok());
  REQUIRE(Pin(prefs, "/insights").ok());  // pinned already: nothing changes
  CHECK(prefs.pinned == std::vector<std::string>{"/insights"});
  for (int i = 1; i < 10; ++i) REQUIRE(Pin(prefs, "/item" + std::to_string(i)).ok());
  CHECK(prefs.pinned.size() == 10);
  CHECK(Pin(prefs, "/one-too-many").code() == StatusCode::kFailedPrecondition);
  CHECK(Pin(prefs, "   ").code() == StatusCode::kInvalidInput);
  CHECK(Pin(prefs, std::string(201, 'x')).code() == StatusCode::kInvalidInput);
  REQUIRE(Unpin(prefs, "/insights").ok());
  CHECK(Unpin(prefs, "/insights").code() == StatusCode::kNotFound);
  REQUIRE(Pin(prefs, "/one-more").ok());
  CHECK(prefs.pinned.back() == "/one-more");
}

TEST_CASE("Preferences: the checklist reads the workspace's data, plus manual marks", "[dashboard][preferences]") {
  Preferences prefs = DefaultPreferences();
  WorkspaceFacts facts;
  facts.has_activity = true;
  facts.has_snapshots = true;
  REQUIRE(MarkChecklistItem(prefs, "createTeam", true).ok());
  const auto items = Checklist(prefs, facts);
  REQUIRE(items.size() == 5);
  CHECK(items[0].id == "importData");
  CHECK((items[0].done && items[0].automatic));
  CHECK((items[1].id == "createTeam" && items[1].done && !items[1].automatic));
  CHECK((items[2].id == "setSchedule" && !items[2].done));
  CHECK((items[3].id == "generateSnapshots" && items[3].done && items[3].automatic));
  CHECK((items[4].id == "addAlertRule" && !items[4].done));
  REQUIRE(MarkChecklistItem(prefs, "createTeam", false).ok());
  CHECK_FALSE(Checklist(prefs, facts)[1].done);
  CHECK(MarkChecklistItem(prefs, "bakeCake", true).code() == StatusCode::kInvalidInput);
}

TEST_CASE("Preferences: recommendations — visited routes not pinned, available widgets not shown",
          "[dashboard][preferences]") {
  Preferences prefs = DefaultPreferences();
  TrackVisits(prefs, {{"/insights", 5}, {"/reports", 2}, {"/analytics", 7}, {"/dashboard", 2}});
  REQUIRE(Pin(prefs, "/analytics").ok());
  const Recommendations r = Recommend(prefs);
  // Most visited first; ties in path order; the pinned route is left out.
  CHECK(r.routes == std::vector<std::pair<std::string, int64_t>>{{"/insights", 5}, {"/dashboard", 2}, {"/reports", 2}});
  // The developer dashboard shows every available widget for developers already.
  CHECK(r.widgets.empty());
  REQUIRE(HideWidget(prefs, "workPatterns").ok());
  CHECK(Recommend(prefs).widgets == std::vector<std::string_view>{"workPatterns"});
  // A manager on the manager preset is offered the available manager widgets it does not show,
  // in registry order.
  REQUIRE(SetRole(prefs, "manager").ok());
  REQUIRE(SwitchPreset(prefs, "manager").ok());
  CHECK(Recommend(prefs).widgets ==
        std::vector<std::string_view>{"languageProficiency", "workPatterns", "domainExpertise", "growthTrajectory",
                                      "teamActivity"});
}

TEST_CASE("Preferences: the stored form round-trips, and unknown widgets are dropped", "[dashboard][json]") {
  Preferences prefs = FourWidgets();
  REQUIRE(ResizeWidget(prefs, "workPatterns", 5, 5).ok());
  REQUIRE(HideWidget(prefs, "welcome").ok());
  REQUIRE(SwitchPreset(prefs, "hr").ok());
  TrackVisits(prefs, {{"/insights", 3}});
  REQUIRE(Pin(prefs, "/reports").ok());
  REQUIRE(MarkChecklistItem(prefs, "addAlertRule", true).ok());
  prefs.checklist_dismissed = true;
  const std::string stored = EncodePreferences(prefs);
  auto back = DecodePreferences(stored);
  REQUIRE(back.ok());
  CHECK(*back == prefs);

  std::string retired = stored;
  retired.replace(retired.find("\"teamActivity\""), 14, "\"oldWidget\"");
  auto without = DecodePreferences(retired);
  REQUIRE(without.ok());
  CHECK(without->customisations.at("custom").visible.size() == 2);

  CHECK(DecodePreferences("{").status().code() == StatusCode::kInvalidInput);
  CHECK_THAT(DecodePreferences(R"({"version": 2})").status().message(), Catch::Contains("version"));
  std::string bad_role = stored;
  bad_role.replace(bad_role.find("\"admin\""), 7, "\"chief\"");
  CHECK_THAT(DecodePreferences(bad_role).status().message(), Catch::Contains("role"));
}

}  // namespace
}  // namespace loupe::dashboard
