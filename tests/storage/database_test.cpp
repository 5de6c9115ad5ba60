#include "loupe/storage/database.h"

#include <unistd.h>

#include <cstdio>
#include <string>

#include <catch2/catch.hpp>

#include "support/sql_util.h"

#include "sqlite/sqlite3_driver.h"

namespace loupe::storage {
namespace {

using testing::Dump;
using testing::FileSize;
using testing::QueryInt;
using testing::QueryIsNull;
using testing::QueryText;
using testing::RemoveDatabase;

using model::Commit;
using model::FileChange;
using model::PullRequest;
using model::Workspace;

std::unique_ptr<native::Sqlite3Driver> MemoryDriver() {
  auto driver = native::Sqlite3Driver::Open(":memory:");
  REQUIRE(driver.ok());
  return std::move(driver).value();
}

std::unique_ptr<Database> OpenOrFail(SqlDriver& driver) {
  auto db = Database::Open(driver);
  REQUIRE(db.ok());
  return std::move(db).value();
}

//! A sha whose 20 bytes all derive from `seed`, so tests can name commits by number.
Sha TestSha(int seed) {
  Sha sha;
  for (size_t i = 0; i < sha.bytes.size(); ++i)
    sha.bytes[i] = static_cast<uint8_t>(seed * 31 + i + 1);
  return sha;
}

void CheckSameIdentities(const Workspace& loaded, const Workspace& expected) {
  REQUIRE(loaded.identities().size() == expected.identities().size());
  for (size_t i = 0; i < expected.identities().size(); ++i) {
    const model::Identity& a = loaded.identities()[i];
    const model::Identity& b = expected.identities()[i];
    CHECK(a.id == b.id);
    CHECK(a.kind == b.kind);
    CHECK(a.key == b.key);
    CHECK(a.spelling == b.spelling);
    CHECK(a.names == b.names);
    CHECK(a.github_user_id == b.github_user_id);
  }
}

//! Entity by entity, in order: what Load gives back must be what the workspace held.
void CheckSameWorkspace(const Workspace& loaded, const Workspace& expected) {
  REQUIRE(loaded.repositories().size() == expected.repositories().size());
  for (size_t i = 0; i < expected.repositories().size(); ++i) {
    CHECK(loaded.repositories()[i].id == expected.repositories()[i].id);
    CHECK(loaded.repositories()[i].full_name == expected.repositories()[i].full_name);
  }
  CheckSameIdentities(loaded, expected);
  CHECK(loaded.links() == expected.links());
  REQUIRE(loaded.commits().size() == expected.commits().size());
  for (size_t i = 0; i < expected.commits().size(); ++i) {
    CHECK(loaded.commits()[i] == expected.commits()[i]);
  }
  REQUIRE(loaded.pull_requests().size() == expected.pull_requests().size());
  for (size_t i = 0; i < expected.pull_requests().size(); ++i) {
    CHECK(loaded.pull_requests()[i] == expected.pull_requests()[i]);
  }
  CHECK(loaded.reviews() == expected.reviews());
  CHECK(loaded.comments() == expected.comments());
  CHECK(loaded.manifests() == expected.manifests());
  CHECK(loaded.rules() == expected.rules());
  // The natural-key indexes were rebuilt too.
  for (const Commit& c : expected.commits()) CHECK(loaded.FindCommit(c.sha) != nullptr);
  for (const model::Identity& i : expected.identities()) {
    CHECK(loaded.FindIdentity(i.kind, i.key) == i.id);
  }
}

//! A batch with every entity kind and every field away from its default, plus the sentinels
//! storage must keep apart from real values (unknown offsets and instants, -1 counts, no ids).
Workspace FullBatch() {
  Workspace batch;
  const model::RepoId web = batch.InternRepo("Acme/Web");
  const model::RepoId api = batch.InternRepo("acme/api");
  const model::IdentityId ana = batch.InternEmail("Ana@Example.com", "Ana Lima");
  batch.InternEmail("ana@example.com", "Ana \"Quoted\" Lima\t\u00e9");  // a second name
  const model::IdentityId ana_login = batch.InternLogin("Ana-L", 4242, "Ana");
  const model::IdentityId bo = batch.InternEmail("bo@example.org", "");
  const model::IdentityId bot = batch.InternLogin("dependabot[bot]", 49699333, "");
  batch.AddLink(ana_login, ana);

  Commit merge;
  merge.sha = TestSha(1);
  merge.repo = web;
  merge.author = ana;
  merge.committer = bo;
  merge.authored = {1700000000, 330};  // +05:30
  merge.committed = {1700003600, kUnknownOffset};
  merge.message =
      "Merge branch 'x'\n\nBody line with unicode \u2713\nCo-authored-by: Bo <bo@example.org>";
  merge.parents = {TestSha(2), TestSha(3)};
  merge.co_authors = {bo, ana_login};
  merge.files = {
      FileChange{"src/a.cc", "", 10, 2, model::FileStatus::kModified, false},
      FileChange{"src/new_name.cc", "src/old_name.cc", 1, 1, model::FileStatus::kRenamed, false},
      FileChange{"img/logo.png", "", 0, 0, model::FileStatus::kAdded, true},
      FileChange{"docs/gone.md", "", 0, 40, model::FileStatus::kRemoved, false},
  };
  merge.additions = 11;
  merge.deletions = 43;
  merge.changed_files = 4;
  merge.has_stats = true;
  merge.has_files = true;
  merge.source_ref = "refs/pull/12/head";
  batch.UpsertCommit(merge);

  Commit bare;  // a push-event commit: no stats, no files, no committer, unknown instants
  bare.sha = TestSha(2);
  bare.repo = api;
  bare.author = bo;
  bare.authored = {1600000000, -420};
  bare.approximate_time = true;
  bare.message = "subject only";
  batch.UpsertCommit(bare);

  PullRequest pr;
  pr.repo = web;
  pr.number = 12;
  pr.github_id = 987654321;
  pr.author = ana_login;
  pr.title = "Add the thing";
  pr.body = "It adds\nthe thing.";
  pr.state = model::PrState::kMerged;
  pr.draft = true;
  pr.created_at = 1699990000;
  pr.updated_at = 1700010000;
  pr.ready_at = 1699995000;
  pr.merged_at = 1700003600;
  pr.closed_at = 1700003601;
  pr.merged_by = ana_login;
  pr.additions = 11;
  pr.deletions = 43;
  pr.changed_files = 4;
  pr.commits = 2;
  pr.comments = 3;
  pr.review_comments = 1;
  pr.requested_reviewers = {bot, ana_login};
  pr.labels = {"bug", "needs review"};
  pr.base_ref = "main";
  pr.head_ref = "feature/thing";
  pr.head_sha = TestSha(3);
  pr.merge_commit_sha = TestSha(1);
  pr.commit_shas = {TestSha(3), TestSha(2)};
  batch.UpsertPullRequest(pr);

  PullRequest listed;  // from a list endpoint: counts unknown, nobody merged it
  listed.repo = api;
  listed.number = 7;
  listed.author = bot;
  listed.title = "Bump x";
  listed.state = model::PrState::kClosed;
  listed.created_at = 1600000000;
  listed.closed_at = 1600100000;
  batch.UpsertPullRequest(listed);

  model::Review review;
  review.github_id = 555;
  review.repo = web;
  review.pr_number = 12;
  review.reviewer = bot;
  review.state = model::ReviewState::kChangesRequested;
  review.submitted_at = 1700001000;
  review.body = "Please fix";
  review.commit_id = TestSha(3);
  batch.UpsertReview(review);
  model::Review dismissed;
  dismissed.github_id = 556;
  dismissed.repo = web;
  dismissed.pr_number = 12;
  dismissed.reviewer = ana_login;
  dismissed.state = model::ReviewState::kDismissed;
  batch.UpsertReview(dismissed);

  model::Comment inline_comment;
  inline_comment.github_id = 777;
  inline_comment.kind = model::CommentKind::kReview;
  inline_comment.repo = web;
  inline_comment.pr_number = 12;
  inline_comment.author = bot;
  inline_comment.created_at = 1700001000;
  inline_comment.updated_at = 1700002000;
  inline_comment.body = "nit";
  inline_comment.review_id = 555;
  inline_comment.in_reply_to = 776;
  inline_comment.path = "src/a.cc";
  inline_comment.line = 42;
  batch.UpsertComment(inline_comment);
  model::Comment conversation;  // same github_id, other id space: a different comment
  conversation.github_id = 777;
  conversation.kind = model::CommentKind::kConversation;
  conversation.repo = web;
  conversation.pr_number = 12;
  conversation.author = ana_login;
  conversation.created_at = 1700001500;
  conversation.updated_at = 1700001500;
  conversation.body = "LGTM";
  batch.UpsertComment(conversation);

  batch.UpsertManifest({web, "package.json", TestSha(1), 1700003600, "{\"dependencies\":{}}"});

  model::IdentityRules& rules = batch.mutable_rules();
  rules.merges = {{"email:ana@example.com", "login:ana-l"}, {"email:a@b", "email:c@d"}};
  rules.splits = {{"login:bo"}};
  rules.mailmap = {{"Ana Lima", "ana@example.com", "ana", "ana@old.example.com"},
                   {"", "bo@example.org", "", "bo@laptop"}};
  rules.bot_rules = {{"*[bot]", true, "GitHub apps"}, {"renovate-human", false, "a person"}};
  batch.set_carries_rules(true);
  return batch;
}

//! Plans `batch` into `target`, stores the ChangeSet and applies it: what an import does.
void Import(Database& db, Workspace& target, const Workspace& batch) {
  model::ChangeSet changes = target.Plan(batch);
  const Status written = db.Write(changes);
  INFO(written.ToString());
  REQUIRE(written.ok());
  target.Apply(std::move(changes));
}

TEST_CASE("Database: a full workspace round-trips field by field, id by id", "[storage]") {
  auto driver = MemoryDriver();
  auto db = OpenOrFail(*driver);
  Workspace original;
  Import(*db, original, FullBatch());
  REQUIRE(original.commits().size() == 2);

  Workspace loaded;
  const Status s = db->Load(loaded);
  INFO(s.ToString());
  REQUIRE(s.ok());
  CheckSameWorkspace(loaded, original);

  SECTION("unknown values are stored as NULL, known ones as-is") {
    CHECK(QueryIsNull(*driver, "SELECT committed_offset FROM commits WHERE message = 'subject only'"));
    CHECK(QueryIsNull(*driver, "SELECT committed_utc FROM commits WHERE message = 'subject only'"));
    CHECK(QueryIsNull(*driver, "SELECT committer FROM commits WHERE message = 'subject only'"));
    CHECK(QueryInt(*driver, "SELECT authored_offset FROM commits WHERE message = 'subject only'") ==
          -420);
    CHECK(QueryInt(*driver, "SELECT approximate_time FROM commits WHERE message = 'subject only'") == 1);
    CHECK(QueryIsNull(*driver, "SELECT additions FROM pull_requests WHERE number = 7"));
    CHECK(QueryIsNull(*driver, "SELECT merged_by FROM pull_requests WHERE number = 7"));
    CHECK(QueryInt(*driver, "SELECT additions FROM pull_requests WHERE number = 12") == 11);
    CHECK(QueryInt(*driver, "SELECT count(*) FROM file_changes WHERE binary = 1") == 1);
    CHECK(QueryInt(*driver, "SELECT count(*) FROM identities i, json_each(i.names)") == 3);
  }
}

TEST_CASE("Database: identity rules are stored only once saved, and replaced whole", "[storage]") {
  auto driver = MemoryDriver();
  auto db = OpenOrFail(*driver);
  // Nothing saved yet: loading keeps the workspace's own (default) rules.
  Workspace with_defaults;
  with_defaults.mutable_rules().bot_rules = {{"*[bot]", true, "default"}};
  REQUIRE(db->Load(with_defaults).ok());
  CHECK(with_defaults.rules().bot_rules.size() == 1);

  // Saved empty is a decision of the user: it loads as empty.
  REQUIRE(db->WriteRules(model::IdentityRules()).ok());
  Workspace after_clear;
  after_clear.mutable_rules().bot_rules = {{"*[bot]", true, "default"}};
  REQUIRE(db->Load(after_clear).ok());
  CHECK(after_clear.rules() == model::IdentityRules());

  model::IdentityRules rules = FullBatch().rules();
  REQUIRE(db->WriteRules(rules).ok());
  rules.merges.pop_back();
  rules.bot_rules.push_back({"ci-*", true, ""});
  REQUIRE(db->WriteRules(rules).ok());
  Workspace loaded;
  REQUIRE(db->Load(loaded).ok());
  CHECK(loaded.rules() == rules);
  CHECK(QueryInt(*driver, "SELECT count(*) FROM merge_rules") == 1);
}

TEST_CASE("Database: updates replace rows in place and rewriting a ChangeSet changes nothing",
          "[storage]") {
  auto driver = MemoryDriver();
  auto db = OpenOrFail(*driver);
  Workspace ws;
  Import(*db, ws, FullBatch());
  const int64_t pr_row = QueryInt(*driver, "SELECT id FROM pull_requests WHERE number = 12");

  // A newer snapshot of PR 12 (retitled, relabelled, one reviewer left), the push-event commit
  // now seen with its files, and a new commit by a new author.
  Workspace batch;
  const model::RepoId web = batch.InternRepo("acme/web");
  const model::RepoId api = batch.InternRepo("acme/api");
  const model::IdentityId ana_login = batch.InternLogin("ana-l", 0, "");
  const model::IdentityId cy = batch.InternEmail("cy@example.com", "Cy");
  PullRequest newer = *ws.FindPullRequest(ws.FindRepo("acme/web"), 12);
  newer.repo = web;
  newer.author = ana_login;
  newer.merged_by = ana_login;
  newer.requested_reviewers = {ana_login};
  newer.updated_at += 100;
  newer.title = "Add the thing (v2)";
  newer.labels = {"feature"};
  newer.review_comments = 5;
  batch.UpsertPullRequest(newer);
  Commit with_files;
  with_files.sha = TestSha(2);
  with_files.repo = api;
  with_files.files = {FileChange{"README", "", 3, 0, model::FileStatus::kModified, false}};
  with_files.has_files = true;
  with_files.additions = 3;
  with_files.changed_files = 1;
  with_files.has_stats = true;
  batch.UpsertCommit(with_files);
  Commit fresh;
  fresh.sha = TestSha(9);
  fresh.repo = api;
  fresh.author = cy;
  fresh.message = "new";
  batch.UpsertCommit(fresh);

  const model::ChangeSet changes = ws.Plan(batch);
  REQUIRE(changes.commits.size() == 2);
  REQUIRE(changes.pull_requests.size() == 1);
  REQUIRE(db->Write(changes).ok());
  ws.Apply(changes);

  CHECK(QueryInt(*driver, "SELECT id FROM pull_requests WHERE number = 12") == pr_row);
  CHECK(QueryInt(*driver, "SELECT count(*) FROM pull_requests") == 2);
  CHECK(QueryInt(*driver,
                 "SELECT count(*) FROM pr_labels WHERE pr_id = " + std::to_string(pr_row)) == 1);
  CHECK(QueryInt(*driver, "SELECT count(*) FROM pr_requested_reviewers") == 1);
  CHECK(QueryInt(*driver, "SELECT review_comments FROM pull_requests WHERE number = 12") == 5);
  CHECK(QueryInt(*driver, "SELECT count(*) FROM commits") == 3);
  CHECK(QueryInt(*driver,
                 "SELECT count(*) FROM file_changes f JOIN commits c ON c.id = f.commit_id "
                 "WHERE c.message = 'subject only'") == 1);
  CHECK(QueryInt(*driver, "SELECT has_files FROM commits WHERE message = 'subject only'") == 1);
  Workspace loaded;
  REQUIRE(db->Load(loaded).ok());
  CheckSameWorkspace(loaded, ws);

  const std::string before = Dump(*driver);
  REQUIRE(db->Write(changes).ok());
  CHECK(Dump(*driver) == before);
}

TEST_CASE("Database: Open creates, reopens, and refuses what it cannot read", "[storage]") {
  auto driver = MemoryDriver();

  SECTION("an empty database gets the current schema and the marker") {
    auto db = OpenOrFail(*driver);
    CHECK(db->schema_version() == Database::kSchemaVersion);
    CHECK(QueryInt(*driver, "PRAGMA user_version") == Database::kSchemaVersion);
    auto app = db->GetMeta("app");
    REQUIRE(app.ok());
    CHECK(*app == std::optional<std::string>("loupe"));
  }

  SECTION("reopening a current database is a no-op") {
    auto first = OpenOrFail(*driver);
    Workspace ws;
    Import(*first, ws, FullBatch());
    const std::string before = Dump(*driver);
    auto again = OpenOrFail(*driver);
    CHECK(again->schema_version() == Database::kSchemaVersion);
    CHECK(Dump(*driver) == before);
  }

  SECTION("someone else's database is not touched") {
    REQUIRE(driver->Exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)").ok());
    const std::string before = Dump(*driver);
    auto db = Database::Open(*driver);
    REQUIRE_FALSE(db.ok());
    CHECK(db.status().code() == StatusCode::kInvalidInput);
    CHECK_THAT(db.status().message(), Catch::Contains("not a Loupe database"));
    CHECK(Dump(*driver) == before);
  }

  SECTION("a foreign meta table with a version is still foreign") {
    REQUIRE(driver->Exec("CREATE TABLE meta (k TEXT, v TEXT); PRAGMA user_version = 1").ok());
    auto db = Database::Open(*driver);
    REQUIRE_FALSE(db.ok());
    CHECK_THAT(db.status().message(), Catch::Contains("not a Loupe database"));
  }

  SECTION("a newer schema is refused and left as it was") {
    {
      auto db = OpenOrFail(*driver);
      Workspace ws;
      Import(*db, ws, FullBatch());
    }
    REQUIRE(driver->Exec("PRAGMA user_version = 99").ok());
    const std::string before = Dump(*driver);
    auto db = Database::Open(*driver);
    REQUIRE_FALSE(db.ok());
    CHECK(db.status().code() == StatusCode::kUnsupported);
    CHECK(db.status().message() ==
          "database written by a newer Loupe (schema 99; this build reads up to " +
              std::to_string(Database::kSchemaVersion) + ")");
    CHECK(Dump(*driver) == before);
  }
}

TEST_CASE("Database: a failed or cancelled write leaves the database byte for byte", "[storage]") {
  auto driver = MemoryDriver();
  auto db = OpenOrFail(*driver);
  Workspace ws;
  Import(*db, ws, FullBatch());
  const std::string before = Dump(*driver);

  // 10,000 new commits with two files each: 30,000 rows, several progress reports.
  model::ChangeSet big;
  for (int i = 0; i < 10000; ++i) {
    Commit c;
    c.sha = TestSha(1000 + i);
    c.sha.bytes[0] = static_cast<uint8_t>(i);
    c.sha.bytes[1] = static_cast<uint8_t>(i >> 8);
    c.sha.bytes[19] = 0xEE;
    c.repo = 0;
    c.author = 0;
    c.message = "bulk " + std::to_string(i);
    c.files = {FileChange{"a", "", 1, 0, model::FileStatus::kModified, false},
               FileChange{"b", "", 0, 1, model::FileStatus::kModified, false}};
    c.has_files = true;
    big.commits.push_back(std::move(c));
  }

  SECTION("a constraint violation in the last row") {
    big.commits.back().author = 4000;  // no such identity
    const Status s = db->Write(big);
    REQUIRE_FALSE(s.ok());
    CHECK_THAT(s.message(), Catch::Contains("cannot store commit " + big.commits.back().sha.Hex()));
    CHECK_THAT(s.message(), Catch::Contains("FOREIGN KEY"));
    CHECK(Dump(*driver) == before);
  }

  SECTION("a progress callback that stops after the first report") {
    int reports = 0;
    int64_t first_done = 0, total = 0;
    const Status s = db->Write(big, [&](const Progress& p) {
      if (++reports == 1) first_done = p.done;
      total = p.total;
      CHECK(p.phase == "store");
      CHECK(p.unit == "rows");
      return reports < 2;
    });
    CHECK(s.code() == StatusCode::kCancelled);
    CHECK(reports == 2);
    CHECK(first_done >= 4096);
    CHECK(first_done < 4096 + 3);
    CHECK(total == 30000);
    CHECK(Dump(*driver) == before);
  }

  SECTION("a cancel at the last report rolls back every row, rules included") {
    big.rules = model::IdentityRules();
    const Status s = db->Write(big, [](const Progress& p) { return p.done < p.total; });
    CHECK(s.code() == StatusCode::kCancelled);
    CHECK(Dump(*driver) == before);
    big.rules.reset();
  }

  // The connection is usable afterwards and the same batch then goes in whole.
  big.commits.back().author = 0;
  big.commits.back().repo = 0;
  int reports = 0;
  REQUIRE(db->Write(big, [&](const Progress&) { return ++reports > 0; }).ok());
  CHECK(reports == 30000 / 4096 + 1);
  CHECK(QueryInt(*driver, "SELECT count(*) FROM commits") == 10002);
  CHECK(QueryInt(*driver, "SELECT count(*) FROM file_changes") == 20004);
}

TEST_CASE("Database: meta keys are stored, and the storage layer's own keys are reserved",
          "[storage]") {
  auto driver = MemoryDriver();
  auto db = OpenOrFail(*driver);
  auto absent = db->GetMeta("name");
  REQUIRE(absent.ok());
  CHECK_FALSE(absent->has_value());
  REQUIRE(db->SetMeta("name", "Acme").ok());
  REQUIRE(db->SetMeta("name", "Acme Corp").ok());
  CHECK(*db->GetMeta("name") == std::optional<std::string>("Acme Corp"));
  CHECK(db->SetMeta("app", "other").code() == StatusCode::kInvalidInput);
  CHECK(*db->GetMeta("app") == std::optional<std::string>("loupe"));
}

TEST_CASE("Database: Load reports a damaged id sequence instead of guessing", "[storage]") {
  auto driver = MemoryDriver();
  auto db = OpenOrFail(*driver);
  REQUIRE(
      driver->Exec("INSERT INTO repositories (id, full_name) VALUES (0, 'a/b'), (5, 'c/d')").ok());
  Workspace ws;
  const Status s = db->Load(ws);
  CHECK(s.code() == StatusCode::kInvalidInput);
  CHECK(s.message() ==
        "cannot load repositories: corrupt database: repositories row 5 breaks the dense id "
        "sequence");
}

TEST_CASE("Database: a file database keeps its content across connections", "[storage]") {
  const std::string path = "/tmp/loupe_storage_test_" + std::to_string(getpid()) + ".db";
  Workspace ws;
  {
    auto driver = native::Sqlite3Driver::Open(path);
    REQUIRE(driver.ok());
    auto db = OpenOrFail(**driver);
    Import(*db, ws, FullBatch());
  }
  {
    auto driver = native::Sqlite3Driver::Open(path);
    REQUIRE(driver.ok());
    auto db = OpenOrFail(**driver);
    Workspace loaded;
    REQUIRE(db->Load(loaded).ok());
    CheckSameWorkspace(loaded, ws);
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
}

}  // namespace
}  // namespace loupe::storage
