#include "storage/sync_rows.h"

#include "storage/row_codec.h"
#include "storage/sql_util.h"

namespace loupe::storage {

Status WriteSyncStateRow(SqlDriver& db, std::string_view key, const std::optional<SyncEntry>& entry) {
  if (!entry) {
    LOUPE_ASSIGN_OR_RETURN(auto remove, db.Prepare("DELETE FROM sync_state WHERE key = ?"));
    LOUPE_TRY(RowBinder(*remove).Text(key).status());
    return Run(*remove);
  }
  LOUPE_ASSIGN_OR_RETURN(auto upsert, db.Prepare(UpsertSql("sync_state", {"key"}, {"value", "updated_at"})));
  LOUPE_TRY(RowBinder(*upsert).Text(key).Text(entry->value).Int(entry->updated_at).status());
  return Run(*upsert);
}

}  // namespace loupe::storage
