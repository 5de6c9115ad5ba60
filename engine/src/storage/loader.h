// storage/loader.h (internal) — reads every table back into a Workspace.
#pragma once
#include "loupe/core/status.h"
#include "loupe/model/workspace.h"
#include "loupe/storage/database.h"
#include "loupe/storage/sql_driver.h"

namespace loupe::storage {

//! Loads everything stored into `workspace` (which holds no entities), and into `state` when
//! given, from one read snapshot, as Database::Load documents.
Status LoadWorkspace(SqlDriver& db, model::Workspace& workspace, StoredState* state);

//! The meta keys of snapshots::Versions.
inline constexpr std::string_view kDataVersionKey = "data_version";
inline constexpr std::string_view kInputsVersionKey = "inputs_version";

}  // namespace loupe::storage
