#include "support/sql_util.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>

#include <catch2/catch.hpp>

namespace loupe::testing {

using storage::SqlDriver;
using storage::SqlStatement;
using storage::SqlType;

namespace {

std::unique_ptr<SqlStatement> FirstRow(SqlDriver& driver, const std::string& sql) {
  auto query = driver.Prepare(sql);
  REQUIRE(query.ok());
  auto row = (*query)->Step();
  REQUIRE(row.ok());
  REQUIRE(*row);
  return std::move(*query);
}

}  // namespace

int64_t QueryInt(SqlDriver& driver, const std::string& sql) { return FirstRow(driver, sql)->ColumnInt(0); }

std::string QueryText(SqlDriver& driver, const std::string& sql) {
  return std::string(FirstRow(driver, sql)->ColumnText(0));
}

bool QueryIsNull(SqlDriver& driver, const std::string& sql) {
  return FirstRow(driver, sql)->ColumnType(0) == SqlType::kNull;
}

std::string Dump(SqlDriver& driver, const std::vector<std::string>& only) {
  std::string out = "user_version " + std::to_string(QueryInt(driver, "PRAGMA user_version")) + "\n";
  std::vector<std::string> tables;
  {
    auto schema = driver.Prepare("SELECT name, coalesce(sql, '') FROM sqlite_master ORDER BY name");
    REQUIRE(schema.ok());
    for (;;) {
      auto row = (*schema)->Step();
      REQUIRE(row.ok());
      if (!*row) break;
      const std::string name((*schema)->ColumnText(0)), sql((*schema)->ColumnText(1));
      if (!only.empty() && std::find(only.begin(), only.end(), name) == only.end()) continue;
      out += sql + "\n";
      if (sql.rfind("CREATE TABLE", 0) == 0) tables.push_back(name);
    }
  }
  for (const std::string& table : tables) {
    auto probe = driver.Prepare("SELECT * FROM \"" + table + "\"");
    REQUIRE(probe.ok());
    std::string order;
    for (int c = 1; c <= (*probe)->ColumnCount(); ++c) order += (c > 1 ? ", " : "") + std::to_string(c);
    auto query = driver.Prepare("SELECT * FROM \"" + table + "\" ORDER BY " + order);
    REQUIRE(query.ok());
    out += "[" + table + "]\n";
    for (;;) {
      auto row = (*query)->Step();
      REQUIRE(row.ok());
      if (!*row) break;
      for (int c = 0; c < (*query)->ColumnCount(); ++c) {
        switch ((*query)->ColumnType(c)) {
          case SqlType::kNull:
            out += "NULL";
            break;
          case SqlType::kInteger:
            out += std::to_string((*query)->ColumnInt(c));
            break;
          case SqlType::kReal:
            out += std::to_string((*query)->ColumnDouble(c));
            break;
          case SqlType::kText:
            out += "'" + std::string((*query)->ColumnText(c)) + "'";
            break;
          case SqlType::kBlob: {
            static constexpr char kHex[] = "0123456789abcdef";
            out += "x'";
            for (unsigned char b : (*query)->ColumnBlob(c)) {
              out += kHex[b >> 4];
              out += kHex[b & 15];
            }
            out += "'";
            break;
          }
        }
        out += '|';
      }
      out += '\n';
    }
  }
  return out;
}

int64_t FileSize(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 ? st.st_size : -1;
}

void RemoveDatabase(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
}

std::string FirstLineMissing(const std::string& earlier, const std::string& later) {
  size_t j = 0;
  for (size_t i = 0; i < earlier.size();) {
    const size_t end = earlier.find('\n', i);
    const std::string line = earlier.substr(i, end == std::string::npos ? std::string::npos : end - i + 1);
    const size_t at = later.find(line, j);
    if (at == std::string::npos) return line;
    j = at + line.size();
    if (end == std::string::npos) break;
    i = end + 1;
  }
  return "";
}

}  // namespace loupe::testing
