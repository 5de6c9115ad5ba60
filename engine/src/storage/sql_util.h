// storage/sql_util.h (internal) — the SQL plumbing the storage files share: statement text for
// column lists, running statements, and error context.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "loupe/core/progress.h"
#include "loupe/core/status.h"
#include "loupe/storage/sql_driver.h"

namespace loupe::storage {

//! `status` with `what` in front of its message (OK passes through).
Status Annotate(Status status, std::string_view what);

using Columns = std::initializer_list<std::string_view>;
//! A column list built at run time (the snapshot tables' metric columns).
using ColumnSpan = std::span<const std::string_view>;

//! "a, b, c".
std::string Join(ColumnSpan columns);
inline std::string Join(Columns columns) { return Join(ColumnSpan(columns.begin(), columns.size())); }
//! "?, ?, ?".
std::string Placeholders(size_t count);
//! "INSERT INTO t (keys…, values…) VALUES (?, …) ON CONFLICT (keys…) DO UPDATE SET
//! v = excluded.v, …" (DO NOTHING without values): parameters are bound keys first, then values.
std::string UpsertSql(std::string_view table, ColumnSpan keys, ColumnSpan values);
inline std::string UpsertSql(std::string_view table, Columns keys, Columns values) {
  return UpsertSql(table, ColumnSpan(keys.begin(), keys.size()), ColumnSpan(values.begin(), values.size()));
}

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

// Rows between two progress reports.
inline constexpr int64_t kRowsPerReport = 4096;

//! Counts written rows and reports progress every kRowsPerReport of them.
class ProgressMeter {
 public:
  ProgressMeter(const ProgressFn& report, int64_t total) : report_(report), total_(total) {}

  //! Fails with kCancelled when the callback asks to stop.
  Status Add(int64_t rows) {
    done_ += rows;
    if (done_ < next_report_) return Status::Ok();
    next_report_ = done_ + kRowsPerReport;
    return Report();
  }
  Status Report() const {
    if (report_ && !report_(Progress{"store", done_, total_, "rows"})) {
      return Status(StatusCode::kCancelled, "storing was cancelled; the database is unchanged");
    }
    return Status::Ok();
  }

 private:
  const ProgressFn& report_;
  int64_t total_;
  int64_t done_ = 0;
  int64_t next_report_ = kRowsPerReport;
};

//! A `meta` value, or nullopt when the key is absent.
Result<std::optional<std::string>> ReadMeta(SqlDriver& db, std::string_view key);
Status WriteMeta(SqlDriver& db, std::string_view key, std::string_view value);

}  // namespace loupe::storage
