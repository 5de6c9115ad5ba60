// storage/snapshot_rows.h (internal) — developer and team snapshots in SQL.
#pragma once
#include "loupe/core/progress.h"
#include "loupe/core/status.h"
#include "loupe/snapshots/snapshot.h"
#include "loupe/storage/sql_driver.h"

namespace loupe::storage {

//! Reads both snapshot tables into `book`; the caller holds the read transaction.
Status LoadSnapshots(SqlDriver& db, snapshots::SnapshotBook& book);

//! Stores `changes` as Database::Batch::WriteSnapshots documents; the caller owns the transaction.
Status WriteSnapshots(SqlDriver& db, const snapshots::SnapshotChanges& changes, const ProgressFn& progress);

}  // namespace loupe::storage
