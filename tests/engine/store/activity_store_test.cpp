#include "loupe/store/activity_store.h"

#include <catch2/catch.hpp>

#include "loupe/identity/bot_rules.h"
#include "loupe/metrics/developer_summary.h"

namespace loupe::store {
namespace {

using namespace model;

Sha ShaOf(int n) {
  char hex[41];
  std::snprintf(hex, sizeof hex, "%040x", n);
  Sha s;
  Sha::Parse(hex, s);
  return s;
}

// Ana (two addresses joined by a link through her login), Bob, and dependabot.
struct Fixture {
  Workspace ws;
  IdentityId ana, ana_home, ana_login, bob, bot;
  Fixture() {
    ws.mutable_rules().bot_rules = identity::DefaultBotRules();
    ana = ws.InternEmail("ana@corp.com", "Ana");
    ana_home = ws.InternEmail("ana@home.org", "Ana");
    ana_login = ws.InternLogin("ana", 1, "");
    bob = ws.InternEmail("bob@corp.com", "Bob");
    bot = ws.InternLogin("dependabot[bot]", 2, "");
    ws.AddLink(ana, ana_login);
    ws.AddLink(ana_home, ana_login);
  }
  void Commit(int n, IdentityId author, Instant t, int16_t offset, int64_t add, int64_t del,
              std::vector<IdentityId> co = {}) {
    model::Commit c;
    c.sha = ShaOf(n);
    c.repo = ws.InternRepo(n % 2 ? "acme/a" : "acme/b");
    c.author = author;
    c.authored = {t, offset};
    c.additions = add, c.deletions = del, c.changed_files = 1, c.has_stats = true;
    c.co_authors = std::move(co);
    ws.UpsertCommit(c);
  }
};

constexpr Instant kMon = 1704708000;  // 2024-01-08T10:00:00Z, a Monday

TEST_CASE("ActivityStore: commits are time-sorted columns attributed to developers", "[store]") {
  Fixture f;
  // Inserted out of order; Ana commits from both addresses.
  f.Commit(3, f.ana_home, kMon + 7200, 60, 5, 1);
  f.Commit(1, f.ana, kMon, 60, 10, 2);
  f.Commit(2, f.bob, kMon + 3600, -300, 7, 0, {f.ana, f.bob});
  const identity::Resolution r = identity::Resolve(f.ws);
  const ActivityStore s = ActivityStore::Build(f.ws, r);
  const CommitColumns& c = s.commits();
  REQUIRE(c.size() == 3);
  CHECK(c.time == std::vector<Instant>{kMon, kMon + 3600, kMon + 7200});
  CHECK(c.developer[0] == c.developer[2]);  // both of Ana's addresses
  CHECK(c.developer[1] == r.IndexOf(f.bob));
  CHECK(c.offset[1] == -300);
  // Bob's commit names Ana and Bob himself as co-authors: only Ana counts.
  CHECK(c.co_author_begin[2] - c.co_author_begin[1] == 1);
  CHECK(c.co_author_devs[c.co_author_begin[1]] == r.IndexOf(f.ana));
  CHECK((c.flags[1] & kCommitCoAuthored) != 0);
  CHECK(s.CommitsOf(r.IndexOf(f.ana)).size() == 2);
  // [kMon + 1, kMon + 7200) holds only Bob's commit (half-open: 7200 is out).
  CHECK(s.CommitRange(kMon + 1, kMon + 7200) == std::pair<uint32_t, uint32_t>{1, 2});
  // Columns hold 8+2+4*6+1 bytes per row plus the CSR entries: well under the 96-byte budget.
  CHECK(s.CommitBytesPerCommit() > 30);
  CHECK(s.CommitBytesPerCommit() < 96);
}

TEST_CASE("DeveloperSummary: counts, local active days and activity span", "[store][summary]") {
  // Ana: two commits on Mon 2024-01-08 at 23:30 and Tue 00:30 local (+01:00) -> two local days
  // although both are on the 8th in UTC (22:30Z and 23:30Z). Lines 10+5 added, 2+1 removed.
  // Bob: one commit co-authored by Ana, a merged PR, one approved review, one pending review
  // (not counted), one comment. The bot's commit belongs to a bot developer.
  Fixture f;
  f.Commit(1, f.ana, kMon + 12 * 3600 + 1800, 60, 10, 2);
  f.Commit(2, f.ana_home, kMon + 13 * 3600 + 1800, 60, 5, 1);
  f.Commit(3, f.bob, kMon, 0, 1, 1, {f.ana_home});
  f.Commit(4, f.bot, kMon + 60, 0, 3, 3);
  PullRequest pr;
  pr.repo = f.ws.InternRepo("acme/a");
  pr.number = 1;
  pr.author = f.bob;
  pr.created_at = kMon - 86400;
  pr.state = PrState::kMerged;
  f.ws.UpsertPullRequest(pr);
  f.ws.UpsertReview({11, pr.repo, 1, f.bob, ReviewState::kApproved, kMon + 100, "", {}});
  f.ws.UpsertReview({12, pr.repo, 1, f.bob, ReviewState::kPending, kNoInstant, "", {}});
  f.ws.UpsertComment({21, CommentKind::kReview, pr.repo, 1, f.bob, kMon + 200, kNoInstant, "x", 11, 0, "a", 1});
  const identity::Resolution r = identity::Resolve(f.ws);
  const ActivityStore s = ActivityStore::Build(f.ws, r);
  CHECK(s.reviews().comments[1] == 1);  // review 11 owns comment 21 (rows sorted: pending first)
  const auto rows = metrics::SummarizeDevelopers(s);
  REQUIRE(rows.size() == 3);
  const auto& ana = rows[0];  // most commits first
  CHECK(ana.developer == r.IndexOf(f.ana));
  CHECK(ana.commits == 2);
  CHECK(ana.lines_added == 15);
  CHECK(ana.lines_removed == 3);
  CHECK(ana.active_days == 2);
  CHECK(ana.co_authored == 1);
  CHECK(ana.repositories == 2);
  CHECK(ana.first_activity == kMon);  // the co-authored commit counts as activity
  CHECK(ana.last_activity == kMon + 13 * 3600 + 1800);
  const auto& bob = rows[1].developer == r.IndexOf(f.bob) ? rows[1] : rows[2];
  CHECK(bob.prs_opened == 1);
  CHECK(bob.prs_merged == 1);
  CHECK(bob.reviews == 1);
  CHECK(bob.comments == 1);
  CHECK(bob.first_activity == kMon - 86400);
  CHECK(r.developers()[rows[1].developer == r.IndexOf(f.bob) ? rows[2].developer : rows[1].developer].is_bot);
}

}  // namespace
}  // namespace loupe::store
