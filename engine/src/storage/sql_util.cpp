#include "storage/sql_util.h"

#include "storage/row_codec.h"

namespace loupe::storage {

Status Annotate(Status status, std::string_view what) {
  if (status.ok()) return status;
  return Status(status.code(), std::string(what) + ": " + status.message());
}

std::string Join(ColumnSpan columns) {
  std::string out;
  for (std::string_view c : columns) {
    if (!out.empty()) out += ", ";
    out.append(c);
  }
  return out;
}

std::string Placeholders(size_t count) {
  std::string out;
  for (size_t i = 0; i < count; ++i) out += i == 0 ? "?" : ", ?";
  return out;
}

std::string UpsertSql(std::string_view table, ColumnSpan keys, ColumnSpan values) {
  std::string sql = "INSERT INTO " + std::string(table) + " (" + Join(keys);
  if (values.size() > 0) sql += ", " + Join(values);
  sql += ") VALUES (" + Placeholders(keys.size() + values.size()) + ") ON CONFLICT (" + Join(keys) +
         ") DO ";
  if (values.size() == 0) {
    sql += "NOTHING";
  } else {
    sql += "UPDATE SET ";
    bool first = true;
    for (std::string_view v : values) {
      if (!first) sql += ", ";
      first = false;
      sql.append(v).append(" = excluded.").append(v);
    }
  }
  return sql;
}

Result<int64_t> QueryInt(SqlDriver& db, std::string_view sql) {
  LOUPE_ASSIGN_OR_RETURN(auto query, db.Prepare(sql));
  LOUPE_ASSIGN_OR_RETURN(bool row, query->Step());
  if (!row) return Internal(std::string("no result from \"") + std::string(sql) + "\"");
  return query->ColumnInt(0);
}

Result<std::optional<std::string>> ReadMeta(SqlDriver& db, std::string_view key) {
  LOUPE_ASSIGN_OR_RETURN(auto query, db.Prepare("SELECT value FROM meta WHERE key = ?"));
  LOUPE_TRY(query->BindText(1, key));
  LOUPE_ASSIGN_OR_RETURN(bool row, query->Step());
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(std::string(query->ColumnText(0)));
}

Status WriteMeta(SqlDriver& db, std::string_view key, std::string_view value) {
  LOUPE_ASSIGN_OR_RETURN(auto upsert, db.Prepare(UpsertSql("meta", {"key"}, {"value"})));
  LOUPE_TRY(RowBinder(*upsert).Text(key).Text(value).status());
  return Run(*upsert);
}

Status Run(SqlStatement& statement) {
  Result<bool> row = statement.Step();
  while (row.ok() && *row) row = statement.Step();
  LOUPE_TRY(statement.Reset());
  return std::move(row).TakeStatus();
}

}  // namespace loupe::storage
