// `loupe dashboard …` end to end: real processes on a real SQLite file holding the demo
// workspace. Preferences persist across processes, a preset keeps its layout across a switch and
// back, --json is the engine's Dispatch result, and bad input exits 1 (engine) or 2 (usage)
// storing nothing.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "cli/cli_run.h"
#include "loupe/api/dispatch.h"
#include "sqlite/sqlite3_driver.h"

namespace loupe {
namespace {

using testing::DemoDatabase;
using testing::Loupe;
using testing::LoupeOk;
using testing::Run;

TEST_CASE("loupe dashboard: presets, widgets and help", "[cli][dashboard]") {
  const Run help = LoupeOk({"dashboard", "--help"});
  CHECK_THAT(help.out, Catch::Contains("switch PRESET"));
  CHECK_THAT(help.out, Catch::Contains("resize ID W H"));
  const Run presets = LoupeOk({"dashboard", "presets", "--json"});
  CHECK_THAT(presets.out, Catch::Contains("\"id\": \"hr\""));
  CHECK_THAT(presets.out, Catch::Contains("\"id\": \"custom\""));
  const Run widgets = LoupeOk({"dashboard", "widgets", "--role", "support", "--json"});
  CHECK_THAT(widgets.out, Catch::Contains("\"id\": \"ticketStats\""));
  CHECK_THAT(widgets.out, Catch::Contains("\"accessible\": false"));
  const Run text = LoupeOk({"dashboard", "presets"});
  CHECK_THAT(text.out, Catch::Contains("Engineering Manager"));
}

TEST_CASE("loupe dashboard: the layout persists across processes and preset switches", "[cli][dashboard]") {
  const std::string db = DemoDatabase("dashboard-cli");
  const Run show = LoupeOk({"--db", db, "dashboard", "show"});
  CHECK_THAT(show.out, Catch::Contains("Preset developer, role developer (team-level figures)"));
  CHECK_THAT(show.out, Catch::Contains("workPatterns               8   8   4   3  small   available"));
  CHECK_THAT(show.out, Catch::Contains("restricted: performanceReviews"));
  CHECK_THAT(show.out, Catch::Contains("[x] Import commits, pull requests and reviews"));
  CHECK_THAT(show.out, Catch::Contains("[ ] Create a team"));

  LoupeOk({"--db", db, "dashboard", "resize", "workPatterns", "4", "6"});
  LoupeOk({"--db", db, "dashboard", "switch", "manager"});
  LoupeOk({"--db", db, "dashboard", "move", "teamOverview", "0", "0"});
  LoupeOk({"--db", db, "dashboard", "pin", "/insights"});
  LoupeOk({"--db", db, "dashboard", "visit", "/analytics/team", "/analytics", "/reports"});
  const Run back = LoupeOk({"--db", db, "dashboard", "switch", "developer"});
  CHECK_THAT(back.out, Catch::Contains("workPatterns               8   8   4   6  small   available"));
  CHECK_THAT(back.out, Catch::Contains("pinned:     /insights"));
  CHECK_THAT(back.out, Catch::Contains("visits:     /analytics 2, /reports 1"));

  // --json is what a session on the same file answers.
  const Run json = LoupeOk({"--db", db, "dashboard", "show", "--json"});
  auto driver = native::Sqlite3Driver::Open(db);
  REQUIRE(driver.ok());
  auto session = api::Session::Open(std::move(driver).value());
  REQUIRE(session.ok());
  auto direct = api::Dispatch(**session, "dashboard.preferences", "{}", {});
  REQUIRE(direct.ok());
  CHECK(*direct + "\n" == json.out);

  // Errors: an unknown widget (exit 1, nothing stored) and a usage error (exit 2).
  const Run bad = Loupe({"--db", db, "dashboard", "move", "noSuchWidget", "1", "1"});
  CHECK(bad.code == 1);
  CHECK_THAT(bad.err, Catch::Contains("param \"widget\" is not a widget: \"noSuchWidget\""));
  const Run usage = Loupe({"--db", db, "dashboard", "move", "welcome"});
  CHECK(usage.code == 2);
  const Run role = Loupe({"--db", db, "dashboard", "role", "owner"});
  CHECK(role.code == 1);
  CHECK(LoupeOk({"--db", db, "dashboard", "show", "--json"}).out == json.out);

  const Run reset = LoupeOk({"--db", db, "dashboard", "reset"});
  CHECK_THAT(reset.out, Catch::Contains("workPatterns               8   8   4   3  small   available"));
  const Run recommend = LoupeOk({"--db", db, "dashboard", "recommend", "--json"});
  CHECK_THAT(recommend.out, Catch::Contains("\"path\": \"/analytics\""));
}

}  // namespace
}  // namespace loupe
