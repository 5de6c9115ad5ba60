#include <catch2/catch.hpp>

#include "engine/snapshots/session_fixture.h"
#include "loupe/alerts/alert.h"
#include "loupe/alerts/evaluate.h"

namespace loupe::alerts {
namespace {

using testing::At;
using testing::GitCommit;
using testing::IdOf;
using testing::ImportOrFail;
using testing::kAna;
using testing::kBob;
using testing::kCy;

Rule MakeRule(std::string name, snapshots::Category category, std::string metric, Operator op, double threshold) {
  Rule r;
  r.name = std::move(name);
  r.category = category;
  r.metric = std::move(metric);
  r.op = op;
  r.threshold = threshold;
  return r;
}

//! `count` commits of `who` an hour apart from `first` (an ISO instant on the hour).
std::string Commits(int seed, const testing::Person& who, const std::string& first, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) {
    out += GitCommit(seed + i, who, FormatIsoInstant(At(first) + i * 3600));
  }
  return out;
}

// The week of Mon 2024-01-08 (2024-01-08T00:00Z = 1704672000).
constexpr Window kWeek{1704672000, 1704672000 + 7 * kSecondsPerDay};

TEST_CASE("Alerts: rules name real metric keys and the templates are the seed's six, fixed", "[alerts]") {
  // The seed's "Stale PRs - Slow Merge" watched efficiency.avg_pr_cycle_time, a key that does not
  // exist, so it never fired (§9.2.13): such a rule is refused, naming the real keys.
  Status broken = ValidateRule(MakeRule("Stale", snapshots::Category::kEfficiency, "avg_pr_cycle_time", Operator::kGt, 72));
  CHECK(broken.code() == StatusCode::kInvalidInput);
  CHECK_THAT(broken.message(), Catch::Contains("avg_pr_cycle_time_hours"));
  CHECK(ValidateRule(MakeRule("", snapshots::Category::kVelocity, "commits_count", Operator::kGt, 1)).code() ==
        StatusCode::kInvalidInput);
  Rule team_without_team = MakeRule("T", snapshots::Category::kVelocity, "commits_count", Operator::kGt, 1);
  team_without_team.scope = Scope::kTeam;
  CHECK(ValidateRule(team_without_team).code() == StatusCode::kInvalidInput);

  const std::vector<Rule> templates = DefaultTemplates();
  REQUIRE(templates.size() == 6);
  for (const Rule& t : templates) {
    INFO(t.name);
    CHECK(ValidateRule(t).ok());
    CHECK(t.scope == Scope::kWorkspace);
  }
  CHECK(templates[3].name == "Stale PRs - Slow Merge");
  CHECK(templates[3].metric == "avg_pr_cycle_time_hours");
  CHECK(templates[5].metric == "review_participation_rate");
  CHECK(templates[5].threshold == 0.20);

  auto s = api::Session::InMemory();
  ImportOrFail(*s, GitCommit(1, kAna, "2024-01-08T10:00:00Z"));
  CHECK(*s->SeedAlertTemplates(1000) == 6);
  CHECK(*s->SeedAlertTemplates(2000) == 0);  // names already taken: nothing added twice
  CHECK(s->alerts().rules().size() == 6);
  CHECK(s->AddAlertRule(MakeRule("velocity drop", snapshots::Category::kVelocity, "commits_count", Operator::kLt, 1), 1000)
            .status()
            .code() == StatusCode::kAlreadyExists);
  Rule mine = MakeRule("Ana's commits", snapshots::Category::kVelocity, "commits_count", Operator::kLt, 1);
  mine.scope = Scope::kDeveloper;
  mine.scope_ref = "Ana Lima";
  auto id = s->AddAlertRule(mine, 1000);
  REQUIRE(id.ok());
  CHECK(s->alerts().FindRule(*id)->scope_ref == "email:" + kAna.Email());
}

TEST_CASE("Alerts: a standing breach updates its open alert and a cleared one resolves by itself", "[alerts]") {
  // Velocity Drop (commits < 5) over the week of 2024-01-08: Ana has 2 commits, Bob 6. One alert
  // for Ana. Evaluating again keeps that one alert (the seed inserted a new row each time,
  // §9.3.15). Three more commits bring Ana to 5: the alert resolves. The next week both have 0
  // commits while active in the week before: two new alerts.
  auto s = api::Session::InMemory();
  ImportOrFail(*s, Commits(1, kAna, "2024-01-08T10:00:00Z", 2) + Commits(100, kBob, "2024-01-09T10:00:00Z", 6));
  REQUIRE(s->AddAlertRule(MakeRule("Velocity Drop", snapshots::Category::kVelocity, "commits_count", Operator::kLt, 5), 1)
              .ok());
  auto first = s->EvaluateAlerts(kWeek, metrics::MetricProfile::kLoupe, 1000);
  REQUIRE(first.ok());
  REQUIRE(first->findings.size() == 1);
  CHECK(first->findings[0].outcome == Finding::Outcome::kTriggered);
  CHECK(first->findings[0].developer == IdOf(*s, kAna.Email()));
  CHECK(first->findings[0].message == "Alert: Velocity Drop \u2014 velocity.commits_count is 2.00 (lt 5.0)");

  auto again = s->EvaluateAlerts(kWeek, metrics::MetricProfile::kLoupe, 2000);
  REQUIRE(again.ok());
  REQUIRE(again->findings.size() == 1);
  CHECK(again->findings[0].outcome == Finding::Outcome::kStanding);
  REQUIRE(s->alerts().alerts().size() == 1);
  const Alert& alert = s->alerts().alerts()[0];
  CHECK(alert.triggered_at == 1000);
  CHECK(alert.last_seen_at == 2000);
  CHECK(alert.status == AlertStatus::kTriggered);

  REQUIRE(s->AcknowledgeAlert(alert.id, "lead", 2500).ok());
  CHECK(s->alerts().alerts()[0].status == AlertStatus::kAcknowledged);
  CHECK(s->alerts().alerts()[0].acknowledged_by == "lead");
  CHECK(s->alerts().alerts()[0].acknowledged_at == 2500);

  ImportOrFail(*s, Commits(10, kAna, "2024-01-10T10:00:00Z", 3));
  auto cleared = s->EvaluateAlerts(kWeek, metrics::MetricProfile::kLoupe, 3000);
  REQUIRE(cleared.ok());
  REQUIRE(cleared->findings.size() == 1);
  CHECK(cleared->findings[0].outcome == Finding::Outcome::kResolved);
  const Alert& resolved = s->alerts().alerts()[0];
  CHECK(resolved.status == AlertStatus::kResolved);
  CHECK(resolved.auto_resolved);
  CHECK(resolved.resolved_at == 3000);
  CHECK(s->AcknowledgeAlert(resolved.id, "lead", 3100).code() == StatusCode::kFailedPrecondition);

  const Window next{kWeek.end, kWeek.end + 7 * kSecondsPerDay};
  auto quiet = s->EvaluateAlerts(next, metrics::MetricProfile::kLoupe, 4000);
  REQUIRE(quiet.ok());
  CHECK(quiet->findings.size() == 2);
  REQUIRE(s->alerts().alerts().size() == 3);
  CHECK(s->alerts().alerts()[1].id == 2);
  REQUIRE(s->ResolveAlert(2, "ana", 4100).ok());
  CHECK(s->alerts().alerts()[1].resolved_by == "ana");
  CHECK_FALSE(s->alerts().alerts()[1].auto_resolved);
  CHECK(s->ResolveAlert(2, "ana", 4200).code() == StatusCode::kFailedPrecondition);
  CHECK(s->ResolveAlert(99, "ana", 4200).code() == StatusCode::kNotFound);
}

TEST_CASE("Alerts: change_pct compares with the previous window of the same length", "[alerts]") {
  // Commits in the week before (01-01..01-08) and the week evaluated (01-08..01-15):
  // Ana 4 -> 2 (-50%), Bob 0 -> 3 (no percent change from 0: never fires), Cy 2 -> 3 (+50%).
  // "drop 40" (-40) fires for Ana (-50 <= -40); "drop 60" (-60) for nobody; "rise 50" (+50) for Cy.
  auto s = api::Session::InMemory();
  ImportOrFail(*s, Commits(1, kAna, "2024-01-02T10:00:00Z", 4) + Commits(10, kAna, "2024-01-09T10:00:00Z", 2) +
                       Commits(20, kBob, "2024-01-09T10:00:00Z", 3) + Commits(30, kCy, "2024-01-03T10:00:00Z", 2) +
                       Commits(40, kCy, "2024-01-10T10:00:00Z", 3));
  for (auto [name, threshold] : {std::pair{"drop 40", -40.0}, {"drop 60", -60.0}, {"rise 50", 50.0}}) {
    REQUIRE(s->AddAlertRule(MakeRule(name, snapshots::Category::kVelocity, "commits_count", Operator::kChangePct, threshold), 1)
                .ok());
  }
  auto evaluation = s->EvaluateAlerts(kWeek, metrics::MetricProfile::kLoupe, 1000);
  REQUIRE(evaluation.ok());
  CHECK(evaluation->baseline == Window{At("2024-01-01T00:00:00Z"), kWeek.start});
  REQUIRE(evaluation->findings.size() == 2);
  const Finding& drop = evaluation->findings[0];
  CHECK(drop.rule_name == "drop 40");
  CHECK(drop.developer == IdOf(*s, kAna.Email()));
  CHECK(drop.metric_value == Approx(-50.0));
  CHECK(drop.message ==
        "Alert: drop 40 \u2014 velocity.commits_count changed by -50.00% (4.00 \u2192 2.00) (change_pct -40.0)");
  CHECK(*s->alerts().alerts()[0].baseline_value == 4.0);
  const Finding& rise = evaluation->findings[1];
  CHECK(rise.rule_name == "rise 50");
  CHECK(rise.developer == IdOf(*s, kCy.Email()));
  CHECK(rise.metric_value == Approx(50.0));
}

TEST_CASE("Alerts: eq has a 0.001 tolerance and scopes choose whom a rule measures", "[alerts]") {
  // Week of 2024-01-08: Ana 2 commits, Bob 3. "exactly 2" (eq 2.0005) fires for Ana only;
  // "nearly 2" (eq 2.002) for nobody. "team" (commits < 100) measures team Core = {Ana};
  // "bob only" (commits < 100) measures Bob. Inactive rules are not evaluated.
  auto s = api::Session::InMemory();
  ImportOrFail(*s, Commits(1, kAna, "2024-01-08T10:00:00Z", 2) + Commits(10, kBob, "2024-01-09T10:00:00Z", 3));
  REQUIRE(s->CreateTeam("Core").ok());
  REQUIRE(s->AddTeamMembers("Core", {kAna.Email()}, model::TeamRole::kMember).ok());
  const auto velocity = snapshots::Category::kVelocity;
  REQUIRE(s->AddAlertRule(MakeRule("exactly 2", velocity, "commits_count", Operator::kEq, 2.0005), 1).ok());
  REQUIRE(s->AddAlertRule(MakeRule("nearly 2", velocity, "commits_count", Operator::kEq, 2.002), 1).ok());
  Rule team = MakeRule("team", velocity, "commits_count", Operator::kLt, 100);
  team.scope = Scope::kTeam;
  team.scope_ref = "core";
  REQUIRE(s->AddAlertRule(team, 1).ok());
  Rule bob = MakeRule("bob only", velocity, "commits_count", Operator::kLt, 100);
  bob.scope = Scope::kDeveloper;
  bob.scope_ref = kBob.Email();
  REQUIRE(s->AddAlertRule(bob, 1).ok());
  Rule off = MakeRule("off", velocity, "commits_count", Operator::kLt, 100);
  off.active = false;
  const int64_t off_id = *s->AddAlertRule(off, 1);

  auto evaluation = s->EvaluateAlerts(kWeek, metrics::MetricProfile::kLoupe, 1000);
  REQUIRE(evaluation.ok());
  CHECK(evaluation->rules_evaluated == 4);
  std::vector<std::pair<std::string, model::DeveloperId>> fired;
  for (const Finding& f : evaluation->findings) fired.emplace_back(f.rule_name, f.developer);
  const model::DeveloperId ana = IdOf(*s, kAna.Email()), bob_id = IdOf(*s, kBob.Email());
  CHECK(fired == std::vector<std::pair<std::string, model::DeveloperId>>{
                     {"exactly 2", ana}, {"team", ana}, {"bob only", bob_id}});
  api::AlertRuleUpdate activate;
  activate.active = true;
  activate.threshold = 3;
  REQUIRE(s->UpdateAlertRule(off_id, activate, 2000).ok());
  CHECK(s->alerts().FindRule(off_id)->updated_at == 2000);
  api::AlertRuleUpdate rename;
  rename.name = "TEAM";
  CHECK(s->UpdateAlertRule(off_id, rename, 2000).code() == StatusCode::kAlreadyExists);
}

}  // namespace
}  // namespace loupe::alerts
