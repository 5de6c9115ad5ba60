#include "storage/dashboard_rows.h"

#include "loupe/dashboard/json.h"
#include "storage/row_codec.h"
#include "storage/sql_util.h"

namespace loupe::storage {

Status WriteDashboardRow(SqlDriver& db, std::string_view user, const dashboard::Preferences& prefs, Instant now) {
  LOUPE_ASSIGN_OR_RETURN(auto upsert,
                         db.Prepare(UpsertSql("dashboard_preferences", {"user"}, {"preferences", "updated_at"})));
  LOUPE_TRY(RowBinder(*upsert).Text(user).Text(dashboard::EncodePreferences(prefs)).Int(now).status());
  return Run(*upsert);
}

Result<std::optional<dashboard::Preferences>> ReadDashboardRow(SqlDriver& db, std::string_view user) {
  LOUPE_ASSIGN_OR_RETURN(auto query, db.Prepare("SELECT preferences FROM dashboard_preferences WHERE user = ?"));
  LOUPE_TRY(RowBinder(*query).Text(user).status());
  LOUPE_ASSIGN_OR_RETURN(bool row, query->Step());
  if (!row) return std::optional<dashboard::Preferences>();
  auto prefs = dashboard::DecodePreferences(query->ColumnText(0));
  if (!prefs.ok()) return InvalidInput("corrupt database: " + prefs.status().message());
  return std::optional<dashboard::Preferences>(std::move(prefs).value());
}

}  // namespace loupe::storage
