// A session killed with SIGKILL in the middle of (a) a large import whose recomputed snapshots go
// into the same transaction and (b) a large snapshot generation: the database must reopen intact
// with all of the interrupted work or none of it. (tests/storage/crash_test.cpp does the same
// for a bare ChangeSet write.)
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "support/sql_util.h"

#include "loupe/api/session.h"
#include "sqlite/sqlite3_driver.h"

namespace loupe::storage {
namespace {

using testing::Dump;
using testing::FileSize;
using testing::QueryInt;
using testing::QueryIsNull;
using testing::QueryText;
using testing::RemoveDatabase;

constexpr int kDevelopers = 150;
constexpr int kWeeks = 52;
constexpr int kBigImport = 100000;
// Monday 2023-01-02 00:00Z: the first of the 52 weeks every commit falls in.
constexpr Instant kYearStart = 1672617600;
constexpr Window kYear{kYearStart, kYearStart + kWeeks * 7 * kSecondsPerDay};

//! Commit `i` of a git log export (docs/formats.md) by developer `dev` at `t`: 3 + 1 lines. The
//! sha starts with a mix of `i`, as real shas are uniformly spread (the workspace hashes a sha by
//! its first bytes).
void GitCommit(std::string& out, int i, int dev, Instant t) {
  uint64_t x = static_cast<uint64_t>(i) + 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  x ^= x >> 31;
  char sha[41];
  std::snprintf(sha, sizeof sha, "%016llx%024x", static_cast<unsigned long long>(x), i);
  const std::string who = "Dev " + std::to_string(dev) + "\x1f" + "dev" + std::to_string(dev) + "@acme.dev\x1f" +
                          FormatIsoInstant(t);
  out += "\x1e" + std::string(sha) + "\x1f\x1f" + who + "\x1f" + who + "\x1fmain\x1f\x1f" + "change " +
         std::to_string(i) + "\x1f\n\n3\t1\tsrc/a.rs\n";
}

//! One commit per developer per week of 2023.
std::string BaseCommits() {
  std::string out;
  for (int w = 0; w < kWeeks; ++w) {
    for (int d = 0; d < kDevelopers; ++d) {
      GitCommit(out, 1 + w * kDevelopers + d, d, kYearStart + w * 7 * kSecondsPerDay + 10 * 3600 + d * 60);
    }
  }
  return out;
}

//! kBigImport more commits spread over every week of the year.
std::string BigImport() {
  std::string out;
  const int64_t span = kYear.seconds() - 3600;
  for (int i = 0; i < kBigImport; ++i) {
    GitCommit(out, 1000000 + i, i % kDevelopers, kYearStart + (static_cast<int64_t>(i) * 7919 * 61) % span);
  }
  return out;
}

void CopyFile(const std::string& from, const std::string& to) {
  std::ifstream in(from, std::ios::binary);
  std::ofstream out(to, std::ios::binary);
  out << in.rdbuf();
  REQUIRE(out.good());
}

std::unique_ptr<api::Session> OpenSession(const std::string& path) {
  auto driver = native::Sqlite3Driver::Open(path);
  REQUIRE(driver.ok());
  auto session = api::Session::Open(std::move(driver).value());
  REQUIRE(session.ok());
  return std::move(session).value();
}

//! The workspace both parts start from, built once: 150 developers with one commit in each week
//! of 2023, and their weekly snapshots (7,800 developer rows, 52 workspace rows). Closed, so the
//! file holds everything (SQLite checkpoints the WAL when the last connection closes).
const std::string& BaseDatabase() {
  struct Base {
    std::string path;
    ~Base() { RemoveDatabase(path); }
  };
  static const Base base{[] {
    const std::string p = "/tmp/loupe_snapshot_crash_base_" + std::to_string(getpid()) + ".db";
    RemoveDatabase(p);
    auto s = OpenSession(p);
    ingest::ImportOptions options;
    options.source_name = "base.gitlog";
    options.repo = "acme/rocket";
    REQUIRE(s->Import(ingest::InputBuffer::Copy(BaseCommits()), options).ok());
    api::SnapshotRequest weeks;
    weeks.range = kYear;
    auto report = s->GenerateSnapshots(weeks, 1000);
    REQUIRE(report.ok());
    REQUIRE(report->developer_snapshots == kDevelopers * kWeeks);
    return p;
  }()};
  return base.path;
}

//! One progress report of the child, sent through a pipe; it waits for the parent's go-ahead.
struct Report {
  char phase = 0;  //!< 's' store, 'c' compute, 'p' parse, 'e' the child finished
  int64_t done = 0;
  int64_t total = 0;
};

//! Where the parent kills the child: at the `nth` report of `phase` whose `sequence`-th run
//! it is in (a phase restarts when done drops: the import stores entities, then snapshots),
//! `last` = the report that ends that run. With `grown_bytes`, the parent instead lets the child
//! go on from that report and kills it once the file with `suffix` has grown by that much.
struct KillPoint {
  const char* name;
  char phase;
  int sequence;
  bool last;
  const char* suffix = "-wal";
  int64_t grown_bytes = 0;
};

enum class Work { kImport, kGenerate };

//! Runs in the forked child: the work, reporting every progress callback and waiting for the
//! parent's byte before going on, so the parent kills it at an exact point of the transaction.
[[noreturn]] void RunChild(const std::string& path, Work work, int to_parent, int from_parent) {
  auto driver = native::Sqlite3Driver::Open(path);
  if (!driver.ok()) _exit(2);
  auto session = api::Session::Open(std::move(driver).value());
  if (!session.ok()) _exit(3);
  const ProgressFn lockstep = [&](const Progress& p) {
    const Report r{p.phase.empty() ? '?' : p.phase[0], p.done, p.total};
    char go = 0;
    return write(to_parent, &r, sizeof r) == static_cast<ssize_t>(sizeof r) && read(from_parent, &go, 1) == 1;
  };
  Status status;
  if (work == Work::kImport) {
    ingest::ImportOptions options;
    options.source_name = "big.gitlog";
    options.repo = "acme/rocket";
    options.progress = lockstep;
    status = (*session)->Import(ingest::InputBuffer::Copy(BigImport()), options).status();
  } else {
    api::SnapshotRequest days;
    days.period_type = PeriodType::kDaily;
    days.range = kYear;
    status = (*session)->GenerateSnapshots(days, 2000, lockstep).status();
  }
  const Report end{'e', 0, 0};
  (void)!write(to_parent, &end, sizeof end);
  _exit(status.ok() ? 0 : 4);
}

//! Forks the child on a copy of the base database and kills it at `point`. Returns the path.
std::string RunAndKill(Work work, const KillPoint& point) {
  const std::string path = "/tmp/loupe_snapshot_crash_" + std::to_string(getpid()) + ".db";
  RemoveDatabase(path);
  CopyFile(BaseDatabase(), path);
  int up[2], down[2];
  REQUIRE(pipe(up) == 0);
  REQUIRE(pipe(down) == 0);
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    close(up[0]);
    close(down[1]);
    RunChild(path, work, up[1], down[0]);
  }
  close(up[1]);
  close(down[0]);
  bool reached = false;
  int sequence = 0;
  int64_t last_done = -1;
  char last_phase = 0;
  Report r;
  while (!reached && read(up[0], &r, sizeof r) == static_cast<ssize_t>(sizeof r) && r.phase != 'e') {
    if (r.phase != last_phase || r.done < last_done) {
      if (r.phase == point.phase) ++sequence;
    }
    last_phase = r.phase;
    last_done = r.done;
    const bool at_end = r.done == r.total;
    reached = r.phase == point.phase && sequence == point.sequence && (point.last ? at_end : !at_end);
    if (!reached || point.grown_bytes > 0) {
      const char go = 1;
      REQUIRE(write(down[1], &go, 1) == 1);
    }
  }
  int wait_status = 0;
  bool reaped = false;
  int64_t grown = 0;
  if (reached && point.grown_bytes > 0) {
    // The child runs on into COMMIT: kill it once the watched file has grown enough.
    const std::string watched = path + point.suffix;
    const int64_t from = std::max<int64_t>(FileSize(watched), 0);
    for (int waited_ms = 0; waited_ms < 120000; ++waited_ms) {
      grown = FileSize(watched) - from;
      if (grown >= point.grown_bytes) break;
      if (waitpid(child, &wait_status, WNOHANG) == child) {
        reaped = true;
        break;
      }
      // Keep answering reports (there are none after the last one, but never block the child).
      pollfd fd{up[0], POLLIN, 0};
      if (poll(&fd, 1, 0) > 0 && read(up[0], &r, sizeof r) == static_cast<ssize_t>(sizeof r) && r.phase != 'e') {
        const char go = 1;
        (void)!write(down[1], &go, 1);
      }
      usleep(1000);
    }
  }
  if (!reaped) {
    kill(child, SIGKILL);
    REQUIRE(waitpid(child, &wait_status, 0) == child);
  }
  close(up[0]);
  close(down[1]);
  INFO("child " << (WIFSIGNALED(wait_status) ? "was killed" : "exited") << " at " << r.phase << " " << r.done << "/"
                << r.total << ", watched file grew " << grown << " bytes, database " << FileSize(path)
                << " bytes, WAL " << FileSize(path + "-wal"));
  CHECK(reached);
  // A kill meant for the middle of COMMIT must land there, not after the child finished.
  CHECK((point.grown_bytes == 0 || WIFSIGNALED(wait_status)));
  return path;
}

void CheckIntact(SqlDriver& driver) {
  CHECK(QueryText(driver, "PRAGMA integrity_check") == "ok");
  CHECK(QueryInt(driver, "SELECT count(*) FROM pragma_foreign_key_check") == 0);
}

TEST_CASE("Snapshot crash: an import killed mid-transaction keeps its recomputed snapshots with it",
          "[storage][crash][snapshots]") {
  // The import of 100,000 commits touches every week of 2023, so all 7,800 developer and 52
  // workspace snapshots are recomputed inside its transaction. Whatever the kill point, the
  // database holds either the 7,800 base commits with every snapshot at data version 1, or all
  // 107,800 commits with every snapshot at data version 2 — and the weekly commit counts of the
  // snapshots add up to the commits stored.
  const KillPoint point = GENERATE(values<KillPoint>({
      {"storing the commits", 's', 1, false},
      {"the commits stored", 's', 1, true},
      {"storing the recomputed snapshots", 's', 2, false},
      {"everything stored, right before COMMIT", 's', 2, true},
      {"while COMMIT writes the WAL", 's', 2, true, "-wal", 4 << 20},
      {"while the checkpoint after COMMIT copies the WAL", 's', 2, true, "", 4 << 20},
  }));
  INFO("kill point: " << point.name);
  const std::string path = RunAndKill(Work::kImport, point);
  {
    auto driver = native::Sqlite3Driver::Open(path);
    REQUIRE(driver.ok());
    CheckIntact(**driver);
    const int64_t commits = QueryInt(**driver, "SELECT count(*) FROM commits");
    const bool all = commits == kDevelopers * kWeeks + kBigImport;
    INFO("commits " << commits);
    CHECK((commits == kDevelopers * kWeeks || all));
    const int64_t version = all ? 2 : 1;
    CHECK(QueryText(**driver, "SELECT value FROM meta WHERE key = 'data_version'") == std::to_string(version));
    CHECK(QueryInt(**driver, "SELECT count(*) FROM developer_snapshots") == kDevelopers * kWeeks);
    CHECK(QueryInt(**driver, "SELECT count(*) FROM developer_snapshots WHERE data_version = " + std::to_string(version)) ==
          kDevelopers * kWeeks);
    CHECK(QueryInt(**driver, "SELECT count(*) FROM team_snapshots WHERE data_version = " + std::to_string(version)) ==
          kWeeks);
    CHECK(QueryInt(**driver, "SELECT sum(velocity_commits_count) FROM developer_snapshots") == commits);
    CHECK(QueryInt(**driver, "SELECT sum(total_commits) FROM team_snapshots") == commits);
  }
  // The workspace opens and takes the import again.
  auto s = OpenSession(path);
  CHECK(static_cast<int64_t>(s->workspace().commits().size()) >= kDevelopers * kWeeks);
  s.reset();
  RemoveDatabase(path);
}

TEST_CASE("Snapshot crash: a generation killed mid-transaction stores all of its periods or none",
          "[storage][crash][snapshots]") {
  // Daily snapshots of 2023 for 150 developers: 54,600 developer rows and 364 workspace rows in
  // one transaction (a WAL above SQLite's 1000-page checkpoint threshold), on top of the weekly
  // ones, which must stay as they were.
  const KillPoint point = GENERATE(values<KillPoint>({
      {"computing", 'c', 1, false},
      {"storing the first rows", 's', 1, false},
      {"everything stored, right before COMMIT", 's', 1, true},
      {"while COMMIT writes the WAL", 's', 1, true, "-wal", 2 << 20},
      {"while the checkpoint after COMMIT copies the WAL", 's', 1, true, "", 1 << 20},
  }));
  INFO("kill point: " << point.name);
  const std::string path = RunAndKill(Work::kGenerate, point);
  {
    auto driver = native::Sqlite3Driver::Open(path);
    REQUIRE(driver.ok());
    CheckIntact(**driver);
    const int64_t daily = QueryInt(**driver, "SELECT count(*) FROM developer_snapshots WHERE period_type = 0");
    const int64_t daily_teams = QueryInt(**driver, "SELECT count(*) FROM team_snapshots WHERE period_type = 0");
    const int64_t days = kWeeks * 7;
    INFO("daily rows " << daily << ", daily workspace rows " << daily_teams);
    CHECK((daily == 0 || daily == kDevelopers * days));
    CHECK(daily_teams == (daily == 0 ? 0 : days));
    CHECK(QueryInt(**driver, "SELECT count(*) FROM developer_snapshots WHERE period_type = 1") == kDevelopers * kWeeks);
    if (daily > 0) {
      CHECK(QueryInt(**driver, "SELECT sum(velocity_commits_count) FROM developer_snapshots WHERE period_type = 0") ==
            kDevelopers * kWeeks);
    }
  }
  auto s = OpenSession(path);
  CHECK(s->snapshots().developers().size() >= static_cast<size_t>(kDevelopers * kWeeks));
  s.reset();
  RemoveDatabase(path);
}

}  // namespace
}  // namespace loupe::storage
