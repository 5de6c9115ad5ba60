// bench/storage_bench.cpp — the native half of the storage benchmark (issues 4 and 5): the same
// files bench/run_storage_bench.mjs imports through the JS package (wasm, node and Chromium),
// imported natively through api::Session, then weekly snapshots generated through api::Dispatch
// with the same params the JS package sends, then analyze-all twice ("intelligence.analyzeAll"
// over from..to: every analysis of every developer, team and the workspace; the first call
// computes and caches everything, the second reuses it). Storages: "memory" (no database: the
// baseline), "sqlite-memory" (libsqlite3 ":memory:") and "sqlite-file" (a WAL file in --tmp,
// deleted before each round).
//
//   storage_bench --dir DIR --repo OWNER/NAME --from YYYY-MM-DD --to YYYY-MM-DD [--rounds R]
//                 [--tmp DIR] [--setup-import NAME]... [--setup-calls NAME] [--results DIR] FILE...
//
// FILEs are names in DIR, imported in order; a git log export needs --repo. Between the snapshots
// and analyze-all, untimed: the --setup-import files are imported and the --setup-calls file's
// lines (`method<TAB>params JSON`) dispatched (storage_dataset.mjs: identity links and teams).
// Prints CSV rows `target,storage,step,seconds,ratio_to_memory` (medians of R interleaved rounds;
// steps open, import, snapshots, analyze, analyze_cached), one `# rows …` line: the rows the file
// database holds after the import, the snapshots, the setup and analyze-all (every table counted),
// which is what the write rates divide by, then `# snapshots <report>`. With --results, the first
// round of each storage writes DIR/native-<storage>.<name>.json: the two analyze-all reports
// (analyze, analyze_cached) and the workspace's seven analyses over from..to (commits, …,
// technology), for the script to compare with the wasm runs.
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
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
  double open = 0, import = 0, snapshots = 0, analyze = 0, analyze_cached = 0;
};

void WriteText(const std::string& path, const std::string& text) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr || std::fwrite(text.data(), 1, text.size(), f) != text.size() || std::fclose(f) != 0) {
    Die("cannot write " + path);
  }
}

std::unique_ptr<api::Session> OpenSqlite(const std::string& path) {
  auto driver = native::Sqlite3Driver::Open(path);
  if (!driver.ok()) Die(driver.status().ToString());
  auto opened = api::Session::Open(std::move(driver).value());
  if (!opened.ok()) Die(opened.status().ToString());
  return std::move(opened).value();
}

// api::Dispatch's result; dies on an error.
std::string Call(api::Session& session, const std::string& method, const std::string& params,
                     const api::CallContext& context) {
  auto result = api::Dispatch(session, method, params, context);
  if (!result.ok()) Die(method + ": " + result.status().ToString());
  return std::move(result).value();
}

ingest::InputBuffer Read(const std::string& path) {
  auto buffer = ingest::InputBuffer::ReadFile(path);
  if (!buffer.ok()) Die(buffer.status().ToString());
  return std::move(buffer).value();
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir, repo, from, to, tmp = "/tmp", setup_calls, results_dir;
  int rounds = 3;
  std::vector<std::string> files, setup_imports;
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
    else if (a == "--setup-import") setup_imports.push_back(next());
    else if (a == "--setup-calls") setup_calls = next();
    else if (a == "--results") results_dir = next();
    else files.push_back(a);
  }
  if (dir.empty() || files.empty() || from.empty() || to.empty()) {
    Die("usage: storage_bench --dir DIR --repo OWNER/NAME --from D --to D [--rounds R] [--tmp DIR] "
        "[--setup-import NAME]... [--setup-calls NAME] [--results DIR] FILE...");
  }
  std::vector<ingest::InputBuffer> inputs, setup_inputs;
  for (const auto& f : files) inputs.push_back(Read(dir + "/" + f));
  for (const auto& f : setup_imports) setup_inputs.push_back(Read(dir + "/" + f));
  std::vector<std::pair<std::string, std::string>> calls;  // method, params
  if (!setup_calls.empty()) {
    const auto text = Read(dir + "/" + setup_calls);
    std::string_view rest(text.data(), text.size());
    while (!rest.empty()) {
      const size_t end = std::min(rest.find('\n'), rest.size());
      const std::string_view line = rest.substr(0, end);
      rest.remove_prefix(std::min(end + 1, rest.size()));
      if (line.empty()) continue;
      const size_t tab = line.find('\t');
      if (tab == std::string_view::npos) Die(setup_calls + ": expected method<TAB>params, got " + std::string(line));
      calls.emplace_back(std::string(line.substr(0, tab)), std::string(line.substr(tab + 1)));
    }
  }
  const std::string db_path = tmp + "/loupe_storage_bench.sqlite3";
  const std::string params = "{\"period\":\"weekly\",\"from\":\"" + from + "\",\"to\":\"" + to + "\"}";
  const std::string window = "{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}";
  const std::vector<std::string> storages = {"memory", "sqlite-memory", "sqlite-file"};
  std::map<std::string, std::vector<Times>> results;
  int64_t rows_after_import = 0, rows_after_snapshots = 0, rows_after_setup = 0, rows_after_analyze = 0;
  std::string last_report;

  for (int round = 0; round < rounds; ++round) {
    for (const auto& storage : storages) {
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db_path + suffix);
      const bool count_rows = storage == "sqlite-file" && round == 0;
      Times t;
      double start = Now();
      std::unique_ptr<api::Session> session =
          storage == "memory" ? api::Session::InMemory() : OpenSqlite(storage == "sqlite-file" ? db_path : ":memory:");
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
      if (count_rows) {
        session.reset();  // count what the import stored, then reopen for the snapshots (not timed)
        rows_after_import = CountRows(db_path);
        session = OpenSqlite(db_path);
      }
      api::CallContext context;
      context.now = static_cast<Instant>(std::time(nullptr));
      start = Now();
      last_report = Call(*session, "snapshots.generate", params, context);
      t.snapshots = Now() - start;
      // From here a second, read-only connection counts the rows (in WAL mode it sees every
      // committed transaction), so analyze-all runs in the session that made the snapshots, with
      // whatever it holds warm, as in every other round and in the wasm runs.
      if (count_rows) rows_after_snapshots = CountRows(db_path);

      for (size_t i = 0; i < setup_inputs.size(); ++i) {
        ingest::ImportOptions options;
        options.source_name = setup_imports[i];
        auto report = session->Import(setup_inputs[i], options);
        if (!report.ok()) Die(setup_imports[i] + ": " + report.status().ToString());
      }
      for (const auto& [method, call_params] : calls) Call(*session, method, call_params, context);
      if (count_rows) rows_after_setup = CountRows(db_path);

      start = Now();
      const std::string cold = Call(*session, "intelligence.analyzeAll", window, context);
      t.analyze = Now() - start;
      start = Now();
      const std::string cached = Call(*session, "intelligence.analyzeAll", window, context);
      t.analyze_cached = Now() - start;
      if (round == 0 && !results_dir.empty()) {
        const std::string prefix = results_dir + "/native-" + storage + ".";
        WriteText(prefix + "analyze.json", cold);
        WriteText(prefix + "analyze_cached.json", cached);
        for (const char* analysis :
             {"commits", "reviews", "expertise", "burnout", "collaboration", "complexity", "technology"}) {
          WriteText(prefix + analysis + ".json",
                    Call(*session, std::string("intelligence.") + analysis, window, context));
        }
      }
      session.reset();
      if (count_rows) rows_after_analyze = CountRows(db_path);
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
                               std::pair{"snapshots", &Times::snapshots}, std::pair{"analyze", &Times::analyze},
                               std::pair{"analyze_cached", &Times::analyze_cached}}) {
      const double s = median(storage, field);
      const double base = median("memory", field);
      std::printf("native,%s,%s,%.4f,%.2f\n", storage.c_str(), step, s, base > 0 ? s / base : 0.0);
    }
  }
  std::printf("# rows after_import=%lld after_snapshots=%lld after_setup=%lld after_analyze=%lld\n",
              static_cast<long long>(rows_after_import), static_cast<long long>(rows_after_snapshots),
              static_cast<long long>(rows_after_setup), static_cast<long long>(rows_after_analyze));
  std::printf("# snapshots %s\n", last_report.c_str());
  return 0;
}
