// Schema 2 — settings, teams, snapshots, alerts — on a real SQLite database: the v1 → v2
// migration, reopening, erasure and a rolled-back recompute.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include <catch2/catch.hpp>

#include "storage/session_file.h"
#include "support/sql_util.h"

#include "engine/snapshots/session_fixture.h"
#include "loupe/alerts/json.h"
#include "loupe/snapshots/json.h"
#include "loupe/storage/database.h"
#include "sqlite/sqlite3_driver.h"
#include "storage/schema.h"
#include "storage/writer.h"

namespace loupe::storage {
namespace {

using testing::Dump;
using testing::FileSize;
using testing::QueryInt;
using testing::QueryIsNull;
using testing::QueryText;
using testing::RemoveDatabase;

using testing::At;
using testing::GitCommit;
using testing::ImportOrFail;
using testing::JsonArray;
using testing::kAna;
using testing::kBob;
using testing::kCy;

std::vector<std::string> TableNames(SqlDriver& driver) {
  std::vector<std::string> names;
  auto query = driver.Prepare("SELECT name FROM sqlite_master ORDER BY name");
  REQUIRE(query.ok());
  for (;;) {
    auto row = (*query)->Step();
    REQUIRE(row.ok());
    if (!*row) break;
    names.emplace_back((*query)->ColumnText(0));
  }
  return names;
}

//! Settings, snapshots, alerts and versions of a session, as comparable text.
std::string State(const api::Session& s) {
  JsonWriter w;
  w.BeginObject().Key("developers").BeginArray();
  for (const auto& [key, row] : s.snapshots().developers()) snapshots::WriteJson(w, row, s.versions());
  w.EndArray().Key("teams").BeginArray();
  for (const auto& [key, row] : s.snapshots().teams()) snapshots::WriteJson(w, row, s.versions());
  w.EndArray().Key("rules").BeginArray();
  for (const auto& r : s.alerts().rules()) alerts::WriteJson(w, r);
  w.EndArray().Key("alerts").BeginArray();
  for (const auto& a : s.alerts().alerts()) alerts::WriteJson(w, a);
  w.EndArray().Key("schedules").BeginArray();
  for (const auto& x : s.settings().schedules) snapshots::WriteJson(w, x);
  w.EndArray().Key("insight_settings").BeginArray();
  for (const auto& x : s.settings().insight_settings) snapshots::WriteJson(w, x);
  w.EndArray().Field("data_version", s.versions().data).Field("inputs_version", s.versions().inputs);
  w.EndObject();
  return w.Take();
}

//! Everything schema 2 stores: Ana, Bob and Cy with commits, PRs and reviews in the weeks of
//! 2024-01-08 and 2024-01-15; team Core (Ana lead, Bob); workspace and team settings; Ana's
//! schedule; weekly snapshots of both weeks (plus Core's); the six templates and a developer
//! rule; an evaluation with one acknowledged alert.
void Populate(api::Session& s) {
  ImportOrFail(s, GitCommit(1, kAna, "2024-01-08T10:00:00Z") + GitCommit(2, kAna, "2024-01-16T23:00:00Z") +
                      GitCommit(3, kBob, "2024-01-09T11:00:00Z", kAna.name + " <" + kAna.Email() + ">") +
                      GitCommit(4, kCy, "2024-01-13T10:00:00Z"));
  ImportOrFail(s,
               JsonArray({testing::PullJson(1, kAna, "2024-01-08T09:00:00Z", "2024-01-09T09:00:00Z"),
                          testing::PullJson(2, kBob, "2024-01-15T09:30:00Z", "", {kAna, kCy})}),
               "pulls.json");
  ImportOrFail(s, JsonArray({testing::ReviewJson(501, 1, kBob, "2024-01-08T12:00:00Z")}), "reviews.json");
  REQUIRE(s.CreateTeam("Core").ok());
  REQUIRE(s.AddTeamMembers("Core", {"ana"}, model::TeamRole::kLead).ok());
  REQUIRE(s.AddTeamMembers("Core", {"bob"}, model::TeamRole::kMember).ok());
  model::InsightSettings workspace;
  workspace.working_hours = model::WorkingHours{"Europe/Berlin", 8, 17, 23, 5};
  workspace.health_weights = model::HealthWeights{0.3, 0.1, 0.2, 0.25, 0.15};
  workspace.bottleneck_multiplier = 2.5;
  workspace.auto_generate_snapshots = true;
  workspace.snapshot_frequency = PeriodType::kBiweekly;
  workspace.holidays = {CivilDate{2024, 12, 25}, CivilDate{2024, 1, 1}};
  REQUIRE(s.SetInsightSettings(workspace).ok());
  model::InsightSettings core = *s.InsightSettingsOf("core");
  core.holidays = {CivilDate{2024, 5, 1}};
  REQUIRE(s.SetInsightSettings(core).ok());
  model::WorkingSchedule schedule;
  schedule.hours = {"America/Sao_Paulo", 10, 19, 22, 6};
  schedule.working_days = 0b0011110;
  schedule.role = "staff";
  schedule.holidays = {CivilDate{2024, 2, 12}};
  REQUIRE(s.SetSchedule("ana", schedule).ok());
  api::SnapshotRequest weeks;
  weeks.range = {At("2024-01-08T00:00:00Z"), At("2024-01-22T00:00:00Z")};
  REQUIRE(s.GenerateSnapshots(weeks, 1000).ok());
  weeks.team = "Core";
  REQUIRE(s.GenerateSnapshots(weeks, 1100).ok());
  REQUIRE(*s.SeedAlertTemplates(1200) == 6);
  alerts::Rule rule;
  rule.name = "Ana's reviews";
  rule.category = snapshots::Category::kQuality;
  rule.metric = "review_participation_rate";
  rule.op = alerts::Operator::kChangePct;
  rule.threshold = -25;
  rule.scope = alerts::Scope::kDeveloper;
  rule.scope_ref = "ana";
  REQUIRE(s.AddAlertRule(rule, 1300).ok());
  auto evaluation = s.EvaluateAlerts({At("2024-01-08T00:00:00Z"), At("2024-01-15T00:00:00Z")},
                                     metrics::MetricProfile::kLoupe, 1400);
  REQUIRE(evaluation.ok());
  REQUIRE_FALSE(s.alerts().alerts().empty());
  REQUIRE(s.AcknowledgeAlert(s.alerts().alerts()[0].id, "lead", 1500).ok());
}

TEST_CASE("Storage: a schema 1 database migrates to schema 2 and keeps its content", "[storage][settings]") {
  auto driver = native::Sqlite3Driver::Open(":memory:");
  REQUIRE(driver.ok());
  SqlDriver& db = **driver;
  // A database as this build's schema 1 step creates it, with a repository, an identity and a
  // commit in it.
  REQUIRE(db.Exec("BEGIN").ok());
  REQUIRE(Migrations()[0].apply(db).ok());
  REQUIRE(db.Exec("PRAGMA user_version = 1; COMMIT").ok());
  model::Workspace v1;
  v1.InternRepo("acme/rocket");
  model::Commit c;
  c.sha.bytes[0] = 7;
  c.repo = 0;
  c.author = v1.InternEmail("ana@acme.dev", "Ana");
  c.authored = {At("2024-01-08T10:00:00Z"), 60};
  c.message = "feat: a";
  v1.UpsertCommit(c);
  model::ChangeSet changes = model::Workspace().Plan(v1);
  REQUIRE(WriteChangeSet(db, changes, {}).ok());
  const std::vector<std::string> v1_objects = TableNames(db);
  const std::string v1_rows = Dump(db, v1_objects);
  REQUIRE(QueryInt(db, "SELECT count(*) FROM sqlite_master WHERE name = 'developer_snapshots'") == 0);

  auto opened = Database::Open(db);
  REQUIRE(opened.ok());
  CHECK((*opened)->schema_version() == Database::kSchemaVersion);
  CHECK(QueryInt(db, "PRAGMA user_version") == Database::kSchemaVersion);
  for (const char* table : {"teams", "team_members", "working_schedules", "insight_settings", "developer_snapshots",
                            "team_snapshots", "alert_rules", "alert_history"}) {
    INFO(table);
    CHECK(QueryInt(db, std::string("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '") + table +
                           "'") == 1);
  }
  model::Workspace loaded;
  StoredState state;
  REQUIRE((*opened)->Load(loaded, &state).ok());
  REQUIRE(loaded.commits().size() == 1);
  CHECK(loaded.commits()[0] == v1.commits()[0]);
  CHECK(state.settings == model::WorkspaceSettings{});
  CHECK(state.snapshots.empty());
  CHECK(state.versions == snapshots::Versions{});

  // Schema 1's tables, indexes and rows are as they were (only user_version moved on).
  const std::string v1_after = Dump(db, v1_objects);
  CHECK(v1_after.substr(v1_after.find('\n')) == v1_rows.substr(v1_rows.find('\n')));
  // Reopening a schema 2 database changes nothing.
  const std::string v2 = Dump(db);
  auto again = Database::Open(db);
  REQUIRE(again.ok());
  CHECK(Dump(db) == v2);
}

TEST_CASE("Storage: every snapshot column has its metric field and no field lacks a column", "[storage][settings]") {
  // The DDL of schema 2 is literal text (shipped steps never change); the writer binds the
  // columns of snapshots::MetricFields(). They must name the same columns, in any order.
  auto driver = native::Sqlite3Driver::Open(":memory:");
  REQUIRE(driver.ok());
  REQUIRE(Database::Open(**driver).ok());
  std::vector<std::string> columns;
  auto info = (*driver)->Prepare("SELECT name FROM pragma_table_info('developer_snapshots') WHERE name LIKE '%\\_%' ESCAPE '\\' "
                                 "AND name NOT IN ('period_type', 'period_start', 'period_end', 'computed_at', "
                                 "'data_version', 'inputs_version')");
  REQUIRE(info.ok());
  for (;;) {
    auto row = (*info)->Step();
    REQUIRE(row.ok());
    if (!*row) break;
    columns.emplace_back((*info)->ColumnText(0));
  }
  std::vector<std::string> fields;
  for (const auto& f : snapshots::MetricFields()) fields.emplace_back(f.column);
  std::sort(columns.begin(), columns.end());
  std::sort(fields.begin(), fields.end());
  CHECK(columns == fields);
}

TEST_CASE("Storage: settings, snapshots and alerts come back when the workspace is reopened", "[storage][settings]") {
  testing::TempDatabase file("settings_storage");
  std::string state, bundle;
  {
    auto s = testing::OpenSessionFile(file.path);
    Populate(*s);
    state = State(*s);
    bundle = s->ExportBundle();
    CHECK(s->settings().teams.size() == 1);
  }
  auto reopened = testing::OpenSessionFile(file.path);
  CHECK(State(*reopened) == state);
  CHECK(reopened->ExportBundle() == bundle);
  CHECK(reopened->settings().teams[0].members.size() == 2);
  CHECK(reopened->settings().teams[0].members[0].role == model::TeamRole::kLead);
  // Stored versions: 3 imports; rules initialised once, then teams, settings, schedule changes.
  CHECK(reopened->versions().data == 3);
}

TEST_CASE("Storage: an erasure leaves the database exactly as the session sees it", "[storage][settings][privacy]") {
  testing::TempDatabase file("settings_storage");
  std::string state, bundle;
  {
    auto s = testing::OpenSessionFile(file.path);
    Populate(*s);
    REQUIRE(s->EraseDeveloper("ana").ok());
    state = State(*s);
    bundle = s->ExportBundle();
    CHECK_THAT(bundle, !Catch::Contains(kAna.Email()));
  }
  auto driver = native::Sqlite3Driver::Open(file.path);
  REQUIRE(driver.ok());
  CHECK(QueryText(**driver, "PRAGMA integrity_check") == "ok");
  CHECK(QueryInt(**driver, "SELECT count(*) FROM pragma_foreign_key_check") == 0);
  CHECK(QueryInt(**driver, "SELECT count(*) FROM identities WHERE key LIKE '%ana%'") == 0);
  driver->reset();
  auto reopened = testing::OpenSessionFile(file.path);
  CHECK(State(*reopened) == state);
  CHECK(reopened->ExportBundle() == bundle);
}

TEST_CASE("Storage: a recompute that cannot be stored rolls the import back on both sides", "[storage][settings]") {
  // The import's entities are written, then its recomputed snapshots; cancelling at the end of
  // the snapshot write (the second "store" phase) must leave the database and the session as
  // they were before the import.
  testing::TempDatabase file("settings_storage");
  auto s = testing::OpenSessionFile(file.path);
  Populate(*s);
  const std::string state = State(*s), bundle = s->ExportBundle();
  auto driver = native::Sqlite3Driver::Open(file.path);
  REQUIRE(driver.ok());
  const std::string dump = Dump(**driver);

  ingest::ImportOptions options;
  options.source_name = "late.gitlog";
  options.repo = "acme/rocket";
  int finished_phases = 0;
  options.progress = [&](const Progress& p) {
    if (p.phase != "store" || p.done != p.total) return true;
    return ++finished_phases < 2;
  };
  auto report = s->Import(ingest::InputBuffer::Copy(GitCommit(9, kBob, "2024-01-10T10:00:00Z")), options);
  REQUIRE_FALSE(report.ok());
  CHECK(report.status().code() == StatusCode::kCancelled);
  CHECK(finished_phases == 2);
  CHECK(State(*s) == state);
  CHECK(s->ExportBundle() == bundle);
  CHECK(Dump(**driver) == dump);
  // The same import, not cancelled, lands with its recomputed snapshots.
  options.progress = {};
  auto landed = s->Import(ingest::InputBuffer::Copy(GitCommit(9, kBob, "2024-01-10T10:00:00Z")), options);
  REQUIRE(landed.ok());
  CHECK(landed->recomputed_snapshots > 0);
}

}  // namespace
}  // namespace loupe::storage
