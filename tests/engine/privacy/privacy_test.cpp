#include <catch2/catch.hpp>

#include "engine/snapshots/session_fixture.h"
#include "loupe/core/strings.h"
#include "loupe/snapshots/snapshot.h"

namespace loupe::privacy {
namespace {

using snapshots::DeveloperSnapshot;

using testing::At;
using testing::GitCommit;
using testing::IdOf;
using testing::ImportOrFail;
using testing::JsonArray;
using testing::kAna;
using testing::kBob;
using testing::kCy;

std::string CommentJson(int64_t id, int pr, const testing::Person& author, int64_t review) {
  return "{\"id\":" + std::to_string(id) + ",\"pull_request_review_id\":" + std::to_string(review) +
         ",\"user\":{\"login\":\"" + author.login + "\",\"id\":" + std::to_string(author.github_id) +
         "},\"body\":\"nit\",\"path\":\"src/a.rs\",\"line\":3,\"created_at\":\"2024-01-09T12:00:00Z\","
         "\"updated_at\":\"2024-01-09T12:00:00Z\",\"pull_request_url\":"
         "\"https://api.github.com/repos/acme/rocket/pulls/" +
         std::to_string(pr) + "\"}";
}

//! Week of 2024-01-08. Ana: commits 1 and 2, PR #1 (reviewed by Bob, review 501, with Bob's inline
//! comment 601), review 502 on Bob's PR #2 (which asked for her review) with her comment 602, a
//! schedule, team Core. Bob: commit 3 co-authored by Ana, PR #2, team Core. Cy: commit 4.
//! Identity ids in import order: Ana's e-mail 0, Bob's e-mail 1, Cy's e-mail 2, then the logins
//! ana 3 and bob 4. Weekly snapshots, and one Velocity Drop alert (< 5 commits) per developer.
std::unique_ptr<api::Session> Workspace() {
  auto s = api::Session::InMemory();
  ImportOrFail(*s, GitCommit(1, kAna, "2024-01-08T10:00:00Z") + GitCommit(2, kAna, "2024-01-09T10:00:00Z") +
                       GitCommit(3, kBob, "2024-01-09T11:00:00Z", kAna.name + " <" + kAna.Email() + ">") +
                       GitCommit(4, kCy, "2024-01-10T10:00:00Z"));
  ImportOrFail(*s,
               JsonArray({testing::PullJson(1, kAna, "2024-01-08T09:00:00Z", "2024-01-09T09:00:00Z"),
                          testing::PullJson(2, kBob, "2024-01-08T09:30:00Z", "", {kAna})}),
               "pulls.json");
  ImportOrFail(*s,
               JsonArray({testing::ReviewJson(501, 1, kBob, "2024-01-08T12:00:00Z"),
                          testing::ReviewJson(502, 2, kAna, "2024-01-09T12:00:00Z", "CHANGES_REQUESTED")}),
               "reviews.json");
  ImportOrFail(*s, JsonArray({CommentJson(601, 1, kBob, 501), CommentJson(602, 2, kAna, 502)}), "comments.json");
  model::WorkingSchedule schedule;
  schedule.hours.timezone = "Europe/Lisbon";
  REQUIRE(s->SetSchedule("ana", schedule).ok());
  REQUIRE(s->CreateTeam("Core").ok());
  REQUIRE(s->AddTeamMembers("Core", {"ana", "bob"}, model::TeamRole::kMember).ok());
  api::SnapshotRequest week;
  week.range = {At("2024-01-08T00:00:00Z"), At("2024-01-15T00:00:00Z")};
  REQUIRE(s->GenerateSnapshots(week, 1000).ok());
  alerts::Rule drop;
  drop.name = "Velocity Drop";
  drop.metric = "commits_count";
  drop.op = alerts::Operator::kLt;
  drop.threshold = 5;
  REQUIRE(s->AddAlertRule(drop, 1000).ok());
  REQUIRE(s->EvaluateAlerts(week.range, metrics::MetricProfile::kLoupe, 1000).ok());
  REQUIRE(s->alerts().alerts().size() == 3);
  return s;
}

std::string Sha(int seed) {
  char sha[41];
  std::snprintf(sha, sizeof sha, "%040x", seed);
  return sha;
}

TEST_CASE("Privacy: the export holds what is stored about the developer and nothing of others", "[privacy]") {
  auto s = Workspace();
  auto json = s->ExportDeveloper("Ana Lima", At("2024-02-01T00:00:00Z"));
  REQUIRE(json.ok());
  const std::string& out = *json;
  CHECK_THAT(out, Catch::Contains("\"developer_id\": 0"));
  CHECK_THAT(out, Catch::Contains("\"exported_at\": \"2024-02-01T00:00:00Z\""));
  // Her identities, commits, PR, review and comment.
  CHECK_THAT(out, Catch::Contains("\"ref\": \"email:" + kAna.Email() + "\""));
  CHECK_THAT(out, Catch::Contains("\"ref\": \"login:ana\""));
  CHECK_THAT(out, Catch::Contains(Sha(1)));
  CHECK_THAT(out, Catch::Contains(Sha(2)));
  CHECK_THAT(out, Catch::Contains("\"github_id\": 502"));
  CHECK_THAT(out, Catch::Contains("\"github_id\": 602"));
  CHECK_THAT(out, !Catch::Contains("\"github_id\": 501"));  // Bob's review of her PR is Bob's
  CHECK_THAT(out, !Catch::Contains(Sha(4)));                 // Cy's commit
  // Others' rows that name her: the co-authored commit and the review request.
  CHECK_THAT(out, Catch::Contains("\"co_authored_commits\": [\n    {\n      \"sha\": \"" + Sha(3)));
  CHECK_THAT(out, Catch::Contains("\"review_requests\": [\n    {\n      \"repository\": \"acme/rocket\",\n      \"number\": 2"));
  // Settings, the snapshot and the alert.
  CHECK_THAT(out, Catch::Contains("\"timezone\": \"Europe/Lisbon\""));
  CHECK_THAT(out, Catch::Contains("\"team\": \"Core\""));
  CHECK_THAT(out, Catch::Contains("\"period_start\": \"2024-01-08T00:00:00Z\""));
  CHECK_THAT(out, Catch::Contains("Alert: Velocity Drop \u2014 velocity.commits_count is 2.00 (lt 5.0)"));
  CHECK_THAT(out, !Catch::Contains("is 1.00"));  // Bob's and Cy's alerts
  CHECK(s->ExportDeveloper("nobody@nowhere.org", 0).status().code() == StatusCode::kNotFound);
}

TEST_CASE("Privacy: erasing a developer removes them and everything attributed to them", "[privacy]") {
  auto s = Workspace();
  const std::string bundle_before = s->ExportBundle();
  REQUIRE_THAT(bundle_before, Catch::Contains(kAna.Email()));
  auto counts = s->EraseDeveloper("login:ana");
  REQUIRE(counts.ok());
  CHECK(counts->identities == 2);
  CHECK(counts->commits == 2);
  CHECK(counts->pull_requests == 1);
  CHECK(counts->reviews == 2);   // hers on PR #2, Bob's on her PR #1
  CHECK(counts->comments == 2);  // hers on PR #2, Bob's on her PR #1
  CHECK(counts->rewritten_commits == 1);
  CHECK(counts->rewritten_pull_requests == 1);
  CHECK(counts->schedules == 1);
  CHECK(counts->team_memberships == 1);
  CHECK(counts->snapshots == 1);
  CHECK(counts->alerts == 1);

  // Nobody is called Ana any more; her identities are gone and everything above them moved
  // down by 2 (Bob's e-mail 1 -> 0, Cy's 2 -> 1, login bob 4 -> 2).
  const auto& ws = s->workspace();
  CHECK(s->resolution().developers().size() == 2);
  CHECK(s->resolution().Lookup(ws, kAna.Email()).status().code() == StatusCode::kNotFound);
  CHECK(s->ExportDeveloper("login:ana", 0).status().code() == StatusCode::kNotFound);
  CHECK(IdOf(*s, kBob.Email()) == 0);
  CHECK(IdOf(*s, kCy.Email()) == 1);
  CHECK(ws.FindIdentity(model::IdentityKind::kLogin, "bob") == 2);
  const std::string bundle = s->ExportBundle();
  CHECK_THAT(ToLowerAscii(bundle), !Catch::Contains("ana"));
  CHECK_THAT(bundle, !Catch::Contains("Co-authored-by"));

  // Other people's rows stay, without her: Bob's co-authored commit, Bob's PR that asked for her
  // review (minus her review); her PR went with Bob's review and comment on it.
  REQUIRE(ws.commits().size() == 2);
  CHECK(ws.commits()[0].co_authors.empty());
  CHECK(ws.commits()[0].message == "change 3");
  REQUIRE(ws.pull_requests().size() == 1);
  CHECK(ws.pull_requests()[0].number == 2);
  CHECK(ws.pull_requests()[0].requested_reviewers.empty());
  CHECK(ws.reviews().empty());
  CHECK(ws.comments().empty());
  REQUIRE(s->settings().teams.size() == 1);
  CHECK(s->settings().teams[0].members.size() == 1);
  CHECK(s->settings().schedules.empty());

  // Snapshots and alerts of the others follow their new ids.
  REQUIRE(s->snapshots().developers().size() == 2);
  const auto bob_week = s->SnapshotHistory(kBob.Email(), PeriodType::kWeekly, 5);
  REQUIRE(bob_week.ok());
  REQUIRE(bob_week->size() == 1);
  CHECK((*bob_week)[0]->insights.velocity.commits_count == 1);
  REQUIRE(s->alerts().alerts().size() == 2);
  CHECK(s->alerts().alerts()[0].developer == 0);
  CHECK(s->alerts().alerts()[1].developer == 1);
  // The workspace row still holds her commits, so every snapshot is stale until regenerated.
  for (const auto& st : s->SnapshotStatus()) CHECK(st.stale_periods == st.periods);
}

TEST_CASE("Privacy: snapshots kept under an id from before an identity merge go with the developer",
          "[privacy]") {
  // Ana committed as two unlinked identities (ids 0 and 1) and Bob as id 2; each got a weekly
  // snapshot. The merge makes Ana one developer (id 0); her row under id 1 is stale but still
  // hers. Export lists both rows; erasing her removes both, and Bob's row moves from id 2 to 0.
  const testing::Person ana_home{"Ana Home", "ana-home", 201};
  auto s = api::Session::InMemory();
  ImportOrFail(*s, GitCommit(1, kAna, "2024-01-08T10:00:00Z") + GitCommit(2, ana_home, "2024-01-09T10:00:00Z") +
                       GitCommit(3, kBob, "2024-01-09T11:00:00Z"));
  api::SnapshotRequest week;
  week.range = {At("2024-01-08T00:00:00Z"), At("2024-01-15T00:00:00Z")};
  REQUIRE(s->GenerateSnapshots(week, 1000).ok());
  REQUIRE(s->MergeIdentities(kAna.Email(), ana_home.Email()).ok());
  auto json = s->ExportDeveloper(kAna.Email(), 0);
  REQUIRE(json.ok());
  CHECK(testing::Count(*json, "\"period_type\": \"weekly\"") == 2);
  auto counts = s->EraseDeveloper(kAna.Email());
  REQUIRE(counts.ok());
  CHECK(counts->snapshots == 2);
  REQUIRE(s->snapshots().developers().size() == 1);
  const DeveloperSnapshot& bob = s->snapshots().developers().begin()->second;
  CHECK(bob.developer == 0);
  CHECK(IdOf(*s, kBob.Email()) == 0);
  CHECK(bob.insights.velocity.commits_count == 1);
}

}  // namespace
}  // namespace loupe::privacy
