// bench/storage_bench.cpp — the native half of issue 4's storage benchmark: the same files
// bench/run_storage_bench.mjs imports through the JS package (wasm, node and Chromium), imported
// natively through api::Session, then weekly snapshots generated through api::Dispatch with the
// same params the JS package sends. Storages: "memory" (no database: the baseline), "sqlite-memory"
// (libsqlite3 ":memory:") and "sqlite-file" (a WAL file in --tmp, deleted before each round).
//
//   storage_bench --dir DIR --repo OWNER/NAME --from YYYY-MM-DD --to YYYY-MM-DD [--rounds R]
//                 [--tmp DIR] FILE...
//
// FILEs are names in DIR, imported in order; a git log export needs --repo. Prints CSV rows
// `target,storage,step,seconds,ratio_to_memory` (medians of R interleaved rounds) and one
// `# rows …` line: the rows the file database holds after the import and after the snapshots
// (every table counted), which is what the write rates divide by.
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "loupe/api/dispatch.h"
#include "loupe/api/session.h"
#include "loupe/ingest/input.h"
#include "sqlite/sqlite3_driver.h"

namespace {

using namespace loupe;

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "storage_bench: %s\n", what.c_str());
  std::exit(1);
}

// Rows of every table of the database at `path` (the session must be closed).
int64_t CountRows(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) Die("cannot open " + path);
  std::vector<std::string> tables;
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'", -1, &st,
                     nullptr);
  while (sqlite3_step(st) == SQLITE_ROW) tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
  sqlite3_finalize(st);
  int64_t rows = 0;
  for (const auto& t : tables) {
    const std::string sql = "SELECT count(*) FROM \"" + t + "\"";
    sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr);
    if (sqlite3_step(st) == SQLITE_ROW) rows += sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return rows;
}

struct Times {
  double open = 0, import = 0, snapshots = 0;
};

}  // namespace

int main(int argc, char** argv) {
  std::string dir, repo, from, to, tmp = "/tmp";
  int rounds = 3;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) Die("missing value after " + a);
      return argv[++i];
    };
    if (a == "--dir") dir = next();
    else if (a == "--repo") repo = next();
    else if (a == "--from") from = next();
    else if (a == "--to") to = next();
    else if (a == "--tmp") tmp = next();
    else if (a == "--rounds") rounds = std::max(1, std::atoi(next().c_str()));
    else files.push_back(a);
  }
  if (dir.empty() || files.empty() || from.empty() || to.empty()) {
    Die("usage: storage_bench --dir DIR --repo OWNER/NAME --from D --to D [--rounds R] [--tmp DIR] FILE...");
  }
  std::vector<ingest::InputBuffer> inputs;
  for (const auto& f : files) {
    auto buffer = ingest::InputBuffer::ReadFile(dir + "/" + f);
    if (!buffer.ok()) Die(buffer.status().ToString());
    inputs.push_back(std::move(buffer).value());
  }
  const std::string db_path = tmp + "/loupe_storage_bench.sqlite3";
  const std::string params = "{\"period\":\"weekly\",\"from\":\"" + from + "\",\"to\":\"" + to + "\"}";
  const std::vector<std::string> storages = {"memory", "sqlite-memory", "sqlite-file"};
  std::map<std::string, std::vector<Times>> results;
  int64_t rows_after_import = 0, rows_after_snapshots = 0;
  std::string last_report;

  for (int round = 0; round < rounds; ++round) {
    for (const auto& storage : storages) {
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db_path + suffix);
      Times t;
      double start = Now();
      std::unique_ptr<api::Session> session;
      if (storage == "memory") {
        session = api::Session::InMemory();
      } else {
        auto driver = native::Sqlite3Driver::Open(storage == "sqlite-file" ? db_path : ":memory:");
        if (!driver.ok()) Die(driver.status().ToString());
        auto opened = api::Session::Open(std::move(driver).value());
        if (!opened.ok()) Die(opened.status().ToString());
        session = std::move(opened).value();
      }
      t.open = Now() - start;
      start = Now();
      for (size_t i = 0; i < inputs.size(); ++i) {
        ingest::ImportOptions options;
        options.source_name = files[i];
        if (files[i].ends_with(".gitlog")) options.repo = repo;
        auto report = session->Import(inputs[i], options);
        if (!report.ok()) Die(files[i] + ": " + report.status().ToString());
      }
      t.import = Now() - start;
      if (storage == "sqlite-file" && round == 0) {
        session.reset();  // count what the import stored, then reopen for the snapshots (not timed)
        rows_after_import = CountRows(db_path);
        auto driver = native::Sqlite3Driver::Open(db_path);
        if (!driver.ok()) Die(driver.status().ToString());
        auto opened = api::Session::Open(std::move(driver).value());
        if (!opened.ok()) Die(opened.status().ToString());
        session = std::move(opened).value();
      }
      api::CallContext context;
      context.now = static_cast<Instant>(std::time(nullptr));
      start = Now();
      auto report = api::Dispatch(*session, "snapshots.generate", params, context);
      if (!report.ok()) Die("snapshots.generate: " + report.status().ToString());
      t.snapshots = Now() - start;
      last_report = report.value();
      session.reset();
      if (storage == "sqlite-file" && round == 0) rows_after_snapshots = CountRows(db_path);
      results[storage].push_back(t);
    }
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db_path + suffix);

  std::printf("target,storage,step,seconds,ratio_to_memory\n");
  auto median = [&](const std::string& storage, double Times::*field) {
    std::vector<double> v;
    for (const auto& t : results[storage]) v.push_back(t.*field);
    return Median(v);
  };
  for (const auto& storage : storages) {
    for (auto [step, field] : {std::pair{"open", &Times::open}, std::pair{"import", &Times::import},
                               std::pair{"snapshots", &Times::snapshots}}) {
      const double s = median(storage, field);
      const double base = median("memory", field);
      std::printf("native,%s,%s,%.4f,%.2f\n", storage.c_str(), step, s, base > 0 ? s / base : 0.0);
    }
  }
  std::printf("# rows after_import=%lld after_snapshots=%lld\n", static_cast<long long>(rows_after_import),
              static_cast<long long>(rows_after_snapshots));
  std::printf("# snapshots %s\n", last_report.c_str());
  return 0;
}
