#include "sqlite/sqlite3_driver.h"

#include <sqlite3.h>

namespace loupe::native {

namespace {

Status SqliteError(sqlite3* db, int rc, std::string_view what) {
  std::string message = std::string(what) + ": " + sqlite3_errstr(rc);
  if (db != nullptr && sqlite3_errmsg(db) != nullptr && rc != SQLITE_OK) {
    const std::string detail = sqlite3_errmsg(db);
    if (detail != sqlite3_errstr(rc)) message += " (" + detail + ")";
  }
  const int primary = rc & 0xFF;
  const StatusCode code = primary == SQLITE_CONSTRAINT || primary == SQLITE_MISMATCH ||
                                  primary == SQLITE_ERROR
                              ? StatusCode::kInternal
                              : StatusCode::kIoError;
  return Status(code, message);
}

class Sqlite3Statement final : public storage::SqlStatement {
 public:
  Sqlite3Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~Sqlite3Statement() override { sqlite3_finalize(stmt_); }

  Status BindNull(int index) override { return Check(sqlite3_bind_null(stmt_, index), "bind"); }
  Status BindInt(int index, int64_t value) override {
    return Check(sqlite3_bind_int64(stmt_, index, value), "bind");
  }
  Status BindDouble(int index, double value) override {
    return Check(sqlite3_bind_double(stmt_, index, value), "bind");
  }
  Status BindText(int index, std::string_view value) override {
    return Check(sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT,
                                     SQLITE_UTF8),
                 "bind");
  }
  Status BindBlob(int index, const void* data, size_t size) override {
    // A zero-length blob must still be a blob, not NULL: give SQLite a non-null pointer.
    static const char kEmpty = 0;
    return Check(sqlite3_bind_blob64(stmt_, index, size == 0 ? &kEmpty : data, size,
                                     SQLITE_TRANSIENT),
                 "bind");
  }
  Result<bool> Step() override {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return SqliteError(db_, rc, std::string("step of \"") + sqlite3_sql(stmt_) + "\"");
  }
  Status Reset() override {
    sqlite3_reset(stmt_);  // its return code repeats the last Step()'s, already reported
    return Status::Ok();
  }
  int ColumnCount() const override { return sqlite3_column_count(stmt_); }
  storage::SqlType ColumnType(int column) const override {
    switch (sqlite3_column_type(stmt_, column)) {
      case SQLITE_INTEGER: return storage::SqlType::kInteger;
      case SQLITE_FLOAT: return storage::SqlType::kReal;
      case SQLITE_TEXT: return storage::SqlType::kText;
      case SQLITE_BLOB: return storage::SqlType::kBlob;
      default: return storage::SqlType::kNull;
    }
  }
  int64_t ColumnInt(int column) const override { return sqlite3_column_int64(stmt_, column); }
  double ColumnDouble(int column) const override { return sqlite3_column_double(stmt_, column); }
  std::string_view ColumnText(int column) const override {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return text == nullptr ? std::string_view() : std::string_view(text, sqlite3_column_bytes(stmt_, column));
  }
  std::string_view ColumnBlob(int column) const override {
    const auto* blob = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
    return blob == nullptr ? std::string_view() : std::string_view(blob, sqlite3_column_bytes(stmt_, column));
  }

 private:
  Status Check(int rc, std::string_view what) {
    return rc == SQLITE_OK ? Status::Ok() : SqliteError(db_, rc, what);
  }
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

}  // namespace

Result<std::unique_ptr<Sqlite3Driver>> Sqlite3Driver::Open(const std::string& path) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db,
                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                 nullptr);
  if (rc != SQLITE_OK) {
    Status s = SqliteError(db, rc, "cannot open database").WithFile(path);
    sqlite3_close(db);
    return s;
  }
  std::unique_ptr<Sqlite3Driver> driver(new Sqlite3Driver(db, path));
  sqlite3_busy_timeout(db, 5000);
  // WAL: readers never block the writer, and a crash mid-transaction leaves the last commit.
  // synchronous=NORMAL is durable across process crashes (not power loss), which is our case.
  const bool in_memory = path == ":memory:" || path.empty();
  LOUPE_TRY(driver->Exec(in_memory ? "PRAGMA foreign_keys=ON"
                                   : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                                     "PRAGMA foreign_keys=ON"));
  return driver;
}

Sqlite3Driver::~Sqlite3Driver() { sqlite3_close_v2(db_); }

Result<std::unique_ptr<storage::SqlStatement>> Sqlite3Driver::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return SqliteError(db_, rc, "prepare of \"" + std::string(sql) + "\"");
  return std::unique_ptr<storage::SqlStatement>(new Sqlite3Statement(db_, stmt));
}

Status Sqlite3Driver::Exec(std::string_view sql) {
  char* error = nullptr;
  const std::string text(sql);
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    Status s = SqliteError(db_, rc, "exec of \"" + text.substr(0, 80) + "\"");
    sqlite3_free(error);
    return s;
  }
  return Status::Ok();
}

std::string Sqlite3Driver::Describe() const {
  return std::string("sqlite ") + sqlite3_libversion() + ", " + (path_.empty() ? ":memory:" : path_);
}

}  // namespace loupe::native
