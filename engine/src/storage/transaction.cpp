#include "loupe/storage/sql_driver.h"

namespace loupe::storage {

Transaction::Transaction(SqlDriver& driver) : driver_(driver) {
  // IMMEDIATE takes the write lock now, so a second writer fails here, not halfway through.
  begin_status_ = driver_.Exec("BEGIN IMMEDIATE");
  open_ = begin_status_.ok();
}

Transaction::~Transaction() {
  if (open_) (void)driver_.Exec("ROLLBACK");
}

Status Transaction::Commit() {
  LOUPE_TRY(begin_status_);
  if (!open_) return FailedPrecondition("transaction already finished");
  Status s = driver_.Exec("COMMIT");
  if (s.ok()) open_ = false;
  return s;
}

}  // namespace loupe::storage
