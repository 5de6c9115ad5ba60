// Schema 5 — the dashboard_preferences table — on a real SQLite database: the v4 → v5 migration
// keeps every earlier row; preferences survive reopening the file; a failed dashboard call writes
// nothing; a damaged row is reported, not guessed at.
#include <string>

#include <catch2/catch.hpp>

#include "storage/session_file.h"
#include "support/sql_util.h"

#include "loupe/api/dispatch.h"
#include "loupe/dashboard/json.h"
#include "loupe/storage/database.h"
#include "sqlite/sqlite3_driver.h"
#include "storage/schema.h"

namespace loupe::storage {
namespace {

using testing::Dump;
using testing::QueryInt;

std::string Call(api::Session& s, std::string_view method, std::string_view params) {
  INFO(method << " " << params);
  auto result = api::Dispatch(s, method, params, api::CallContext{1717200000, {}});
  if (!result.ok()) FAIL(result.status().ToString());
  return *result;
}

TEST_CASE("Storage: a schema 4 database migrates to schema 5 and keeps its content", "[storage][dashboard]") {
  auto driver = native::Sqlite3Driver::Open(":memory:");
  REQUIRE(driver.ok());
  SqlDriver& db = **driver;
  REQUIRE(db.Exec("BEGIN").ok());
  for (int step = 0; step < 4; ++step) REQUIRE(Migrations()[step].apply(db).ok());
  REQUIRE(db.Exec("PRAGMA user_version = 4; COMMIT").ok());
  REQUIRE(db.Exec("INSERT INTO sync_state (key, value, updated_at) VALUES ('cursor', '{\"page\":2}', 7); "
                  "INSERT INTO analysis_cache VALUES ('burnout|all', 3, 4, 5, '{\"risk\":1}'); "
                  "INSERT INTO meta (key, value) VALUES ('name', 'demo')")
              .ok());
  const std::string before = Dump(db);

  auto opened = Database::Open(db);
  REQUIRE(opened.ok());
  CHECK((*opened)->schema_version() == 5);
  CHECK(QueryInt(db, "PRAGMA user_version") == 5);
  CHECK(QueryInt(db, "SELECT count(*) FROM dashboard_preferences") == 0);
  std::string expected = before;
  expected.replace(expected.find("user_version 4"), 14, "user_version 5");
  CHECK(testing::FirstLineMissing(expected, Dump(db)) == "");
  // The table refuses what the session never writes.
  CHECK_FALSE(db.Exec("INSERT INTO dashboard_preferences VALUES ('', '{}', 1)").ok());
  CHECK_FALSE(db.Exec("INSERT INTO dashboard_preferences VALUES ('u', '[1]', 1)").ok());
  CHECK_FALSE(db.Exec("INSERT INTO dashboard_preferences VALUES ('u', '{oops', 1)").ok());

  // Database round trip.
  dashboard::Preferences prefs = dashboard::DefaultPreferences();
  REQUIRE(dashboard::SwitchPreset(prefs, "admin").ok());
  REQUIRE(dashboard::Pin(prefs, "/reports").ok());
  auto batch = (*opened)->Begin();
  REQUIRE(batch.ok());
  REQUIRE((*batch)->WriteDashboardPreferences("local", prefs, 42).ok());
  REQUIRE((*batch)->Commit().ok());
  auto back = (*opened)->ReadDashboardPreferences("local");
  REQUIRE(back.ok());
  REQUIRE(back->has_value());
  CHECK(**back == prefs);
  CHECK_FALSE(*(*opened)->ReadDashboardPreferences("someone-else"));
}

TEST_CASE("Storage: dashboard preferences survive reopening, and failed calls write nothing", "[storage][dashboard]") {
  testing::TempDatabase file("dashboard");
  {
    auto session = testing::OpenSessionFile(file.path);
    Call(*session, "dashboard.resizeWidget", R"({"widget": "workPatterns", "w": 4, "h": 6})");
    Call(*session, "dashboard.switchPreset", R"({"preset": "manager"})");
    Call(*session, "dashboard.trackVisits", R"({"visits": {"/insights/team": 3}})");
    Call(*session, "dashboard.pin", R"({"item": "/insights"})");
  }
  {
    auto session = testing::OpenSessionFile(file.path);
    auto driver = native::Sqlite3Driver::Open(file.path);
    REQUIRE(driver.ok());
    const std::string before = Dump(**driver);
    CHECK_FALSE(api::Dispatch(*session, "dashboard.moveWidget", R"({"widget": "nope", "x": 1, "y": 1})", {}).ok());
    CHECK_FALSE(api::Dispatch(*session, "dashboard.hideWidget", R"({"widget": "ticketStats"})", {}).ok());
    CHECK(Dump(**driver) == before);

    const std::string prefs = Call(*session, "dashboard.preferences", "{}");
    CHECK_THAT(prefs, Catch::Contains("\"preset\": \"manager\""));
    CHECK_THAT(prefs, Catch::Contains("\"/insights\": 3"));
    const std::string developer = Call(*session, "dashboard.switchPreset", R"({"preset": "developer"})");
    // workPatterns kept its 4×6 at (8, 8) across the switch and the reopen.
    CHECK_THAT(developer, Catch::Contains("\"id\": \"workPatterns\",\n      \"name\": \"Work Patterns\",\n      "
                                          "\"category\": \"analytics\",\n      \"x\": 8,\n      \"y\": 8,\n      "
                                          "\"w\": 4,\n      \"h\": 6"));
  }
}

TEST_CASE("Storage: a damaged dashboard row is reported", "[storage][dashboard]") {
  testing::TempDatabase file("dashboard_damaged");
  {
    auto session = testing::OpenSessionFile(file.path);
    Call(*session, "dashboard.preferences", "{}");
  }
  {
    auto driver = native::Sqlite3Driver::Open(file.path);
    REQUIRE(driver.ok());
    REQUIRE((*driver)->Exec("UPDATE dashboard_preferences SET preferences = '{\"version\": 1, \"role\": 7}'").ok());
  }
  auto session = testing::OpenSessionFile(file.path);
  auto result = api::Dispatch(*session, "dashboard.preferences", "{}", {});
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().code() == StatusCode::kInvalidInput);
  CHECK_THAT(result.status().message(), Catch::Contains("corrupt database: dashboard preferences: preferences.role"));
}

}  // namespace
}  // namespace loupe::storage
