// Schema 3 — the sync_state table — on a real SQLite database: the v2 → v3 migration keeps every
// earlier row, and a session's sync state survives reopening.
#include <unistd.h>

#include <cstdio>
#include <string>

#include <catch2/catch.hpp>

#include "storage/session_file.h"
#include "support/sql_util.h"

#include "loupe/api/dispatch.h"
#include "loupe/storage/database.h"
#include "sqlite/sqlite3_driver.h"
#include "storage/schema.h"
#include "storage/writer.h"

namespace loupe::storage {
namespace {

using testing::Dump;
using testing::QueryInt;
using testing::QueryIsNull;
using testing::QueryText;

TEST_CASE("Storage: a schema 2 database migrates to the current schema and keeps its content", "[storage][sync]") {
  auto driver = native::Sqlite3Driver::Open(":memory:");
  REQUIRE(driver.ok());
  SqlDriver& db = **driver;
  // A database as this build's first two steps create it, with an identity, a commit, a team and
  // a meta row in it.
  REQUIRE(db.Exec("BEGIN").ok());
  REQUIRE(Migrations()[0].apply(db).ok());
  REQUIRE(Migrations()[1].apply(db).ok());
  REQUIRE(db.Exec("PRAGMA user_version = 2; COMMIT").ok());
  model::Workspace v2;
  v2.InternRepo("acme/rocket");
  model::Commit c;
  c.sha.bytes[0] = 9;
  c.repo = 0;
  c.author = v2.InternEmail("ana@acme.dev", "Ana");
  c.authored = {1704708000, 60};
  c.message = "feat: a";
  v2.UpsertCommit(c);
  REQUIRE(WriteChangeSet(db, model::Workspace().Plan(v2), {}).ok());
  REQUIRE(db.Exec("INSERT INTO teams (id, name) VALUES (1, 'core'); "
                  "INSERT INTO meta (key, value) VALUES ('name', 'demo')")
              .ok());
  REQUIRE(QueryInt(db, "SELECT count(*) FROM sqlite_master WHERE name = 'sync_state'") == 0);
  const std::string before = Dump(db);

  auto opened = Database::Open(db);
  REQUIRE(opened.ok());
  CHECK((*opened)->schema_version() == Database::kSchemaVersion);
  CHECK(QueryInt(db, "PRAGMA user_version") == Database::kSchemaVersion);
  CHECK(QueryInt(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'sync_state'") == 1);
  CHECK(QueryInt(db, "SELECT count(*) FROM sync_state") == 0);
  // Every earlier table and row is as it was: the new dump is the old one plus the new table.
  const std::string after = Dump(db);
  CHECK(after.size() > before.size());
  std::string expected = before;
  expected.replace(expected.find("user_version 2"), 14, "user_version " + std::to_string(Database::kSchemaVersion));
  // The old dump's lines appear in the new one in the same order.
  CHECK(testing::FirstLineMissing(expected, after) == "");
  model::Workspace loaded;
  StoredState state;
  REQUIRE((*opened)->Load(loaded, &state).ok());
  CHECK(loaded.commits().size() == 1);
  CHECK(state.settings.teams.size() == 1);
  CHECK(state.sync_state.empty());
  // The table refuses what the session never writes.
  CHECK_FALSE(db.Exec("INSERT INTO sync_state (key, value, updated_at) VALUES ('k', '{not json', 1)").ok());
  CHECK_FALSE(db.Exec("INSERT INTO sync_state (key, value, updated_at) VALUES ('', '1', 1)").ok());
  // Reopening a schema 3 database changes nothing.
  const std::string v3 = Dump(db);
  REQUIRE(Database::Open(db).ok());
  CHECK(Dump(db) == v3);
}

TEST_CASE("Storage: sync state is stored by key and survives reopening", "[storage][sync]") {
  testing::TempDatabase file("sync_state_storage");
  {
    auto session = testing::OpenSessionFile(file.path);
    api::CallContext context{1700000000, {}};
    REQUIRE(api::Dispatch(*session, "sync.putState", R"({"key": "github:acme/rocket", "value": {"etag": "W/\"1\""}})",
                          context)
                .ok());
    REQUIRE(session->PutSyncState("cursor", "\"2024-01-01T00:00:00Z\"", 1700000100).ok());
    REQUIRE(session->PutSyncState("gone", "[1, 2]", 1700000200).ok());
    REQUIRE(session->PutSyncState("gone", "null", 1700000300).ok());
    REQUIRE(session->PutSyncState("cursor", "\"2024-02-01T00:00:00Z\"", 1700000400).ok());
  }
  {
    auto driver = native::Sqlite3Driver::Open(file.path);
    REQUIRE(driver.ok());
    CHECK(QueryInt(**driver, "SELECT count(*) FROM sync_state") == 2);
    CHECK(QueryText(**driver, "SELECT value FROM sync_state WHERE key = 'github:acme/rocket'") == R"({"etag":"W/\"1\""})");
    CHECK(QueryInt(**driver, "SELECT updated_at FROM sync_state WHERE key = 'cursor'") == 1700000400);
    CHECK_FALSE(QueryIsNull(**driver, "SELECT updated_at FROM sync_state WHERE key = 'github:acme/rocket'"));
  }
  auto reopened = testing::OpenSessionFile(file.path);
  CHECK(reopened->GetSyncState("github:acme/rocket") == R"({"etag":"W/\"1\""})");
  CHECK(reopened->GetSyncState("cursor") == "\"2024-02-01T00:00:00Z\"");
  CHECK_FALSE(reopened->GetSyncState("gone").has_value());
  CHECK(reopened->sync_state().at("github:acme/rocket").updated_at == 1700000000);
  auto got = api::Dispatch(*reopened, "sync.getState", R"({"key": "cursor"})", {});
  REQUIRE(got.ok());
  CHECK(*got == R"({"key":"cursor","value":"2024-02-01T00:00:00Z"})");
  CHECK_THAT(*api::Dispatch(*reopened, "workspace.describe", "", {}), Catch::Contains("\"schema_version\": " + std::to_string(Database::kSchemaVersion)));
}

}  // namespace
}  // namespace loupe::storage
