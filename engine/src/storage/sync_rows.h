// storage/sync_rows.h (internal) — the sync_state table (schema 3).
#pragma once
#include <optional>
#include <string_view>

#include "loupe/storage/database.h"

namespace loupe::storage {

//! Upserts the row of `key`, or deletes it when `entry` is nullopt.
Status WriteSyncStateRow(SqlDriver& db, std::string_view key, const std::optional<SyncEntry>& entry);

}  // namespace loupe::storage
