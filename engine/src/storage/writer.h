// storage/writer.h (internal) — stores a ChangeSet's rows; the caller owns the transaction.
#pragma once
#include "loupe/core/progress.h"
#include "loupe/core/status.h"
#include "loupe/model/workspace.h"
#include "loupe/storage/sql_driver.h"

namespace loupe::storage {

//! Upserts every row of `changes` by natural key, parents before the rows that refer to them, and
//! the rules when set. Reports as Database::Write documents; the last report comes after the
//! last row, so a cancel there still rolls everything back.
Status WriteChangeSet(SqlDriver& db, const model::ChangeSet& changes, const ProgressFn& progress);

//! Replaces every stored rule with `rules` and marks rules as saved.
Status WriteIdentityRules(SqlDriver& db, const model::IdentityRules& rules);

}  // namespace loupe::storage
