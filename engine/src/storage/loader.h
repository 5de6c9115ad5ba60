// storage/loader.h (internal) — reads every table back into a Workspace.
#pragma once
#include "loupe/core/status.h"
#include "loupe/model/workspace.h"
#include "loupe/storage/sql_driver.h"

namespace loupe::storage {

//! Loads everything stored into `workspace` (which holds no entities) from one read snapshot,
//! as Database::Load documents.
Status LoadWorkspace(SqlDriver& db, model::Workspace& workspace);

}  // namespace loupe::storage
