#include "loupe/storage/database.h"

#include "storage/alert_rows.h"
#include "storage/analysis_rows.h"
#include "storage/dashboard_rows.h"
#include "storage/erase_rows.h"
#include "storage/loader.h"
#include "storage/schema.h"
#include "storage/settings_rows.h"
#include "storage/snapshot_rows.h"
#include "storage/sync_rows.h"
#include "storage/sql_util.h"
#include "storage/writer.h"

namespace loupe::storage {

namespace {

// Page cache of the connection, in KiB (PRAGMA cache_size takes negative numbers as KiB).
constexpr int kCacheKiB = 64 * 1024;

//! What Open() finds in a database before touching it.
struct Found {
  bool empty = false;  //!< no tables, indexes or views at all
  bool loupe = false;  //!< has the `meta` marker and a schema version
  int version = 0;     //!< PRAGMA user_version
};

Result<Found> Inspect(SqlDriver& db) {
  Found found;
  LOUPE_ASSIGN_OR_RETURN(int64_t version, QueryInt(db, "PRAGMA user_version"));
  found.version = static_cast<int>(version);
  LOUPE_ASSIGN_OR_RETURN(int64_t objects, QueryInt(db, "SELECT count(*) FROM sqlite_master"));
  found.empty = objects == 0;
  LOUPE_ASSIGN_OR_RETURN(int64_t has_meta, QueryInt(db,
                                                    "SELECT count(*) FROM sqlite_master "
                                                    "WHERE type = 'table' AND name = 'meta'"));
  if (has_meta != 0 && found.version > 0) {
    // Someone else's `meta` table may have other columns: a failed read means "not ours".
    Result<std::optional<std::string>> marker = ReadMeta(db, kAppKey);
    found.loupe = marker.ok() && *marker == std::optional<std::string>(kAppMarker);
  }
  return found;
}

Status CheckReadable(const Found& found, const SqlDriver& db) {
  if (!found.loupe && !(found.empty && found.version == 0)) {
    return InvalidInput("not a Loupe database (" + db.Describe() +
                        "): it has content but no Loupe marker");
  }
  if (found.version > Database::kSchemaVersion) {
    return Status(StatusCode::kUnsupported,
                  "database written by a newer Loupe (schema " + std::to_string(found.version) +
                      "; this build reads up to " + std::to_string(Database::kSchemaVersion) + ")");
  }
  return Status::Ok();
}

bool IsEmpty(const model::Workspace& ws) {
  return ws.repositories().empty() && ws.identities().empty() && ws.links().empty() &&
         ws.commits().empty() && ws.pull_requests().empty() && ws.reviews().empty() &&
         ws.comments().empty() && ws.manifests().empty();
}

}  // namespace

Result<std::unique_ptr<Database>> Database::Open(SqlDriver& driver) {
  // SQLite's default 2 MiB page cache spills a large import's dirty pages to the WAL again and
  // again (a 200k-commit write measured ~7x slower in wall time); the cache only grows as used.
  LOUPE_TRY(Annotate(driver.Exec("PRAGMA cache_size = -" + std::to_string(kCacheKiB)),
                     "cannot configure the connection"));
  std::unique_ptr<Database> db(new Database(driver));
  LOUPE_TRY(db->Migrate());
  return db;
}

Status Database::Migrate() {
  // A plain read first, so opening an up-to-date database never waits for the write lock.
  LOUPE_ASSIGN_OR_RETURN(Found found, Inspect(driver_));
  LOUPE_TRY(CheckReadable(found, driver_));
  while (found.version < kSchemaVersion) {
    Transaction tx(driver_);
    LOUPE_TRY(Annotate(tx.status(), "cannot start migrating the database"));
    // Another connection may have migrated between the read and the lock: decide again.
    LOUPE_ASSIGN_OR_RETURN(found, Inspect(driver_));
    LOUPE_TRY(CheckReadable(found, driver_));
    if (found.version >= kSchemaVersion) break;
    const Migration& step = Migrations()[found.version];
    const int next = found.version + 1;
    const std::string what = "cannot migrate the database to schema " + std::to_string(next) +
                             " (" + std::string(step.summary) + ")";
    LOUPE_TRY(Annotate(step.apply(driver_), what));
    LOUPE_TRY(Annotate(driver_.Exec("PRAGMA user_version = " + std::to_string(next)), what));
    LOUPE_TRY(Annotate(tx.Commit(), what));
    found.version = next;
  }
  schema_version_ = found.version;
  return Status::Ok();
}

Status Database::Load(model::Workspace& workspace, StoredState* state) {
  if (!IsEmpty(workspace)) return FailedPrecondition("Database::Load needs an empty workspace");
  return LoadWorkspace(driver_, workspace, state);
}

Status Database::Write(const model::ChangeSet& changes, const ProgressFn& progress) {
  if (changes.empty()) return Status::Ok();
  LOUPE_ASSIGN_OR_RETURN(auto batch, Begin());
  LOUPE_TRY(batch->Write(changes, progress));
  return batch->Commit();
}

Status Database::WriteRules(const model::IdentityRules& rules) {
  LOUPE_ASSIGN_OR_RETURN(auto batch, Begin());
  LOUPE_TRY(batch->WriteRules(rules));
  return batch->Commit();
}

Result<std::unique_ptr<Database::Batch>> Database::Begin() {
  std::unique_ptr<Batch> batch(new Batch(driver_));
  LOUPE_TRY(Annotate(batch->transaction_.status(), "cannot start the write transaction"));
  return batch;
}

Status Database::Batch::Write(const model::ChangeSet& changes, const ProgressFn& progress) {
  return WriteChangeSet(driver_, changes, progress);
}

Status Database::Batch::WriteRules(const model::IdentityRules& rules) {
  return WriteIdentityRules(driver_, rules);
}

Status Database::Batch::WriteSettings(const model::WorkspaceSettings& settings) {
  return Annotate(storage::WriteSettings(driver_, settings), "cannot store the settings");
}

Status Database::Batch::WriteSnapshots(const snapshots::SnapshotChanges& changes, const ProgressFn& progress) {
  return storage::WriteSnapshots(driver_, changes, progress);
}

Status Database::Batch::WriteAlerts(const alerts::AlertChanges& changes) {
  return storage::WriteAlerts(driver_, changes);
}

Status Database::Batch::Erase(const privacy::Erasure& erasure) {
  return Annotate(WriteErasure(driver_, erasure), "cannot erase developer " + std::to_string(erasure.developer));
}

Status Database::Batch::WriteSyncState(std::string_view key, const std::optional<SyncEntry>& entry) {
  return Annotate(WriteSyncStateRow(driver_, key, entry), "cannot store sync state " + std::string(key));
}

Status Database::Batch::WriteAnalysis(std::string_view key, const AnalysisEntry& entry) {
  return Annotate(WriteAnalysisRow(driver_, key, entry), "cannot store analysis " + std::string(key));
}

Status Database::Batch::PruneAnalyses(const snapshots::Versions& current) {
  return Annotate(DeleteStaleAnalysisRows(driver_, current), "cannot remove stale analyses");
}

Status Database::Batch::WriteDashboardPreferences(std::string_view user, const dashboard::Preferences& prefs,
                                                  Instant now) {
  return Annotate(WriteDashboardRow(driver_, user, prefs, now),
                  "cannot store the dashboard preferences of " + std::string(user));
}

Status Database::Batch::WriteVersions(const snapshots::Versions& versions) {
  LOUPE_TRY(WriteMeta(driver_, kDataVersionKey, std::to_string(versions.data)));
  return WriteMeta(driver_, kInputsVersionKey, std::to_string(versions.inputs));
}

Status Database::Batch::Commit() {
  return Annotate(transaction_.Commit(), "cannot commit the write transaction");
}

Result<std::optional<AnalysisEntry>> Database::ReadAnalysis(std::string_view key) {
  auto entry = ReadAnalysisRow(driver_, key);
  if (!entry.ok()) return Annotate(std::move(entry).TakeStatus(), "cannot read analysis " + std::string(key));
  return entry;
}

Result<std::optional<dashboard::Preferences>> Database::ReadDashboardPreferences(std::string_view user) {
  auto prefs = ReadDashboardRow(driver_, user);
  if (!prefs.ok()) {
    return Annotate(std::move(prefs).TakeStatus(), "cannot read the dashboard preferences of " + std::string(user));
  }
  return prefs;
}

Result<std::optional<std::string>> Database::GetMeta(std::string_view key) {
  Result<std::optional<std::string>> value = ReadMeta(driver_, key);
  if (!value.ok()) {
    return Annotate(std::move(value).TakeStatus(), "cannot read meta " + std::string(key));
  }
  return value;
}

Status Database::SetMeta(std::string_view key, std::string_view value) {
  if (key == kAppKey || key == kRulesSavedKey || key == kDataVersionKey || key == kInputsVersionKey) {
    return InvalidInput("meta key \"" + std::string(key) + "\" is reserved for the storage layer");
  }
  return Annotate(WriteMeta(driver_, key, value), "cannot store meta " + std::string(key));
}

}  // namespace loupe::storage
