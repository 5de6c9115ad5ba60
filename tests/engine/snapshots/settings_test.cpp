#include <catch2/catch.hpp>

#include "engine/snapshots/session_fixture.h"
#include "loupe/alerts/alert.h"

namespace loupe::api {
namespace {

using testing::At;
using testing::GitCommit;
using testing::ImportOrFail;
using testing::JsonArray;
using testing::kAna;
using testing::kBob;

std::unique_ptr<Session> AnaAndBob() {
  auto s = Session::InMemory();
  ImportOrFail(*s, GitCommit(1, kAna, "2024-01-08T23:30:00Z") + GitCommit(2, kBob, "2024-01-09T10:00:00Z"));
  return s;
}

TEST_CASE("Settings: edits are validated and errors name what is wrong", "[settings]") {
  auto s = AnaAndBob();
  model::InsightSettings settings;
  settings.working_hours = model::WorkingHours{"Mars/Olympus_Mons"};
  Status zone = s->SetInsightSettings(settings);
  CHECK(zone.code() == StatusCode::kNotFound);
  CHECK_THAT(zone.message(), Catch::Contains("Mars/Olympus_Mons"));

  settings.working_hours = model::WorkingHours{"Europe/Berlin", 9, 24};
  CHECK(s->SetInsightSettings(settings).code() == StatusCode::kInvalidInput);
  settings.working_hours = model::WorkingHours{"Europe/Berlin", 9, 18, 22, -1};
  CHECK(s->SetInsightSettings(settings).code() == StatusCode::kInvalidInput);
  settings.working_hours.reset();
  settings.bottleneck_multiplier = 0.5;  // the seed's bounds are 1..10
  CHECK(s->SetInsightSettings(settings).code() == StatusCode::kInvalidInput);
  settings.bottleneck_multiplier = 2;
  settings.snapshot_frequency = PeriodType::kCustom;
  CHECK(s->SetInsightSettings(settings).code() == StatusCode::kInvalidInput);
  settings.snapshot_frequency = PeriodType::kBiweekly;
  settings.health_weights = model::HealthWeights{0, 0, 0, 0, 0};
  CHECK(s->SetInsightSettings(settings).code() == StatusCode::kInvalidInput);
  settings.health_weights = model::HealthWeights{0.5, 0.1, 0.1, 0.2, 0.1};
  settings.team = "Platform";
  Status team = s->SetInsightSettings(settings);
  CHECK(team.code() == StatusCode::kNotFound);
  CHECK_THAT(team.message(), Catch::Contains("Platform"));
  settings.team = "";
  REQUIRE(s->SetInsightSettings(settings).ok());
  CHECK(s->InsightSettingsOf("")->snapshot_frequency == PeriodType::kBiweekly);

  model::WorkingSchedule schedule;
  schedule.working_days = 0;
  CHECK(s->SetSchedule(kAna.Email(), schedule).code() == StatusCode::kInvalidInput);
  schedule.working_days = model::kMondayToFriday;
  schedule.role = "boss";
  CHECK(s->SetSchedule(kAna.Email(), schedule).code() == StatusCode::kInvalidInput);
  schedule.role = "staff";
  Status nobody = s->SetSchedule("zed@nowhere.org", schedule);
  CHECK(nobody.code() == StatusCode::kNotFound);
  CHECK_THAT(nobody.message(), Catch::Contains("zed@nowhere.org"));
  CHECK(s->SetSchedule(kAna.Email(), schedule).ok());

  REQUIRE(s->CreateTeam("Platform").ok());
  CHECK(s->CreateTeam("PLATFORM").code() == StatusCode::kAlreadyExists);
  CHECK(s->CreateTeam("  ").code() == StatusCode::kInvalidInput);
  Status unknown_member = s->AddTeamMembers("Platform", {"Bob Stone", "Nobody Known"}, model::TeamRole::kMember);
  CHECK(unknown_member.code() == StatusCode::kNotFound);
  CHECK_THAT(unknown_member.message(), Catch::Contains("Nobody Known"));
  CHECK(s->settings().teams[0].members.empty());  // all or none: Bob was not added either
  CHECK(s->AddTeamMembers("Nope", {"Bob Stone"}, model::TeamRole::kMember).code() == StatusCode::kNotFound);
  CHECK(s->RemoveTeamMember("Platform", "Bob Stone").code() == StatusCode::kNotFound);
}

TEST_CASE("Settings: a developer's schedule reaches the metrics through the cached schedule book", "[settings]") {
  // Ana's one commit is Mon 2024-01-08 23:30Z, written with a +00:00 clock. With no schedule
  // her local time is her commit's own clock: 23:30, late night (22-06), a working Monday:
  // late-night ratio 1, weekend ratio 0. In Asia/Tokyo (+9) it is Tue 08:30: neither. With Tuesday
  // not a working day it is "weekend" work: weekend ratio 1.
  auto s = AnaAndBob();
  const Window week{At("2024-01-08T00:00:00Z"), At("2024-01-15T00:00:00Z")};
  const uint32_t ana = *s->resolution().Lookup(s->workspace(), kAna.Email());
  auto sustainability = [&] {
    return metrics::ComputeSustainability(s->MetricContextFor(metrics::MetricProfile::kLoupe), ana, week);
  };
  CHECK(sustainability().late_night_commit_ratio == 1.0);
  CHECK(sustainability().weekend_commit_ratio == 0.0);
  CHECK(s->schedules(metrics::MetricProfile::kLoupe).Of(ana).source == metrics::ScheduleSource::kDefault);

  model::WorkingSchedule schedule;
  schedule.hours.timezone = "Asia/Tokyo";
  REQUIRE(s->SetSchedule(kAna.Email(), schedule).ok());
  CHECK(s->schedules(metrics::MetricProfile::kLoupe).Of(ana).source == metrics::ScheduleSource::kDeveloper);
  CHECK(sustainability().late_night_commit_ratio == 0.0);
  CHECK(sustainability().weekend_commit_ratio == 0.0);

  schedule.working_days = 0b0011101;  // Mon, Wed, Thu, Fri
  REQUIRE(s->SetSchedule(kAna.Email(), schedule).ok());
  CHECK(sustainability().weekend_commit_ratio == 1.0);
  // The schedule is stored under the identity ref of Ana's id, once.
  REQUIRE(s->settings().schedules.size() == 1);
  CHECK(s->settings().schedules[0].identity == "email:" + kAna.Email());
  REQUIRE(s->RemoveSchedule(kAna.Email()).ok());
  CHECK(s->RemoveSchedule(kAna.Email()).code() == StatusCode::kNotFound);
  CHECK(sustainability().late_night_commit_ratio == 1.0);
}

TEST_CASE("Settings: team members are stored as identity refs and follow identity merges", "[settings]") {
  // Ana is added to Core by her e-mail; her login identity arrives later with a PR and joins her
  // through the GitHub noreply address: the team still holds one member, Ana, whoever her id is.
  auto s = AnaAndBob();
  REQUIRE(s->CreateTeam("Core").ok());
  REQUIRE(s->AddTeamMembers("Core", {kAna.Email()}, model::TeamRole::kLead).ok());
  REQUIRE(s->AddTeamMembers("core", {kAna.Email()}, model::TeamRole::kMember).ok());  // a role change
  REQUIRE(s->settings().teams[0].members.size() == 1);
  CHECK(s->settings().teams[0].members[0].role == model::TeamRole::kMember);
  ImportOrFail(*s, JsonArray({testing::PullJson(1, kAna, "2024-01-08T09:00:00Z")}), "pulls.json");
  const uint32_t ana = *s->resolution().Lookup(s->workspace(), "login:ana");
  const metrics::TeamIndex& teams = s->teams();
  REQUIRE(teams.size() == 1);
  CHECK(teams.members(0) == std::vector<uint32_t>{ana});

  // A team with an alert rule on it cannot be deleted; without one it goes with its settings.
  alerts::Rule rule;
  rule.name = "Core velocity";
  rule.metric = "commits_count";
  rule.scope = alerts::Scope::kTeam;
  rule.scope_ref = "core";
  REQUIRE(s->AddAlertRule(rule, 1000).ok());
  Status refused = s->DeleteTeam("Core");
  CHECK(refused.code() == StatusCode::kFailedPrecondition);
  CHECK_THAT(refused.message(), Catch::Contains("Core velocity"));
  REQUIRE(s->DeleteAlertRule(1).ok());
  model::InsightSettings team_settings = *s->InsightSettingsOf("Core");
  team_settings.holidays = {CivilDate{2024, 12, 25}};
  REQUIRE(s->SetInsightSettings(team_settings).ok());
  REQUIRE(s->DeleteTeam("CORE").ok());
  CHECK(s->settings().teams.empty());
  CHECK(s->settings().insight_settings.empty());
  CHECK(s->teams().size() == 0);
}

}  // namespace
}  // namespace loupe::api
