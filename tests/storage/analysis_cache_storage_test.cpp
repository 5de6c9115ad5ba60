// Schema 4 — the analysis_cache table — on a real SQLite database: the v3 → v4 migration keeps
// every earlier row; cached intelligence results and the intelligence settings survive reopening;
// stale rows are removed when new results are cached; erasing a developer removes every cached
// result (they may name them).
#include <unistd.h>

#include <cstdio>
#include <string>

#include <catch2/catch.hpp>

#include "storage/session_file.h"
#include "support/sql_util.h"
#include "support/test_util.h"

#include "loupe/api/dispatch.h"
#include "loupe/api/window.h"
#include "loupe/storage/database.h"
#include "sqlite/sqlite3_driver.h"
#include "storage/schema.h"

namespace loupe::storage {
namespace {

using testing::Dump;
using testing::QueryInt;

Instant At(const char* text) { return *api::ParseWhen(text, false); }

std::string Call(api::Session& s, std::string_view method, std::string_view params, Instant now) {
  INFO(method << " " << params);
  auto result = api::Dispatch(s, method, params, api::CallContext{now, {}});
  if (!result.ok()) FAIL(result.status().ToString());
  return *result;
}

void ImportDemo(api::Session& s) {
  for (const char* file : {"rocket.gitlog", "rocket-pulls.json", "rocket-reviews.json"}) {
    ingest::ImportOptions options;
    options.source_name = file;
    options.repo = "acme/rocket";
    const std::string bytes = testing::ReadFileOrFail(testing::SourcePath(std::string("fixtures/demo/") + file));
    REQUIRE(s.Import(ingest::InputBuffer::Copy(bytes), options).ok());
  }
}

int64_t CachedRows(const std::string& path) {
  auto driver = native::Sqlite3Driver::Open(path);
  REQUIRE(driver.ok());
  return QueryInt(**driver, "SELECT count(*) FROM analysis_cache");
}

TEST_CASE("Storage: a schema 3 database migrates to the current schema and keeps its content", "[storage][analysis]") {
  auto driver = native::Sqlite3Driver::Open(":memory:");
  REQUIRE(driver.ok());
  SqlDriver& db = **driver;
  REQUIRE(db.Exec("BEGIN").ok());
  for (int step = 0; step < 3; ++step) REQUIRE(Migrations()[step].apply(db).ok());
  REQUIRE(db.Exec("PRAGMA user_version = 3; COMMIT").ok());
  REQUIRE(db.Exec("INSERT INTO sync_state (key, value, updated_at) VALUES ('cursor', '{\"page\":2}', 7); "
                  "INSERT INTO meta (key, value) VALUES ('name', 'demo')")
              .ok());
  const std::string before = Dump(db);

  auto opened = Database::Open(db);
  REQUIRE(opened.ok());
  CHECK((*opened)->schema_version() == Database::kSchemaVersion);
  CHECK(QueryInt(db, "PRAGMA user_version") == Database::kSchemaVersion);
  CHECK(QueryInt(db, "SELECT count(*) FROM analysis_cache") == 0);
  const std::string after = Dump(db);
  std::string expected = before;
  expected.replace(expected.find("user_version 3"), 14, "user_version " + std::to_string(Database::kSchemaVersion));
  // The old dump's lines appear in the new one in the same order.
  CHECK(testing::FirstLineMissing(expected, after) == "");
  // The table refuses what the session never writes.
  CHECK_FALSE(db.Exec("INSERT INTO analysis_cache VALUES ('k', 1, 1, 1, '{not json')").ok());
  CHECK_FALSE(db.Exec("INSERT INTO analysis_cache VALUES ('', 1, 1, 1, '{}')").ok());
}

TEST_CASE("Storage: cached analyses and intelligence settings survive reopening", "[storage][analysis]") {
  testing::TempDatabase temp("analysis_cache_storage");
  const Instant first = At("2024-04-03T09:00:00Z"), later = At("2024-04-03T18:00:00Z");
  const char* burnout = R"({"developer": "chen@acme.dev"})";
  std::string computed;
  {
    auto s = testing::OpenSessionFile(temp.path);
    ImportDemo(*s);
    computed = Call(*s, "intelligence.burnout", burnout, first);
    Call(*s, "intelligence.setSettings", R"({"expertiseHalfLifeDays": 90})", first);
  }
  CHECK(CachedRows(temp.path) == 1);
  {
    auto s = testing::OpenSessionFile(temp.path);
    CHECK(s->intelligence_settings().expertise.recency_half_life_days == 90);
    // Served from the table: the text computed at 09:00, not a new one.
    CHECK(Call(*s, "intelligence.burnout", burnout, later) == computed);
    // analyze-all caches the rest in one transaction.
    const std::string report = Call(*s, "intelligence.analyzeAll", "{}", later);
    CHECK_THAT(report, Catch::Contains("\"reused\": 1"));
  }
  const int64_t all = CachedRows(temp.path);
  CHECK(all > 7);
  {
    auto s = testing::OpenSessionFile(temp.path);
    CHECK_THAT(Call(*s, "intelligence.expertise", burnout, later + 3600),
               Catch::Contains("\"computed_at\": \"2024-04-03T18:00:00Z\""));
    // A merge makes every row stale; the next cached result removes them.
    Call(*s, "identities.merge", R"({"a": "chen@acme.dev", "b": "login:ewalsh"})", later);
    CHECK(CachedRows(temp.path) == all);
    CHECK_THAT(Call(*s, "intelligence.burnout", burnout, later + 7200),
               Catch::Contains("\"computed_at\": \"2024-04-03T20:00:00Z\""));
    CHECK(CachedRows(temp.path) == 1);
    // Erasing a developer removes every cached result with them.
    Call(*s, "privacy.erase", R"({"developer": "login:ewalsh"})", later);
    CHECK(CachedRows(temp.path) == 0);
  }
}

TEST_CASE("Storage: a corrupt intelligence settings row is reported on open", "[storage][analysis]") {
  testing::TempDatabase temp("analysis_cache_storage");
  { testing::OpenSessionFile(temp.path); }
  {
    auto driver = native::Sqlite3Driver::Open(temp.path);
    REQUIRE(driver.ok());
    REQUIRE((*driver)->Exec("INSERT INTO meta (key, value) VALUES ('intelligence_settings', "
                            "'{\"burnoutMinBreakDays\": 0}')")
                .ok());
  }
  auto driver = native::Sqlite3Driver::Open(temp.path);
  REQUIRE(driver.ok());
  auto session = api::Session::Open(std::move(driver).value());
  REQUIRE_FALSE(session.ok());
  CHECK(session.status().message() ==
        "corrupt database: meta intelligence_settings: intelligence settings: burnoutMinBreakDays must be between 1 "
        "and 36500");
}

}  // namespace
}  // namespace loupe::storage
