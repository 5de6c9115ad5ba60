// The dashboard.* Dispatch methods on an in-memory session: the registry and presets, the
// preferences created on first read, every mutation answering the resolved preferences, role
// filtering at read time, and bad params that name the field and store nothing. Results are
// checked on their minified JSON text.
#include <cstdio>

#include <catch2/catch.hpp>

#include "loupe/api/dispatch.h"
#include "loupe/api/session.h"
#include "support/test_util.h"

namespace loupe::api {
namespace {

using testing::MinifyJson;

struct Caller {
  Session& session;
  CallContext context{1717200000, {}};

  std::string Ok(std::string_view method, std::string_view params = "{}") {
    INFO(method << " " << params);
    auto result = Dispatch(session, method, params, context);
    if (!result.ok()) FAIL(result.status().ToString());
    return MinifyJson(*result);
  }
  Status Error(std::string_view method, std::string_view params) {
    auto result = Dispatch(session, method, params, context);
    REQUIRE_FALSE(result.ok());
    return result.status();
  }
};

// {x, y, w, h} of a widget of the resolved preferences; {} when it is not on the grid.
std::vector<int> Cell(const std::string& json, const std::string& id) {
  const size_t at = json.find("{\"id\":\"" + id + "\",\"name\"");
  if (at == std::string::npos) return {};
  const size_t x = json.find("\"x\":", at);
  int c[4] = {};
  REQUIRE(std::sscanf(json.c_str() + x, "\"x\":%d,\"y\":%d,\"w\":%d,\"h\":%d", &c[0], &c[1], &c[2], &c[3]) == 4);
  return {c[0], c[1], c[2], c[3]};
}

using Catch::Contains;

TEST_CASE("Dashboard dispatch: presets and the registry", "[dashboard][api]") {
  auto session = Session::InMemory();
  Caller call{*session};
  const std::string presets = call.Ok("dashboard.presets");
  CHECK_THAT(presets, Catch::StartsWith("[{\"id\":\"developer\",\"name\":\"Developer\""));
  CHECK_THAT(presets, Contains("{\"id\":\"custom\",\"name\":\"Custom\""));
  CHECK_THAT(presets, Contains("\"seed_widgets\":[\"welcome\",\"ticketStats\",\"slaOverview\",\"recentTickets\","
                               "\"formSubmissions\",\"crmQuickView\"],\"loupe_widgets\":[]"));

  const std::string registry = call.Ok("dashboard.widgets", R"({"role": "viewer"})");
  CHECK_THAT(registry, Contains("{\"id\":\"ticketStats\",\"name\":\"Ticket Stats\",\"category\":\"tickets\","
                                "\"personas\":[\"support\",\"admin\"],\"default_size\":\"medium\",\"icon\":\"Ticket\","
                                "\"required_permissions\":[\"can_view_tickets\"],\"origin\":\"server\","
                                "\"status\":\"needs\",\"needs\":\"ticket data from an issue tracker"));
  CHECK_THAT(registry, Contains("\"status\":\"available\",\"sources\":[\"intelligence.burnout\"],\"accessible\":false}"));
  CHECK_THAT(registry, Contains("{\"id\":\"workspace\",\"name\":\"Workspace Data\",\"icon\":\"Database\"}"));
  CHECK_THAT(registry, Contains("{\"id\":\"viewer\",\"permissions\":[\"can_view_members\",\"can_view_docs\"],"
                                "\"individuals\":false}"));
  CHECK_THAT(call.Ok("dashboard.widgets"), !Contains("accessible"));
  CHECK_THAT(call.Error("dashboard.widgets", R"({"role": "boss"})").message(),
             Catch::StartsWith("dashboard.widgets: param \"role\" is not a role"));
}

TEST_CASE("Dashboard dispatch: preferences are created on first read and every mutation answers them whole",
          "[dashboard][api]") {
  auto session = Session::InMemory();
  Caller call{*session};
  CHECK_FALSE(*session->StoredDashboardPreferences("local"));
  std::string prefs = call.Ok("dashboard.preferences");
  CHECK(*session->StoredDashboardPreferences("local"));
  CHECK_THAT(prefs, Catch::StartsWith("{\"user\":\"local\",\"role\":\"developer\",\"individuals\":false,"
                                      "\"preset\":\"developer\",\"presets\":[\"developer\",\"manager\",\"product\","
                                      "\"hr\",\"support\",\"sales\",\"admin\",\"custom\"],\"customised\":[\"developer\"],"
                                      "\"widgets\":[{\"id\":\"welcome\",\"name\":\"Welcome\",\"category\":\"profile\","
                                      "\"x\":0,\"y\":0,\"w\":12,\"h\":4,\"size\":\"full\",\"accessible\":true,"
                                      "\"status\":\"available\",\"sources\":[\"workspace.describe\"]}"));
  // The developer cannot see performanceReviews: filtered, listed as restricted.
  CHECK_THAT(prefs, Contains("\"restricted\":[\"performanceReviews\"]"));
  CHECK(Cell(prefs, "performanceReviews").empty());
  CHECK(Cell(prefs, "workPatterns") == std::vector<int>{8, 8, 4, 3});
  CHECK_THAT(prefs, Contains("\"id\":\"myGoals\",\"name\":\"My Goals\",\"category\":\"goals\",\"x\":0,\"y\":25,"
                             "\"w\":6,\"h\":4,\"size\":\"medium\",\"accessible\":true,\"status\":\"needs\",\"needs\":\"goals"));
  // Nothing imported yet: the first item is not done.
  CHECK_THAT(prefs, Contains("\"checklist\":{\"items\":[{\"id\":\"importData\",\"label\":\"Import commits, pull "
                             "requests and reviews\",\"done\":false,\"auto\":false}"));

  // Resize, switch away and back: the resize is still there.
  prefs = call.Ok("dashboard.resizeWidget", R"({"widget": "workPatterns", "w": 4, "h": 6})");
  CHECK(Cell(prefs, "workPatterns") == std::vector<int>{8, 8, 4, 6});
  prefs = call.Ok("dashboard.switchPreset", R"({"preset": "manager"})");
  CHECK_THAT(prefs, Contains("\"preset\":\"manager\""));
  CHECK(!Cell(prefs, "teamOverview").empty());
  prefs = call.Ok("dashboard.switchPreset", R"({"preset": "developer"})");
  CHECK(Cell(prefs, "workPatterns") == std::vector<int>{8, 8, 4, 6});
  CHECK_THAT(prefs, Contains("\"customised\":[\"developer\",\"manager\"]"));

  prefs = call.Ok("dashboard.moveWidget", R"({"widget": "workPatterns", "x": 0, "y": 0})");
  CHECK(Cell(prefs, "workPatterns") == std::vector<int>{0, 0, 4, 6});
  CHECK(Cell(prefs, "welcome") == std::vector<int>{0, 6, 12, 4});
  prefs = call.Ok("dashboard.setWidgetSize", R"({"widget": "workPatterns", "size": "large"})");
  CHECK(Cell(prefs, "workPatterns") == std::vector<int>{0, 0, 8, 5});
  CHECK_THAT(prefs, Contains("\"id\":\"workPatterns\",\"name\":\"Work Patterns\",\"category\":\"analytics\",\"x\":0,"
                             "\"y\":0,\"w\":8,\"h\":5,\"size\":\"large\""));
  prefs = call.Ok("dashboard.hideWidget", R"({"widget": "aiInsights"})");
  CHECK_THAT(prefs, Contains("\"hidden\":[\"aiInsights\"]"));
  prefs = call.Ok("dashboard.showWidget", R"({"widget": "aiInsights"})");
  CHECK_THAT(prefs, Contains("\"hidden\":[]"));
  prefs = call.Ok("dashboard.resetPreset");
  CHECK(Cell(prefs, "workPatterns") == std::vector<int>{8, 8, 4, 3});

  // A manager sees performance reviews again: filtered, never deleted.
  prefs = call.Ok("dashboard.setRole", R"({"role": "manager"})");
  CHECK_THAT(prefs, Contains("\"individuals\":true"));
  CHECK_THAT(prefs, Contains("\"restricted\":[]"));
  CHECK(!Cell(prefs, "performanceReviews").empty());

  prefs = call.Ok("dashboard.trackVisits", R"({"visits": {"/insights/developer": 2, "/reports": 1.5, "/analytics": 3}})");
  CHECK_THAT(prefs, Contains("\"visits\":{\"/analytics\":3,\"/insights\":2}"));  // 1.5 is not an integer: skipped
  prefs = call.Ok("dashboard.pin", R"({"item": "/analytics"})");
  CHECK_THAT(prefs, Contains("\"pinned\":[\"/analytics\"]"));
  CHECK_THAT(call.Ok("dashboard.recommendations"), Catch::StartsWith("{\"routes\":[{\"path\":\"/insights\",\"visits\":2}],"));
  prefs = call.Ok("dashboard.unpin", R"({"item": "/analytics"})");
  CHECK_THAT(prefs, Contains("\"pinned\":[]"));

  prefs = call.Ok("dashboard.completeChecklistItem", R"({"item": "createTeam"})");
  CHECK_THAT(prefs, Contains("{\"id\":\"createTeam\",\"label\":\"Create a team\",\"done\":true,\"auto\":false}"));
  prefs = call.Ok("dashboard.dismissChecklist");
  CHECK_THAT(prefs, Contains("\"dismissed\":true}}"));
  CHECK_THAT(call.Ok("dashboard.checklist"), Contains("\"dismissed\":true}"));
}

TEST_CASE("Dashboard dispatch: bad params name the field and store nothing", "[dashboard][api]") {
  auto session = Session::InMemory();
  Caller call{*session};
  // A first call that fails stores nothing, not even the defaults.
  CHECK(call.Error("dashboard.moveWidget", R"({"widget": "nope", "x": 0, "y": 0})").code() ==
        StatusCode::kInvalidInput);
  CHECK_FALSE(*session->StoredDashboardPreferences("local"));

  call.Ok("dashboard.resizeWidget", R"({"widget": "workPatterns", "w": 5, "h": 5})");
  const auto before = *session->StoredDashboardPreferences("local");
  struct Case {
    const char* method;
    const char* params;
    const char* message;
  };
  const Case cases[] = {
      {"dashboard.moveWidget", R"({"widget": "nope", "x": 0, "y": 0})",
       "dashboard.moveWidget: param \"widget\" is not a widget: \"nope\""},
      {"dashboard.moveWidget", R"({"widget": "welcome", "x": "left", "y": 0})",
       "dashboard.moveWidget: param \"x\" must be an integer"},
      {"dashboard.moveWidget", R"({"widget": "welcome", "y": 0})", "dashboard.moveWidget: param \"x\" is required"},
      {"dashboard.resizeWidget", R"({"widget": "welcome", "w": 4})", "dashboard.resizeWidget: param \"h\""},
      {"dashboard.setWidgetSize", R"({"widget": "welcome", "size": "huge"})",
       "dashboard.setWidgetSize: param \"size\" must be small, medium, large or full"},
      {"dashboard.switchPreset", R"({"preset": "ceo"})", "dashboard.switchPreset: param \"preset\" is not a preset"},
      {"dashboard.switchPreset", "{}", "dashboard.switchPreset: param \"preset\" is required"},
      {"dashboard.resetPreset", R"({"preset": "ceo"})", "dashboard.resetPreset: param \"preset\" is not a preset"},
      {"dashboard.setRole", R"({"role": "owner"})", "dashboard.setRole: param \"role\" is not a role"},
      {"dashboard.reorder", R"({"widgets": ["welcome", 3]})", "dashboard.reorder: param \"widgets[1]\""},
      {"dashboard.reorder", R"({"widgets": ["welcome", "zzz"]})",
       "dashboard.reorder: param \"widgets[1]\" is not a widget"},
      {"dashboard.reorder", R"({"widgets": ["welcome"]})", "dashboard.reorder: the order leaves out widget"},
      {"dashboard.trackVisits", R"({"visits": [1]})", "dashboard.trackVisits: param \"visits\" must be an object"},
      {"dashboard.pin", R"({"item": ""})", "dashboard.pin: a pinned item is 1-200 bytes"},
      {"dashboard.completeChecklistItem", R"({"item": "fly"})",
       "dashboard.completeChecklistItem: unknown checklist item"},
      {"dashboard.preferences", R"({"user": ""})", "dashboard.preferences: param \"user\" must be 1-100 bytes"},
      {"dashboard.hideWidget", R"({"widget": "welcome", "force": true})", "dashboard.hideWidget: unknown param"},
  };
  for (const Case& c : cases) {
    INFO(c.method << " " << c.params);
    const Status status = call.Error(c.method, c.params);
    CHECK(status.code() == StatusCode::kInvalidInput);
    CHECK_THAT(status.message(), Catch::StartsWith(c.message));
  }
  // The operation's own errors keep their code.
  CHECK(call.Error("dashboard.hideWidget", R"({"widget": "ticketStats"})").code() == StatusCode::kNotFound);
  CHECK(call.Error("dashboard.moveWidget", R"({"widget": "performanceReviews", "x": 0, "y": 0})").code() ==
        StatusCode::kFailedPrecondition);
  CHECK(call.Error("dashboard.unpin", R"({"item": "/nowhere"})").code() == StatusCode::kNotFound);
  CHECK(*session->StoredDashboardPreferences("local") == before);

  // Users are separate.
  call.Ok("dashboard.switchPreset", R"({"user": "ana", "preset": "hr"})");
  CHECK_THAT(call.Ok("dashboard.preferences", R"({"user": "ana"})"), Contains("\"preset\":\"hr\""));
  CHECK_THAT(call.Ok("dashboard.preferences"), Contains("\"preset\":\"developer\""));
}

}  // namespace
}  // namespace loupe::api
