// tests/storage/session_file.h — a workspace in a real SQLite file for the (native) storage tests:
// a temporary path that is removed with its -wal and -shm files, and sessions opened on it.
#pragma once
#include <unistd.h>

#include <memory>
#include <string>

#include <catch2/catch.hpp>

#include "loupe/api/session.h"
#include "sqlite/sqlite3_driver.h"
#include "support/sql_util.h"

namespace loupe::testing {

//! /tmp/loupe_<name>_<pid>.db, removed before and after the test.
struct TempDatabase {
  explicit TempDatabase(const std::string& name) : path("/tmp/loupe_" + name + "_" + std::to_string(getpid()) + ".db") {
    RemoveDatabase(path);
  }
  ~TempDatabase() { RemoveDatabase(path); }
  std::string path;
};

//! A session on the database file at `path` (created or migrated); fails the test if it cannot.
inline std::unique_ptr<api::Session> OpenSessionFile(const std::string& path) {
  auto driver = native::Sqlite3Driver::Open(path);
  REQUIRE(driver.ok());
  auto session = api::Session::Open(std::move(driver).value());
  INFO(session.status().ToString());
  REQUIRE(session.ok());
  return std::move(session).value();
}

}  // namespace loupe::testing
