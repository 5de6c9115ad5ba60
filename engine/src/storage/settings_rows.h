// storage/settings_rows.h (internal) — teams, working schedules and insight settings in SQL.
#pragma once
#include "loupe/core/status.h"
#include "loupe/model/settings.h"
#include "loupe/storage/sql_driver.h"

namespace loupe::storage {

//! Reads the settings tables; the caller holds the read transaction.
Status LoadSettings(SqlDriver& db, model::WorkspaceSettings& settings);

//! Replaces the settings tables with `settings`; the caller owns the transaction.
Status WriteSettings(SqlDriver& db, const model::WorkspaceSettings& settings);

}  // namespace loupe::storage
