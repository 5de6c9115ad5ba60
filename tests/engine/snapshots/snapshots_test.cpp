#include <catch2/catch.hpp>

#include "engine/snapshots/session_fixture.h"
#include "loupe/snapshots/generate.h"

namespace loupe::snapshots {
namespace {

using testing::At;
using testing::GitCommit;
using testing::IdOf;
using testing::ImportOrFail;
using testing::JsonArray;
using testing::kAna;
using testing::kBob;
using testing::kCy;

api::SnapshotRequest Weekly(const std::string& from, const std::string& to) {
  api::SnapshotRequest r;
  r.range = {At(from), At(to)};
  return r;
}

const DeveloperSnapshot& Row(api::Session& s, const testing::Person& who, PeriodType type, const std::string& start) {
  const DeveloperSnapshot* row = s.snapshots().Find({IdOf(s, who.Email()), type, At(start)});
  REQUIRE(row != nullptr);
  return *row;
}

const TeamSnapshot& TeamRow(api::Session& s, const std::string& team, PeriodType type, const std::string& start) {
  auto it = s.snapshots().teams().find(MakeTeamKey(team, type, At(start)));
  REQUIRE(it != s.snapshots().teams().end());
  return it->second;
}

TEST_CASE("Snapshots: weekly windows are half-open so a commit on the boundary counts once", "[snapshots]") {
  // Ana commits Mon 2024-01-08 10:00Z, Sun 2024-01-14 23:00Z and Mon 2024-01-15 00:00Z (exactly
  // where week 2 starts). loupe: week 1 = [01-08, 01-15) holds 2, week 2 holds 1: 3 in all.
  // aexy-compat reproduces the seed's closed windows (§9.3.13): week 1 = [01-08, 01-15] holds 3,
  // week 2 still 1, so the boundary commit is counted twice (4).
  auto s = api::Session::InMemory();
  ImportOrFail(*s, GitCommit(1, kAna, "2024-01-08T10:00:00Z") + GitCommit(2, kAna, "2024-01-14T23:00:00Z") +
                       GitCommit(3, kAna, "2024-01-15T00:00:00Z"));
  auto request = Weekly("2024-01-08T00:00:00Z", "2024-01-22T00:00:00Z");
  auto report = s->GenerateSnapshots(request, 1000);
  REQUIRE(report.ok());
  CHECK(report->periods == 2);
  CHECK(report->developer_snapshots == 2);
  CHECK(Row(*s, kAna, PeriodType::kWeekly, "2024-01-08T00:00:00Z").insights.velocity.commits_count == 2);
  CHECK(Row(*s, kAna, PeriodType::kWeekly, "2024-01-15T00:00:00Z").insights.velocity.commits_count == 1);

  request.profile = metrics::MetricProfile::kAexyCompat;
  REQUIRE(s->GenerateSnapshots(request, 2000).ok());
  const DeveloperSnapshot& week1 = Row(*s, kAna, PeriodType::kWeekly, "2024-01-08T00:00:00Z");
  CHECK(week1.profile == metrics::MetricProfile::kAexyCompat);
  CHECK(week1.insights.velocity.commits_count == 3);
  CHECK(Row(*s, kAna, PeriodType::kWeekly, "2024-01-15T00:00:00Z").insights.velocity.commits_count == 1);
}

TEST_CASE("Snapshots: biweekly periods are a series of their own and never mixed into weekly", "[snapshots]") {
  // The same three commits. Biweekly blocks start on Mondays an even number of weeks after
  // 1970-01-05, so 2024-01-08 starts one: [01-08, 01-22) holds all 3 commits. The seed stored
  // biweekly rows under "weekly" (§9.3.14); here the weekly series keeps its 2 seven-day rows.
  auto s = api::Session::InMemory();
  ImportOrFail(*s, GitCommit(1, kAna, "2024-01-08T10:00:00Z") + GitCommit(2, kAna, "2024-01-14T23:00:00Z") +
                       GitCommit(3, kAna, "2024-01-15T00:00:00Z"));
  auto request = Weekly("2024-01-08T00:00:00Z", "2024-01-22T00:00:00Z");
  REQUIRE(s->GenerateSnapshots(request, 1000).ok());
  request.period_type = PeriodType::kBiweekly;
  auto report = s->GenerateSnapshots(request, 1000);
  REQUIRE(report.ok());
  CHECK(report->periods == 1);

  auto weekly = s->SnapshotHistory(kAna.Email(), PeriodType::kWeekly, 10);
  auto biweekly = s->SnapshotHistory(kAna.Email(), PeriodType::kBiweekly, 10);
  REQUIRE(weekly.ok());
  REQUIRE(biweekly.ok());
  REQUIRE(weekly->size() == 2);
  CHECK((*weekly)[0]->period.start == At("2024-01-15T00:00:00Z"));  // newest first
  for (const auto* w : *weekly) CHECK(w->period.seconds() == 7 * kSecondsPerDay);
  REQUIRE(biweekly->size() == 1);
  CHECK((*biweekly)[0]->period == Window{At("2024-01-08T00:00:00Z"), At("2024-01-22T00:00:00Z")});
  CHECK((*biweekly)[0]->insights.velocity.commits_count == 3);
  // Status: one row per series (developer × period type) plus the two workspace series.
  const auto status = s->SnapshotStatus();
  REQUIRE(status.size() == 4);
  CHECK(status[0].period_type == PeriodType::kWeekly);
  CHECK(status[0].periods == 2);
  CHECK(status[0].latest.start == At("2024-01-15T00:00:00Z"));
  CHECK(status[1].period_type == PeriodType::kBiweekly);
  CHECK(status[1].periods == 1);
}

TEST_CASE("Snapshots: generating a range again replaces its rows", "[snapshots]") {
  // Two weeks with one commit each, generated at t=1000 and again at t=2000: still 2 rows, both
  // stamped 2000.
  auto s = api::Session::InMemory();
  ImportOrFail(*s, GitCommit(1, kAna, "2024-01-08T10:00:00Z") + GitCommit(2, kAna, "2024-01-16T10:00:00Z"));
  const auto request = Weekly("2024-01-08T00:00:00Z", "2024-01-22T00:00:00Z");
  REQUIRE(s->GenerateSnapshots(request, 1000).ok());
  REQUIRE(s->GenerateSnapshots(request, 2000).ok());
  auto history = s->SnapshotHistory(kAna.Email(), PeriodType::kWeekly, 10);
  REQUIRE(history.ok());
  REQUIRE(history->size() == 2);
  for (const auto* row : *history) CHECK(row->computed_at == 2000);
  CHECK(s->snapshots().developers().size() == 2);
}

TEST_CASE("Snapshots: an import that touches a closed period recomputes only that period", "[snapshots]") {
  // Ana and Bob commit once in each of two weeks; weekly snapshots at t=1000 give 4 developer rows
  // and 2 workspace rows. A new commit of Ana on Wed of week 1 touches week 1 only: Ana's and
  // Bob's week-1 rows and the week-1 workspace row are recomputed (3); week 2 keeps t=1000.
  auto s = api::Session::InMemory();
  ImportOrFail(*s, GitCommit(1, kAna, "2024-01-08T10:00:00Z") + GitCommit(2, kAna, "2024-01-16T10:00:00Z") +
                       GitCommit(3, kBob, "2024-01-09T10:00:00Z") + GitCommit(4, kBob, "2024-01-17T10:00:00Z"));
  REQUIRE(s->GenerateSnapshots(Weekly("2024-01-08T00:00:00Z", "2024-01-22T00:00:00Z"), 1000).ok());
  CHECK(s->snapshots().developers().size() == 4);
  CHECK(s->snapshots().teams().size() == 2);
  const int64_t data_before = s->versions().data;

  const api::ImportReport report = ImportOrFail(*s, GitCommit(5, kAna, "2024-01-10T10:00:00Z"));
  CHECK(report.recomputed_snapshots == 3);
  CHECK(s->versions().data == data_before + 1);
  const DeveloperSnapshot& ana1 = Row(*s, kAna, PeriodType::kWeekly, "2024-01-08T00:00:00Z");
  CHECK(ana1.insights.velocity.commits_count == 2);
  CHECK(ana1.computed_at != 1000);
  CHECK(ana1.versions.data == data_before + 1);
  const DeveloperSnapshot& ana2 = Row(*s, kAna, PeriodType::kWeekly, "2024-01-15T00:00:00Z");
  CHECK(ana2.computed_at == 1000);
  CHECK(ana2.insights.velocity.commits_count == 1);
  // Workspace totals: week 1 = Ana 2 + Bob 1, week 2 = 1 + 1.
  CHECK(TeamRow(*s, "", PeriodType::kWeekly, "2024-01-08T00:00:00Z").aggregate.total_commits == 3);
  CHECK(TeamRow(*s, "", PeriodType::kWeekly, "2024-01-15T00:00:00Z").aggregate.total_commits == 2);
  // Importing it again changes nothing and recomputes nothing.
  CHECK(ImportOrFail(*s, GitCommit(5, kAna, "2024-01-10T10:00:00Z")).recomputed_snapshots == 0);
}

TEST_CASE("Snapshots: a review recomputes the period of the PR author it is about", "[snapshots]") {
  // Ana's PR #1 is created Mon 2024-01-08 09:00Z and merged Tue 09:00Z with no review: her week-1
  // self_merge_rate is 1/1 and she received no review. Bob's approval, submitted Mon 12:00Z (before
  // the merge), arrives in a later import: Ana's week 1 becomes 0 self-merged and 1 review
  // received, and Bob's week 1 shows 1 review given.
  auto s = api::Session::InMemory();
  ImportOrFail(*s, GitCommit(1, kAna, "2024-01-08T10:00:00Z") + GitCommit(2, kBob, "2024-01-08T11:00:00Z"));
  ImportOrFail(*s, JsonArray({testing::PullJson(1, kAna, "2024-01-08T09:00:00Z", "2024-01-09T09:00:00Z")}), "pulls.json");
  REQUIRE(s->GenerateSnapshots(Weekly("2024-01-08T00:00:00Z", "2024-01-15T00:00:00Z"), 1000).ok());
  CHECK(Row(*s, kAna, PeriodType::kWeekly, "2024-01-08T00:00:00Z").insights.quality.self_merge_rate == 1.0);

  const auto report =
      ImportOrFail(*s, JsonArray({testing::ReviewJson(77, 1, kBob, "2024-01-08T12:00:00Z")}), "reviews.json");
  CHECK(report.recomputed_snapshots == 3);  // Ana, Bob and the workspace row of week 1
  const DeveloperSnapshot& ana = Row(*s, kAna, PeriodType::kWeekly, "2024-01-08T00:00:00Z");
  CHECK(ana.insights.quality.self_merge_rate == 0.0);
  CHECK(ana.insights.collaboration.review_received_count == 1);
  CHECK(Row(*s, kBob, PeriodType::kWeekly, "2024-01-08T00:00:00Z").insights.collaboration.review_given_count == 1);
}

TEST_CASE("Snapshots: identity merges and schedule changes mark snapshots stale until generated again",
          "[snapshots]") {
  // Ana committed under two unlinked identities (one commit each, week of 2024-01-08): two
  // developers, two rows. Merging them makes both rows stale; a full generation then stores one
  // row of 2 commits under the merged id and removes the row of the id that is gone.
  const testing::Person ana_home{"Ana Home", "ana-home", 201};
  auto s = api::Session::InMemory();
  ImportOrFail(*s, GitCommit(1, kAna, "2024-01-08T10:00:00Z") + GitCommit(2, ana_home, "2024-01-09T10:00:00Z"));
  const auto week = Weekly("2024-01-08T00:00:00Z", "2024-01-15T00:00:00Z");
  REQUIRE(s->GenerateSnapshots(week, 1000).ok());
  REQUIRE(s->snapshots().developers().size() == 2);
  for (const auto& st : s->SnapshotStatus()) CHECK(st.stale_periods == 0);

  REQUIRE(s->MergeIdentities(kAna.Email(), ana_home.Email()).ok());
  int64_t stale = 0;
  for (const auto& st : s->SnapshotStatus()) stale += st.stale_periods;
  CHECK(stale == 3);  // two developer rows and the workspace row

  auto report = s->GenerateSnapshots(week, 2000);
  REQUIRE(report.ok());
  CHECK(report->removed_snapshots == 1);
  REQUIRE(s->snapshots().developers().size() == 1);
  CHECK(Row(*s, kAna, PeriodType::kWeekly, "2024-01-08T00:00:00Z").insights.velocity.commits_count == 2);
  for (const auto& st : s->SnapshotStatus()) CHECK(st.stale_periods == 0);

  // A schedule is read by the metrics: stale again. The bottleneck multiplier is not: fresh.
  model::InsightSettings settings = *s->InsightSettingsOf("");
  settings.bottleneck_multiplier = 3;
  REQUIRE(s->SetInsightSettings(settings).ok());
  for (const auto& st : s->SnapshotStatus()) CHECK(st.stale_periods == 0);
  model::WorkingSchedule schedule;
  schedule.hours.timezone = "Asia/Tokyo";
  REQUIRE(s->SetSchedule(kAna.Email(), schedule).ok());
  CHECK(s->SnapshotStatus()[0].stale_periods == 1);
}

TEST_CASE("Snapshots: a team snapshot totals its members' snapshots of the period", "[snapshots]") {
  // Week of 2024-01-08: Ana 2 commits and 1 merged PR, Bob 1 commit, Cy 4 commits; each commit
  // changes 3 + 1 lines. Team Core = Ana + Bob: 2 members, 3 commits, 12 lines, 1 merged PR,
  // 1.5 commits and 0.5 PRs per member. The workspace row covers all three: 7 commits, 28 lines.
  auto s = api::Session::InMemory();
  ImportOrFail(*s, GitCommit(1, kAna, "2024-01-08T10:00:00Z") + GitCommit(2, kAna, "2024-01-09T10:00:00Z") +
                       GitCommit(3, kBob, "2024-01-09T11:00:00Z") + GitCommit(4, kCy, "2024-01-10T10:00:00Z") +
                       GitCommit(5, kCy, "2024-01-10T11:00:00Z") + GitCommit(6, kCy, "2024-01-10T12:00:00Z") +
                       GitCommit(7, kCy, "2024-01-10T13:00:00Z"));
  ImportOrFail(*s, JsonArray({testing::PullJson(1, kAna, "2024-01-08T09:00:00Z", "2024-01-09T09:00:00Z")}), "pulls.json");
  REQUIRE(s->CreateTeam("Core").ok());
  REQUIRE(s->AddTeamMembers("core", {"ana", "Bob Stone"}, model::TeamRole::kMember).ok());

  auto request = Weekly("2024-01-08T00:00:00Z", "2024-01-15T00:00:00Z");
  request.team = "CORE";
  auto report = s->GenerateSnapshots(request, 1000);
  REQUIRE(report.ok());
  CHECK(report->developers == 2);
  CHECK(report->team_snapshots == 1);
  const TeamSnapshot& core = TeamRow(*s, "Core", PeriodType::kWeekly, "2024-01-08T00:00:00Z");
  CHECK(core.team == "Core");
  CHECK(core.member_count == 2);
  CHECK(core.aggregate.total_commits == 3);
  CHECK(core.aggregate.total_lines_changed == 12);
  CHECK(core.aggregate.total_prs_merged == 1);
  CHECK(core.aggregate.avg_commits_per_member == Approx(1.5));
  CHECK(core.aggregate.avg_prs_per_member == Approx(0.5));
  CHECK(core.distribution_json.empty());
  CHECK(s->snapshots().teams().size() == 1);  // no workspace row for a team generation

  REQUIRE(s->GenerateSnapshots(Weekly("2024-01-08T00:00:00Z", "2024-01-15T00:00:00Z"), 1000).ok());
  const TeamSnapshot& all = TeamRow(*s, "", PeriodType::kWeekly, "2024-01-08T00:00:00Z");
  CHECK(all.member_count == 3);
  CHECK(all.aggregate.total_commits == 7);
  CHECK(all.aggregate.total_lines_changed == 28);
}

TEST_CASE("Snapshots: a custom range is one period and a request that covers nobody fails", "[snapshots]") {
  // A custom window Tue 2024-01-09 .. Thu 2024-01-11 holds Ana's 2 commits of that span only.
  auto s = api::Session::InMemory();
  ImportOrFail(*s, GitCommit(1, kAna, "2024-01-08T10:00:00Z") + GitCommit(2, kAna, "2024-01-09T10:00:00Z") +
                       GitCommit(3, kAna, "2024-01-10T10:00:00Z"));
  auto request = Weekly("2024-01-09T00:00:00Z", "2024-01-11T00:00:00Z");
  request.period_type = PeriodType::kCustom;
  auto report = s->GenerateSnapshots(request, 1000);
  REQUIRE(report.ok());
  CHECK(report->periods == 1);
  CHECK(Row(*s, kAna, PeriodType::kCustom, "2024-01-09T00:00:00Z").insights.velocity.commits_count == 2);

  CHECK(s->GenerateSnapshots(Weekly("2023-01-02T00:00:00Z", "2023-01-09T00:00:00Z"), 1000).status().code() ==
        StatusCode::kNotFound);
  auto team = Weekly("2024-01-08T00:00:00Z", "2024-01-15T00:00:00Z");
  team.team = "Nope";
  auto missing = s->GenerateSnapshots(team, 1000);
  CHECK(missing.status().code() == StatusCode::kNotFound);
  CHECK_THAT(missing.status().message(), Catch::Contains("Nope"));
  auto empty = Weekly("2024-01-08T00:00:00Z", "2024-01-08T00:00:00Z");
  CHECK(s->GenerateSnapshots(empty, 1000).status().code() == StatusCode::kInvalidInput);
}

TEST_CASE("Snapshots: a commit whose time changes touches its old and its new period", "[snapshots]") {
  // A push event only knew when the push arrived (Mon 2024-01-15 10:00Z); the commit's own author
  // time is Wed 2024-01-10 10:00Z. Both weeks must be recomputed, the week after neither.
  model::Workspace before;
  model::Commit c;
  c.sha.bytes[0] = 1;
  c.repo = before.InternRepo("acme/rocket");
  c.author = before.InternEmail("ana@acme.dev", "Ana");
  c.authored = {At("2024-01-15T10:00:00Z"), 0};
  c.committed = c.authored;
  c.approximate_time = true;
  before.UpsertCommit(c);
  model::ChangeSet changes;
  model::Commit exact = c;
  exact.authored = {At("2024-01-10T10:00:00Z"), 0};
  exact.committed = exact.authored;
  exact.approximate_time = false;
  changes.commits.push_back(exact);

  const std::vector<TouchedSpan> touched = TouchedSpans(before, changes);
  SnapshotBook book;
  SnapshotChanges rows;
  for (const char* start : {"2024-01-08T00:00:00Z", "2024-01-15T00:00:00Z", "2024-01-29T00:00:00Z"}) {
    DeveloperSnapshot row;
    row.developer = 0;
    row.period = {At(start), At(start) + 7 * kSecondsPerDay};
    rows.developers.push_back(row);
  }
  book.Apply(rows);
  const RecomputePlan plan = PlanRecompute(book, touched);
  REQUIRE(plan.developers.size() == 2);
  CHECK(plan.developers[0].period_start == At("2024-01-08T00:00:00Z"));
  CHECK(plan.developers[1].period_start == At("2024-01-15T00:00:00Z"));
}

TEST_CASE("Snapshots: an instant on a period's end touches aexy-compat rows only", "[snapshots]") {
  // A touched instant at exactly 2024-01-15 00:00Z: the half-open loupe week [01-08, 01-15) does
  // not contain it, the closed aexy-compat week [01-08, 01-15] does.
  SnapshotBook book;
  SnapshotChanges rows;
  for (auto profile : {metrics::MetricProfile::kLoupe, metrics::MetricProfile::kAexyCompat}) {
    DeveloperSnapshot row;
    row.developer = profile == metrics::MetricProfile::kLoupe ? 0 : 1;
    row.profile = profile;
    row.period = {At("2024-01-08T00:00:00Z"), At("2024-01-15T00:00:00Z")};
    rows.developers.push_back(row);
  }
  book.Apply(rows);
  const TouchedSpan at_end{At("2024-01-15T00:00:00Z"), At("2024-01-15T00:00:00Z")};
  const RecomputePlan plan = PlanRecompute(book, std::vector<TouchedSpan>{at_end});
  REQUIRE(plan.developers.size() == 1);
  CHECK(plan.developers[0].developer == 1);
}

}  // namespace
}  // namespace loupe::snapshots
