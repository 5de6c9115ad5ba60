// loupe/storage/database.h — the workspace's SQLite schema and its reads and writes.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "loupe/alerts/alert.h"
#include "loupe/core/progress.h"
#include "loupe/core/status.h"
#include "loupe/dashboard/preferences.h"
#include "loupe/model/settings.h"
#include "loupe/model/workspace.h"
#include "loupe/privacy/erase.h"
#include "loupe/snapshots/snapshot.h"
#include "loupe/storage/sql_driver.h"

namespace loupe::storage {

//! One row of the sync_state table (schema 3): a JSON value and when it was stored.
struct SyncEntry {
  std::string value;        //!< JSON text
  Instant updated_at = 0;
  friend bool operator==(const SyncEntry&, const SyncEntry&) = default;
};

//! One row of the analysis_cache table (schema 4): an analysis result and the versions of the data
//! and inputs it was computed from.
struct AnalysisEntry {
  std::string result;  //!< JSON text
  snapshots::Versions versions;
  Instant computed_at = 0;
  friend bool operator==(const AnalysisEntry&, const AnalysisEntry&) = default;
};

//! What a workspace stores besides its entities and identity rules (schemas 2 and 3).
struct StoredState {
  model::WorkspaceSettings settings;
  snapshots::SnapshotBook snapshots;
  alerts::AlertBook alerts;
  snapshots::Versions versions;  //!< the meta keys data_version and inputs_version (0 when absent)
  std::map<std::string, SyncEntry, std::less<>> sync_state;  //!< by key
};

//! One workspace stored in one SQLite database (docs/storage.md describes the schema). The schema
//! is versioned with PRAGMA user_version and migrated forward on Open(); every write is one
//! transaction. The driver must outlive the Database.
class Database {
 public:
  //! The schema version this build writes.
  static constexpr int kSchemaVersion = 5;

  //! Creates the schema in an empty database or migrates an older one, one transaction per
  //! version step. Fails, changing nothing, on a database written by a newer Loupe
  //! (kUnsupported) or on one with content that is not a Loupe database (kInvalidInput).
  static Result<std::unique_ptr<Database>> Open(SqlDriver& driver);

  int schema_version() const { return schema_version_; }
  SqlDriver& driver() { return driver_; }

  //! Reads every stored entity into `workspace`, which must hold no entities, from one snapshot:
  //! ids, field values and the order of every table come back as they were written. Its rules
  //! are replaced only if rules were ever saved (else it keeps its defaults). With `state`, the
  //! settings, snapshots, alerts and versions are read from the same snapshot into it.
  Status Load(model::Workspace& workspace, StoredState* state = nullptr);

  //! One write transaction spanning several writes, so that a Session call stores everything it
  //! changes at once. Nothing is visible to other connections before Commit(); destroying a Batch
  //! without a successful Commit() rolls all of it back. Every write names what it could not
  //! store.
  class Batch {
   public:
    //! As Database::Write.
    Status Write(const model::ChangeSet& changes, const ProgressFn& progress = {});
    //! As Database::WriteRules.
    Status WriteRules(const model::IdentityRules& rules);
    //! Replaces the teams (with their members), working schedules and insight settings. Every
    //! team-level insight setting must name a team of `settings` (else kInvalidInput).
    Status WriteSettings(const model::WorkspaceSettings& settings);
    //! Upserts snapshots by key, then removes the removed keys, with prepared statements reused
    //! for every row. `progress` ("store", unit "rows") as for Write; false cancels (kCancelled).
    Status WriteSnapshots(const snapshots::SnapshotChanges& changes, const ProgressFn& progress = {});
    //! Upserts rules and alerts by id, then removes rules (with their alerts) and alerts.
    Status WriteAlerts(const alerts::AlertChanges& changes);
    //! Stores a planned erasure (privacy/erase.h): removes the developer's snapshots, alerts and
    //! scoped rules, their commits (with files and co-author rows), pull requests (with labels,
    //! review requests, commit lists, and the reviews and comments on them), reviews and
    //! comments; rewrites identities and links without theirs, renumbering every identity and
    //! developer id above an erased one; then stores the rewritten rows and the settings.
    Status Erase(const privacy::Erasure& erasure);
    //! Upserts a sync_state row, or removes it when `entry` is nullopt.
    Status WriteSyncState(std::string_view key, const std::optional<SyncEntry>& entry);
    //! Upserts an analysis_cache row.
    Status WriteAnalysis(std::string_view key, const AnalysisEntry& entry);
    //! Removes the analysis_cache rows computed at other versions than `current` (stale ones).
    Status PruneAnalyses(const snapshots::Versions& current);
    //! Upserts one user's dashboard_preferences row (schema 5) stamped `now`.
    Status WriteDashboardPreferences(std::string_view user, const dashboard::Preferences& prefs, Instant now);
    //! Stores the versions snapshots are compared against.
    Status WriteVersions(const snapshots::Versions& versions);
    Status Commit();

   private:
    friend class Database;
    explicit Batch(SqlDriver& driver) : driver_(driver), transaction_(driver) {}
    SqlDriver& driver_;
    Transaction transaction_;
  };
  //! Starts a Batch (BEGIN IMMEDIATE: a second writer fails here, not halfway through).
  Result<std::unique_ptr<Batch>> Begin();

  //! Writes a ChangeSet (upserts by natural key, its rules too when set) in one transaction.
  //! `progress` hears of every 4096 rows written (child rows included) and once more before the
  //! commit; returning false rolls everything back and fails with kCancelled. A failure names
  //! the row that could not be stored and leaves the database unchanged.
  Status Write(const model::ChangeSet& changes, const ProgressFn& progress = {});

  //! Replaces the stored identity rules (merges, splits, mailmap, bot rules) in one transaction.
  Status WriteRules(const model::IdentityRules& rules);

  //! The analysis_cache row of `key`, or nullopt (the cache is read row by row, on demand: it is
  //! not part of Load).
  Result<std::optional<AnalysisEntry>> ReadAnalysis(std::string_view key);

  //! One user's dashboard preferences, or nullopt when none are stored (read on demand, like the
  //! analysis cache). A row that cannot be read is kInvalidInput, "corrupt database: …".
  Result<std::optional<dashboard::Preferences>> ReadDashboardPreferences(std::string_view user);

  //! Workspace-level key/value settings ("name", "created_at", …). The keys "app",
  //! "identity_rules", "data_version" and "inputs_version" belong to the storage layer: SetMeta
  //! refuses them (kInvalidInput).
  Result<std::optional<std::string>> GetMeta(std::string_view key);
  Status SetMeta(std::string_view key, std::string_view value);

 private:
  explicit Database(SqlDriver& driver) : driver_(driver) {}
  Status Migrate();

  SqlDriver& driver_;
  int schema_version_ = 0;
};

}  // namespace loupe::storage
