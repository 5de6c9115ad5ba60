// tests/support/sql_util.h — reading a database back in storage tests, through the SqlDriver
// interface (so the same helpers serve the native and the wasm drivers).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "loupe/storage/sql_driver.h"

namespace loupe::testing {

//! The first column of the first row of `sql`; fails the test when there is no row.
int64_t QueryInt(storage::SqlDriver& driver, const std::string& sql);
std::string QueryText(storage::SqlDriver& driver, const std::string& sql);
bool QueryIsNull(storage::SqlDriver& driver, const std::string& sql);

//! user_version, the schema and every row of every table (or of the tables named in `only`),
//! rows ordered by all their columns, as text: equal dumps are equal databases.
std::string Dump(storage::SqlDriver& driver, const std::vector<std::string>& only = {});

//! The first line of `earlier` that `later` does not hold in the same order ("" when every line
//! of `earlier` appears in `later`, in order): a migration only added to the dump.
std::string FirstLineMissing(const std::string& earlier, const std::string& later);

//! Size of a file in bytes, -1 when it does not exist.
int64_t FileSize(const std::string& path);
//! Removes a SQLite database file with its -wal and -shm companions.
void RemoveDatabase(const std::string& path);

}  // namespace loupe::testing
