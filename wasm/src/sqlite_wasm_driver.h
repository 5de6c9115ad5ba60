// wasm/src/sqlite_wasm_driver.h — storage::SqlDriver over @sqlite.org/sqlite-wasm in the same
// worker (or node process): the engine's storage layer, unchanged, on the official SQLite build.
//
// The JS side registers the database before opening it (wasm/js/core.mjs):
//   engineModule.loupeSql = { sqlite3, db }   // db: an OO1 DB (opfs-sahpool or :memory:)
// Statements live in a JS table indexed by small integers; text and blobs cross once, copied.
#pragma once
#include <memory>
#include <string>

#include "loupe/storage/sql_driver.h"

namespace loupe::wasm {

class SqliteWasmDriver final : public storage::SqlDriver {
 public:
  //! Fails (kFailedPrecondition) when the JS side registered no database.
  static Result<std::unique_ptr<SqliteWasmDriver>> Open();
  ~SqliteWasmDriver() override;

  Result<std::unique_ptr<storage::SqlStatement>> Prepare(std::string_view sql) override;
  Status Exec(std::string_view sql) override;
  std::string Describe() const override;

 private:
  SqliteWasmDriver() = default;
};

}  // namespace loupe::wasm
