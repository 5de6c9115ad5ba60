// storage/erase_rows.h (internal) — storing a planned erasure.
#pragma once
#include "loupe/core/status.h"
#include "loupe/privacy/erase.h"
#include "loupe/storage/sql_driver.h"

namespace loupe::storage {

//! Stores `erasure` as Database::Batch::Erase documents; the caller owns the transaction.
Status WriteErasure(SqlDriver& db, const privacy::Erasure& erasure);

}  // namespace loupe::storage
