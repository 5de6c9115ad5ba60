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

//! One workspace stored in one SQLite database. The schema is versioned with PRAGMA user_version
//! and migrated forward on Open(); every write is one transaction.
class Database {
 public:
  //! The schema version this build writes.
  static constexpr int kSchemaVersion = 1;

  //! Creates the schema in an empty database or migrates an older one. Fails (changing nothing)
  //! on a database written by a newer Loupe or one that is not a Loupe database.
  static Result<std::unique_ptr<Database>> Open(SqlDriver& driver);

  int schema_version() const { return schema_version_; }
  SqlDriver& driver() { return driver_; }

  //! Reads every stored entity into `workspace`, which must be empty.
  Status Load(model::Workspace& workspace);

  //! Writes a ChangeSet (upserts by natural key) in one transaction, in batches.
  Status Write(const model::ChangeSet& changes, const ProgressFn& progress = {});

  //! Replaces the stored identity rules (merges, splits, mailmap, bot rules) in one transaction.
  Status WriteRules(const model::IdentityRules& rules);

  //! Workspace-level key/value settings ("name", "created_at", …).
  Result<std::optional<std::string>> GetMeta(std::string_view key);
  Status SetMeta(std::string_view key, std::string_view value);

 private:
  explicit Database(SqlDriver& driver) : driver_(driver) {}
  Status Migrate();

  SqlDriver& driver_;
  int schema_version_ = 0;
};

}  // namespace loupe::storage
