// storage/alert_rows.h (internal) — alert rules and alert history in SQL.
#pragma once
#include "loupe/alerts/alert.h"
#include "loupe/core/status.h"
#include "loupe/storage/sql_driver.h"

namespace loupe::storage {

//! Reads alert_rules and alert_history (in id order) into `book`; the caller holds the read
//! transaction.
Status LoadAlerts(SqlDriver& db, alerts::AlertBook& book);

//! Stores `changes` as Database::Batch::WriteAlerts documents; the caller owns the transaction.
Status WriteAlerts(SqlDriver& db, const alerts::AlertChanges& changes);

}  // namespace loupe::storage
