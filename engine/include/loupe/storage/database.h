// loupe/storage/database.h — the workspace's SQLite schema and its reads and writes.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "loupe/core/progress.h"
#include "loupe/core/status.h"
#include "loupe/model/workspace.h"
#include "loupe/storage/sql_driver.h"

namespace loupe::storage {

//! One workspace stored in one SQLite database (docs/storage.md describes the schema). The schema
//! is versioned with PRAGMA user_version and migrated forward on Open(); every write is one
//! transaction. The driver must outlive the Database.
class Database {
 public:
  //! The schema version this build writes.
  static constexpr int kSchemaVersion = 1;

  //! Creates the schema in an empty database or migrates an older one, one transaction per
  //! version step. Fails, changing nothing, on a database written by a newer Loupe
  //! (kUnsupported) or on one with content that is not a Loupe database (kInvalidInput).
  static Result<std::unique_ptr<Database>> Open(SqlDriver& driver);

  int schema_version() const { return schema_version_; }
  SqlDriver& driver() { return driver_; }

  //! Reads every stored entity into `workspace`, which must hold no entities, from one snapshot:
  //! ids, field values and the order of every table come back as they were written. Its rules
  //! are replaced only if rules were ever saved (else it keeps its defaults).
  Status Load(model::Workspace& workspace);

  //! Writes a ChangeSet (upserts by natural key, its rules too when set) in one transaction.
  //! `progress` hears of every 4096 rows written (child rows included) and once more before the
  //! commit; returning false rolls everything back and fails with kCancelled. A failure names
  //! the row that could not be stored and leaves the database unchanged.
  Status Write(const model::ChangeSet& changes, const ProgressFn& progress = {});

  //! Replaces the stored identity rules (merges, splits, mailmap, bot rules) in one transaction.
  Status WriteRules(const model::IdentityRules& rules);

  //! Workspace-level key/value settings ("name", "created_at", …). The keys "app" and
  //! "identity_rules" belong to the storage layer: SetMeta refuses them (kInvalidInput).
  Result<std::optional<std::string>> GetMeta(std::string_view key);
  Status SetMeta(std::string_view key, std::string_view value);

 private:
  explicit Database(SqlDriver& driver) : driver_(driver) {}
  Status Migrate();

  SqlDriver& driver_;
  int schema_version_ = 0;
};

}  // namespace loupe::storage
