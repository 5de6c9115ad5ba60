#include "loupe/model/workspace.h"

#include <catch2/catch.hpp>

namespace loupe::model {
namespace {

Sha ShaOf(char c) {
  Sha s;
  REQUIRE(Sha::Parse(std::string(40, c), s));
  return s;
}

Commit MakeCommit(Workspace& ws, char sha, std::string_view email, std::string message) {
  Commit c;
  c.sha = ShaOf(sha);
  c.repo = ws.InternRepo("acme/rocket");
  c.author = ws.InternEmail(email, "Ana Lima");
  c.authored = {1704704400, 60};  // 2024-01-08T10:00:00+01:00
  c.message = std::move(message);
  return c;
}

TEST_CASE("Workspace: identities are keyed case-insensitively and collect names", "[model][workspace]") {
  // "Ana@Example.com" and "ana@example.COM" are one key; names accumulate in first-seen order.
  Workspace ws;
  const IdentityId a = ws.InternEmail("Ana@Example.com", "Ana Lima");
  const IdentityId b = ws.InternEmail("ana@example.COM", "ana");
  CHECK(a == b);
  CHECK(ws.identities()[a].key == "ana@example.com");
  CHECK(ws.identities()[a].spelling == "Ana@Example.com");
  CHECK(ws.identities()[a].names == std::vector<std::string>{"Ana Lima", "ana"});
  CHECK(ws.InternLogin("ana", 42, "") != a);  // a login is another kind of identity
  CHECK(ws.FindRepo("ACME/Rocket") == kNoId);
  const RepoId repo = ws.InternRepo("acme/rocket");
  CHECK(ws.FindRepo("ACME/Rocket") == repo);
}

TEST_CASE("Workspace: a duplicate commit is merged, richer data wins", "[model][workspace]") {
  // The same sha arrives first from a REST list (no stats, no offset) and then from git (stats
  // and the author's +01:00 offset): one commit with both.
  Workspace ws;
  Commit from_rest = MakeCommit(ws, 'a', "ana@example.com", "feat: launch");
  from_rest.authored.offset_minutes = kUnknownOffset;
  ws.UpsertCommit(from_rest);
  Commit from_git = MakeCommit(ws, 'a', "ana@example.com", "feat: launch\n\nWith a body.");
  from_git.has_stats = true;
  from_git.additions = 10;
  from_git.deletions = 2;
  ws.UpsertCommit(from_git);
  REQUIRE(ws.commits().size() == 1);
  const Commit& c = ws.commits()[0];
  CHECK(c.has_stats);
  CHECK(c.additions == 10);
  CHECK(c.authored.offset_minutes == 60);
  CHECK(c.message == "feat: launch\n\nWith a body.");
}

TEST_CASE("Workspace: a push event's time gives way to the commit's own time", "[model][workspace]") {
  // GH Archive knows only when the push arrived (2024-01-09T08:00Z); git knows the commit was
  // written 2024-01-08T10:00+01:00. Either import order ends with git's time, marked exact.
  Workspace ws;
  Commit pushed = MakeCommit(ws, 'f', "ana@example.com", "feat: x");
  pushed.authored = pushed.committed = {1704787200, kUnknownOffset};
  pushed.approximate_time = true;
  Commit own = MakeCommit(ws, 'f', "ana@example.com", "feat: x");
  own.committed = own.authored;
  for (bool push_first : {true, false}) {
    Workspace w;
    w.UpsertCommit(push_first ? pushed : own);
    w.UpsertCommit(push_first ? own : pushed);
    REQUIRE(w.commits().size() == 1);
    CHECK(w.commits()[0].authored == Timestamp{1704704400, 60});
    CHECK_FALSE(w.commits()[0].approximate_time);
  }
  Workspace only_push;
  only_push.UpsertCommit(pushed);
  CHECK(only_push.commits()[0].approximate_time);
}

TEST_CASE("Workspace: Plan maps ids and Apply makes the same workspace twice", "[model][workspace]") {
  // The target already knows bob (identity 0); the batch knows ana (0) and bob (1). Planning must
  // map batch ana -> new id 1, batch bob -> 0, and a second Plan of the same batch is empty.
  Workspace target;
  target.InternEmail("bob@example.com", "Bob");
  Workspace batch;
  Commit c = MakeCommit(batch, 'b', "ana@example.com", "fix: x");
  c.co_authors.push_back(batch.InternEmail("bob@example.com", "Bob"));
  batch.UpsertCommit(c);

  ChangeSet plan = target.Plan(batch);
  CHECK(plan.counts.new_commits == 1);
  CHECK(plan.counts.new_identities == 1);
  REQUIRE(plan.commits.size() == 1);
  CHECK(plan.commits[0].author == 1);
  CHECK(plan.commits[0].co_authors == std::vector<IdentityId>{0});
  CHECK(target.commits().empty());  // planning changes nothing
  target.Apply(std::move(plan));
  REQUIRE(target.commits().size() == 1);
  CHECK(target.identities()[1].key == "ana@example.com");

  ChangeSet again = target.Plan(batch);
  CHECK(again.empty());
}

TEST_CASE("Workspace: a newer PR snapshot wins, unknown counts never erase known ones", "[model][workspace]") {
  // Snapshot 1 (updated 10:00): open, 120 additions known. Snapshot 2 (updated 11:00, a list item):
  // merged, additions unknown (-1). Result: merged, additions still 120.
  Workspace ws;
  PullRequest first;
  first.repo = ws.InternRepo("acme/rocket");
  first.number = 7;
  first.updated_at = 36000;
  first.additions = 120;
  first.title = "Draft title";
  ws.UpsertPullRequest(first);
  PullRequest second = first;
  second.updated_at = 39600;
  second.state = PrState::kMerged;
  second.merged_at = 39600;
  second.additions = -1;
  second.title = "Final title";
  ws.UpsertPullRequest(second);
  REQUIRE(ws.pull_requests().size() == 1);
  const PullRequest& pr = ws.pull_requests()[0];
  CHECK(pr.state == PrState::kMerged);
  CHECK(pr.title == "Final title");
  CHECK(pr.additions == 120);
  // An older snapshot arriving late changes nothing it knows.
  PullRequest stale = first;
  stale.updated_at = 1000;
  stale.title = "Stale";
  ws.UpsertPullRequest(stale);
  CHECK(ws.pull_requests()[0].title == "Final title");
}

TEST_CASE("Workspace: review dismissal is kept, other review fields fill in", "[model][workspace]") {
  Workspace ws;
  Review r;
  r.github_id = 99;
  r.state = ReviewState::kApproved;
  ws.UpsertReview(r);
  Review dismissed = r;
  dismissed.state = ReviewState::kDismissed;
  dismissed.body = "LGTM";
  ws.UpsertReview(dismissed);
  ws.UpsertReview(r);  // the approval again, e.g. an older export: dismissal is final
  REQUIRE(ws.reviews().size() == 1);
  CHECK(ws.reviews()[0].state == ReviewState::kDismissed);
  CHECK(ws.reviews()[0].body == "LGTM");
}

TEST_CASE("Workspace: memory accounting grows with content", "[model][workspace]") {
  Workspace ws;
  const size_t empty = ws.MemoryBytes();
  for (char c : std::string("0123456789abcdef")) ws.UpsertCommit(MakeCommit(ws, c, "ana@example.com", std::string(200, 'm')));
  // 16 commits with 200-byte messages hold at least 16 * (sizeof(Commit) + 200) bytes.
  CHECK(ws.MemoryBytes() >= empty + 16 * (sizeof(Commit) + 200));
}

}  // namespace
}  // namespace loupe::model
