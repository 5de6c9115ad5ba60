// storage/sql_util.h (internal) — the SQL plumbing the storage files share: statement text for
// column lists, running statements, and error context.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "loupe/core/status.h"
#include "loupe/storage/sql_driver.h"

namespace loupe::storage {

//! `status` with `what` in front of its message (OK passes through).
Status Annotate(Status status, std::string_view what);

using Columns = std::initializer_list<std::string_view>;

//! "a, b, c".
std::string Join(Columns columns);
//! "?, ?, ?".
std::string Placeholders(size_t count);
//! "INSERT INTO t (keys…, values…) VALUES (?, …) ON CONFLICT (keys…) DO UPDATE SET
//! v = excluded.v, …" (DO NOTHING without values): parameters are bound keys first, then values.
std::string UpsertSql(std::string_view table, Columns keys, Columns values);

//! Steps a statement that returns no rows to its end, then resets it for the next row.
Status Run(SqlStatement& statement);
//! The first column of the first row of `sql`.
Result<int64_t> QueryInt(SqlDriver& db, std::string_view sql);

//! Steps a query to its end, handing the statement to `visit` at each row (which may fail).
template <typename Visit>
Status ForEachRow(SqlStatement& query, Visit visit) {
  for (;;) {
    LOUPE_ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row) return Status::Ok();
    LOUPE_TRY(visit(query));
  }
}

//! A `meta` value, or nullopt when the key is absent.
Result<std::optional<std::string>> ReadMeta(SqlDriver& db, std::string_view key);
Status WriteMeta(SqlDriver& db, std::string_view key, std::string_view value);

}  // namespace loupe::storage
