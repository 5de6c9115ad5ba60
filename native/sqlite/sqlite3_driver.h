// native/sqlite/sqlite3_driver.h — storage::SqlDriver over the system's libsqlite3.
#pragma once
#include <memory>
#include <string>

#include "loupe/storage/sql_driver.h"

struct sqlite3;

namespace loupe::native {

class Sqlite3Driver final : public storage::SqlDriver {
 public:
  //! Opens (creating if needed) the database at `path`; ":memory:" gives a private in-memory one.
  //! Files use WAL journaling, so a killed process leaves the last committed state.
  static Result<std::unique_ptr<Sqlite3Driver>> Open(const std::string& path);
  ~Sqlite3Driver() override;

  Result<std::unique_ptr<storage::SqlStatement>> Prepare(std::string_view sql) override;
  Status Exec(std::string_view sql) override;
  std::string Describe() const override;

 private:
  Sqlite3Driver(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
};

}  // namespace loupe::native
