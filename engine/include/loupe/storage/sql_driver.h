// loupe/storage/sql_driver.h — the small SQL interface the storage layer is written against.
//
// Two drivers implement it: native libsqlite3 (native/sqlite) and, in the browser, sqlite-wasm's
// OO1 API inside the engine's worker (wasm/). Semantics follow SQLite's C API.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "loupe/core/status.h"

namespace loupe::storage {

enum class SqlType : uint8_t { kNull, kInteger, kReal, kText, kBlob };

//! A prepared statement. Parameters are 1-based, columns 0-based (as in SQLite).
class SqlStatement {
 public:
  virtual ~SqlStatement() = default;
  virtual Status BindNull(int index) = 0;
  virtual Status BindInt(int index, int64_t value) = 0;
  virtual Status BindDouble(int index, double value) = 0;
  virtual Status BindText(int index, std::string_view value) = 0;
  virtual Status BindBlob(int index, const void* data, size_t size) = 0;
  //! Advances: true when a row is available, false when the statement is done.
  virtual Result<bool> Step() = 0;
  //! Makes the statement ready to run again; bindings stay until rebound.
  virtual Status Reset() = 0;

  virtual int ColumnCount() const = 0;
  virtual SqlType ColumnType(int column) const = 0;
  virtual int64_t ColumnInt(int column) const = 0;
  virtual double ColumnDouble(int column) const = 0;
  //! Valid until the next Step() or Reset().
  virtual std::string_view ColumnText(int column) const = 0;
  virtual std::string_view ColumnBlob(int column) const = 0;
};

//! A connection to one database.
class SqlDriver {
 public:
  virtual ~SqlDriver() = default;
  virtual Result<std::unique_ptr<SqlStatement>> Prepare(std::string_view sql) = 0;
  //! Runs one or more ';'-separated statements that return no rows.
  virtual Status Exec(std::string_view sql) = 0;
  //! "sqlite 3.40.1, /path/to/loupe.db" — for diagnostics.
  virtual std::string Describe() const = 0;
};

//! BEGIN IMMEDIATE on construction (check status()), ROLLBACK on destruction unless Commit()
//! succeeded: a failure anywhere in between leaves the database as it was.
class Transaction {
 public:
  explicit Transaction(SqlDriver& driver);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  const Status& status() const { return begin_status_; }
  Status Commit();

 private:
  SqlDriver& driver_;
  Status begin_status_;
  bool open_ = false;
};

}  // namespace loupe::storage
