// The dashboard registry (aexy §6.2–§6.4): the seven presets with the seed's lists, every widget
// of the seed's server and frontend registries plus Loupe's own, sizes, data status and role
// gating.
#include "loupe/dashboard/registry.h"

#include <set>
#include <string>

#include <catch2/catch.hpp>

namespace loupe::dashboard {
namespace {

size_t CountOrigin(Origin origin) {
  size_t n = 0;
  for (const WidgetSpec& w : Widgets()) n += w.origin == origin;
  return n;
}

TEST_CASE("Registry: seven server presets with the seed's lists, then Loupe's additions", "[dashboard][registry]") {
  REQUIRE(ServerPresets().size() == 7);
  std::vector<std::string_view> ids;
  for (const PresetSpec& p : ServerPresets()) ids.push_back(p.id);
  CHECK(ids == std::vector<std::string_view>{"developer", "manager", "product", "hr", "support", "sales", "admin"});

  // aexy §6.2 (backend lists), counts 13, 10, 7, 7, 6, 6, 6.
  const size_t seed_counts[] = {13, 10, 7, 7, 6, 6, 6};
  for (size_t i = 0; i < 7; ++i) CHECK(ServerPresets()[i].SeedWidgets().size() == seed_counts[i]);
  const PresetSpec& developer = *FindPreset("developer");
  CHECK(developer.SeedWidgets() ==
        std::vector<std::string_view>{"welcome", "quickStats", "languageProficiency", "workPatterns",
                                      "domainExpertise", "frameworksTools", "aiInsights", "softSkills",
                                      "growthTrajectory", "peerBenchmark", "myGoals", "performanceReviews",
                                      "learningPath"});
  CHECK(FindPreset("support")->SeedWidgets() ==
        std::vector<std::string_view>{"welcome", "ticketStats", "slaOverview", "recentTickets", "formSubmissions",
                                      "crmQuickView"});
  CHECK(FindPreset("admin")->name == "Admin");
  CHECK(FindPreset("hr")->color == "from-rose-500 to-rose-600");
  CHECK(FindPreset("sales")->icon == "Building2");
  // The additions come after the seed's list.
  const auto widgets = developer.Widgets();
  CHECK(widgets.size() == 13 + developer.LoupeWidgets().size());
  CHECK(widgets[13] == "activityHeatmap");
  const auto manager = FindPreset("manager")->LoupeWidgets();
  for (std::string_view id : {"reviewLoad", "collaborationGraph", "alerts", "snapshotFreshness",
                              "workloadDistribution", "burnoutRisk"}) {
    CHECK(std::find(manager.begin(), manager.end(), id) != manager.end());
  }

  CHECK(CustomPreset().Widgets().empty());
  CHECK(FindPreset("custom") == &CustomPreset());
  CHECK(FindPreset("Developer") == nullptr);
}

TEST_CASE("Registry: 44 server widgets, 14 frontend-only, 6 of Loupe's, unique ids", "[dashboard][registry]") {
  CHECK(CountOrigin(Origin::kServer) == 44);
  CHECK(CountOrigin(Origin::kFrontend) == 14);
  CHECK(CountOrigin(Origin::kLoupe) == 6);
  CHECK(Widgets().size() == 64);
  std::set<std::string_view> ids, categories;
  for (const CategorySpec& c : Categories()) categories.insert(c.id);
  for (const WidgetSpec& w : Widgets()) {
    INFO(w.id);
    CHECK(ids.insert(w.id).second);
    CHECK(categories.count(w.category) == 1);
    CHECK(!w.name.empty());
    CHECK(!w.icon.empty());
    // Available widgets name the methods that feed them; the others the data they need.
    if (w.status == DataStatus::kAvailable) {
      CHECK(w.needs.empty());
      CHECK(!w.SourceList().empty());
    } else {
      CHECK(w.needs.size() > 20);
      CHECK(w.sources.empty());
    }
    for (std::string_view persona : w.PersonaList()) {
      CHECK((persona == "all" || FindPreset(persona) != nullptr));
    }
  }
  for (std::string_view id : {"prCycleTime", "reviewLoad", "activityHeatmap", "collaborationGraph", "alerts",
                              "snapshotFreshness"}) {
    REQUIRE(FindWidget(id) != nullptr);
    CHECK(FindWidget(id)->origin == Origin::kLoupe);
    CHECK(FindWidget(id)->status == DataStatus::kAvailable);
  }
  CHECK(categories.size() == 21);  // the seed's 18, leave and agents, and Loupe's workspace
}

TEST_CASE("Registry: every preset widget is in the registry", "[dashboard][registry]") {
  for (const PresetSpec& p : ServerPresets()) {
    std::set<std::string_view> seen;
    for (std::string_view id : p.Widgets()) {
      INFO(p.id << " " << id);
      CHECK(FindWidget(id) != nullptr);
      CHECK(seen.insert(id).second);
    }
  }
}

TEST_CASE("Registry: default sizes are the seed's backend sizes", "[dashboard][registry]") {
  // aexy §6.3's "Default size" column (the backend's, where the frontend differs).
  const std::pair<std::string_view, WidgetSize> cases[] = {
      {"welcome", WidgetSize::kFull},          {"quickStats", WidgetSize::kFull},
      {"myGoals", WidgetSize::kMedium},        {"languageProficiency", WidgetSize::kLarge},
      {"workPatterns", WidgetSize::kSmall},    {"aiInsights", WidgetSize::kMedium},
      {"peerBenchmark", WidgetSize::kMedium},  {"performanceReviews", WidgetSize::kMedium},
      {"recentTickets", WidgetSize::kLarge},   {"crmQuickView", WidgetSize::kSmall},
      {"teamOverview", WidgetSize::kLarge},    {"orgMetrics", WidgetSize::kFull},
      {"systemHealth", WidgetSize::kMedium},   {"teamCalendar", WidgetSize::kLarge},
      {"leaveBalance", WidgetSize::kSmall},    {"teamStatsSummary", WidgetSize::kLarge},
  };
  for (const auto& [id, size] : cases) {
    INFO(id);
    CHECK(FindWidget(id)->default_size == size);
  }
  CHECK(ParseSize("full") == WidgetSize::kFull);
  CHECK(!ParseSize("huge"));
  CHECK(SizeName(WidgetSize::kSmall) == "small");
}

TEST_CASE("Registry: data status — what Loupe computes and what it names as missing", "[dashboard][registry]") {
  for (std::string_view id : {"quickStats", "workPatterns", "languageProficiency", "domainExpertise", "frameworksTools",
                              "peerBenchmark", "growthTrajectory", "teamOverview", "teamActivity", "teamHealth",
                              "burnoutRisk", "workloadDistribution", "teamStatsSummary", "velocityTrend", "welcome"}) {
    INFO(id);
    CHECK(FindWidget(id)->status == DataStatus::kAvailable);
  }
  const WidgetSpec& tickets = *FindWidget("ticketStats");
  CHECK(tickets.status == DataStatus::kNeeds);
  CHECK_THAT(std::string(tickets.needs), Catch::Contains("ticket data from an issue tracker"));
  CHECK_THAT(std::string(tickets.needs), Catch::Contains("Loupe imports only commits, pull requests and reviews"));
  CHECK(FindWidget("burnoutRisk")->SourceList() == std::vector<std::string_view>{"intelligence.burnout"});
  CHECK(FindWidget("activityHeatmap")->SourceList() == std::vector<std::string_view>{"analytics.activity"});
}

TEST_CASE("Registry: role gating is any-of, empty is everyone", "[dashboard][registry]") {
  REQUIRE(Roles().size() == 7);
  // No permission: everyone, even a viewer.
  CHECK(RoleCanSee("viewer", *FindWidget("welcome")));
  CHECK(RoleCanSee("viewer", *FindWidget("languageProficiency")));
  // can_view_tracking: admin, manager, developer.
  CHECK(RoleCanSee("developer", *FindWidget("workPatterns")));
  CHECK_FALSE(RoleCanSee("hr", *FindWidget("workPatterns")));
  CHECK_FALSE(RoleCanSee("viewer", *FindWidget("workPatterns")));
  // can_view_tickets: admin, support, manager.
  CHECK(RoleCanSee("support", *FindWidget("ticketStats")));
  CHECK_FALSE(RoleCanSee("developer", *FindWidget("ticketStats")));
  // can_view_reviews: admin, hr, manager — a developer does not see performance reviews.
  CHECK(RoleCanSee("hr", *FindWidget("performanceReviews")));
  CHECK_FALSE(RoleCanSee("developer", *FindWidget("performanceReviews")));
  // can_manage_workspace_settings: admin only.
  CHECK(RoleCanSee("admin", *FindWidget("orgMetrics")));
  CHECK_FALSE(RoleCanSee("manager", *FindWidget("orgMetrics")));
  // can_view_members: every role.
  for (const RoleSpec& r : Roles()) CHECK(RoleCanSee(r.id, *FindWidget("teamOverview")));
  // Loupe's grants: can_view_insights to admin, manager and hr.
  CHECK(RoleCanSee("manager", *FindWidget("workloadDistribution")));
  CHECK_FALSE(RoleCanSee("developer", *FindWidget("workloadDistribution")));
  CHECK_FALSE(RoleCanSee("nobody", *FindWidget("welcome")));

  // Individuals: admin, manager and hr only.
  for (const RoleSpec& r : Roles()) {
    INFO(r.id);
    CHECK(r.individuals == (r.id == "admin" || r.id == "manager" || r.id == "hr"));
  }
}

}  // namespace
}  // namespace loupe::dashboard
