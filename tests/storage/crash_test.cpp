// A writer process killed with SIGKILL at different points of a large write: the database must
// reopen intact, with the earlier batch and either all or none of the interrupted one.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include <catch2/catch.hpp>

#include "support/sql_util.h"

#include "loupe/storage/database.h"
#include "sqlite/sqlite3_driver.h"

namespace loupe::storage {
namespace {

using testing::Dump;
using testing::FileSize;
using testing::QueryInt;
using testing::QueryIsNull;
using testing::QueryText;
using testing::RemoveDatabase;

constexpr int kFirstBatch = 1000;
constexpr int kBigBatch = 200000;
constexpr int kFilesPerCommit = 2;

//! Commits [from, from + count) of a synthetic history, each with kFilesPerCommit files, all by
//! identity 0 in repository 0. The first ChangeSet (from == 0) also creates those two.
model::ChangeSet Commits(int from, int count) {
  model::ChangeSet changes;
  if (from == 0) {
    changes.repositories.push_back({0, "acme/web"});
    model::Identity ana;
    ana.id = 0;
    ana.key = ana.spelling = "ana@example.com";
    ana.names = {"Ana"};
    changes.identities.push_back(ana);
  }
  changes.commits.reserve(count);
  for (int i = from; i < from + count; ++i) {
    model::Commit c;
    for (size_t b = 0; b < 4; ++b) c.sha.bytes[b] = static_cast<uint8_t>(i >> (8 * b));
    c.sha.bytes[19] = 0x5A;
    c.repo = 0;
    c.author = 0;
    c.authored = {1600000000 + i * 60, 60};
    c.message = "change " + std::to_string(i);
    for (int f = 0; f < kFilesPerCommit; ++f) {
      c.files.push_back({"src/file" + std::to_string((i + f) % 500) + ".cc", "", i % 100, f,
                         model::FileStatus::kModified, false});
    }
    c.has_files = true;
    changes.commits.push_back(std::move(c));
  }
  return changes;
}

//! Runs in the forked child: stores the big batch, telling the parent through `pipe_out` how
//! many rows are done at every progress report, and a last -1 just before the commit.
[[noreturn]] void WriteBigBatch(const std::string& path, bool small_cache, int pipe_out) {
  const model::ChangeSet changes = Commits(kFirstBatch, kBigBatch);
  auto driver = native::Sqlite3Driver::Open(path);
  if (!driver.ok()) _exit(2);
  auto db = Database::Open(**driver);
  if (!db.ok()) _exit(3);
  // Database::Open's cache holds the whole batch until COMMIT; a small one makes the transaction
  // spill uncommitted pages into the WAL, which recovery must then ignore.
  if (small_cache && !(*driver)->Exec("PRAGMA cache_size = -1000").ok()) _exit(5);
  const Status s = (*db)->Write(changes, [&](const Progress& p) {
    const int64_t done = p.done == p.total ? -1 : p.done;
    return write(pipe_out, &done, sizeof done) == static_cast<ssize_t>(sizeof done);
  });
  _exit(s.ok() ? 0 : 4);
}

//! Where the parent kills the writer: once a progress report says `after_rows` rows are written
//! (-1: the report right before COMMIT), and then once the file with `suffix` has grown by
//! `grown_bytes` (the WAL while COMMIT appends to it, the database while the checkpoint that
//! follows a commit copies pages into it).
struct KillPoint {
  const char* name;
  int64_t after_rows;
  const char* suffix = "-wal";
  int64_t grown_bytes = 0;
  bool small_cache = false;  //!< the writer's page cache is too small to hold the transaction
};

TEST_CASE("Crash: a writer killed mid-write leaves the last committed state", "[storage][crash]") {
  const KillPoint point = GENERATE(values<KillPoint>({
      {"at the first report", 1},
      {"a third of the way", 200000},
      {"two thirds of the way", 400000},
      {"two thirds of the way, spilling into the WAL", 400000, "-wal", 0, true},
      {"right before COMMIT", -1},
      {"while COMMIT writes the WAL", -1, "-wal", 8 << 20},
      {"while the checkpoint after COMMIT copies the WAL", -1, "", 8 << 20},
  }));
  INFO("kill point: " << point.name);
  const std::string path = "/tmp/loupe_crash_test_" + std::to_string(getpid()) + "_" +
                           std::to_string(point.after_rows) + point.suffix + "_" +
                           std::to_string(point.grown_bytes) + ".db";
  RemoveDatabase(path);

  int64_t first_batch_additions = 0;
  {
    auto driver = native::Sqlite3Driver::Open(path);
    REQUIRE(driver.ok());
    auto db = Database::Open(**driver);
    REQUIRE(db.ok());
    REQUIRE((*db)->Write(Commits(0, kFirstBatch)).ok());
    first_batch_additions = QueryInt(**driver, "SELECT sum(additions) FROM file_changes");
  }  // closed: SQLite connections must not cross fork()

  int pipe_fds[2];
  REQUIRE(pipe(pipe_fds) == 0);
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    close(pipe_fds[0]);
    WriteBigBatch(path, point.small_cache, pipe_fds[1]);
  }
  close(pipe_fds[1]);

  // Follow the child's reports until the kill point (the child runs on meanwhile: the kill lands
  // a little after the point, wherever the write is by then).
  bool reached = false;
  int64_t done = 0;
  while (!reached) {
    const ssize_t n = read(pipe_fds[0], &done, sizeof done);
    if (n != static_cast<ssize_t>(sizeof done)) break;  // the child ended before the kill point
    reached = point.after_rows == -1 ? done == -1 : (done == -1 || done >= point.after_rows);
  }
  const std::string watched = path + point.suffix;
  const int64_t watched_from = std::max<int64_t>(FileSize(watched), 0);
  if (reached && point.grown_bytes > 0) {
    for (int waited_ms = 0; waited_ms < 60000; ++waited_ms) {
      if (FileSize(watched) - watched_from >= point.grown_bytes) break;
      if (waitpid(child, nullptr, WNOHANG) == child) break;
      usleep(1000);
    }
  }
  kill(child, SIGKILL);
  int wait_status = 0;
  REQUIRE(waitpid(child, &wait_status, 0) == child);
  close(pipe_fds[0]);
  INFO("child " << (WIFSIGNALED(wait_status) ? "was killed" : "exited") << ", last report " << done
                << ", database " << FileSize(path) << " bytes, WAL " << FileSize(path + "-wal")
                << " bytes");
  CHECK(reached);

  auto driver = native::Sqlite3Driver::Open(path);
  REQUIRE(driver.ok());
  CHECK(QueryText(**driver, "PRAGMA integrity_check") == "ok");
  CHECK(QueryInt(**driver, "SELECT count(*) FROM pragma_foreign_key_check") == 0);
  auto db = Database::Open(**driver);
  REQUIRE(db.ok());
  const int64_t commits = QueryInt(**driver, "SELECT count(*) FROM commits");
  const int64_t files = QueryInt(**driver, "SELECT count(*) FROM file_changes");
  const bool all = commits == kFirstBatch + kBigBatch;
  INFO("commits " << commits << ", file changes " << files);
  CHECK((commits == kFirstBatch || all));
  CHECK(files == commits * kFilesPerCommit);
  CHECK(QueryInt(**driver,
                 "SELECT sum(f.additions) FROM file_changes f JOIN commits c "
                 "ON c.id = f.commit_id WHERE c.id <= " +
                     std::to_string(kFirstBatch)) == first_batch_additions);
  // Recovery leaves a writable database: the batch can be stored (again) in full.
  REQUIRE((*db)->Write(Commits(kFirstBatch, 1000)).ok());
  CHECK(QueryInt(**driver, "SELECT count(*) FROM commits") == (all ? commits : kFirstBatch + 1000));

  db->reset();
  driver->reset();
  RemoveDatabase(path);
}

}  // namespace
}  // namespace loupe::storage
