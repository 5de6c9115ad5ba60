#include "loupe/metrics/rollups/team_distribution.h"

#include <catch2/catch.hpp>

#include "loupe/metrics/rollups/population.h"
#include "engine/metrics/rollups/rollup_world.h"

namespace loupe::metrics {
namespace {

using namespace loupe::testing;

// Team "core" in the week of 2024-01-08 (Mon 10:00 + n hours):
//   ana: 4 commits (10 + 5 lines each) and 2 PRs merged      -> load 4 + 3·2     = 10
//   bob: 2 commits                                            -> load 2
//   cai: 1 commit and 1 review of ana's first PR             -> load 1 + 1       = 2
//   dee: 2 reviews (one on each of ana's PRs)                -> load 2
// Σ load 16, mean 4. Sorted loads [2, 2, 2, 10]: Σ (2i − 5)·x = −6 − 2 + 2 + 30 = 24, n·Σ = 64.
struct Core : RollupWorld {
  model::IdentityId ana = Person("ana"), bob = Person("bob"), cai = Person("cai"), dee = Person("dee");
  Core() {
    const Instant t = kMonday + 10 * kHour;
    for (int i = 0; i < 4; ++i) Commit(ana, t + i * kHour);
    Commit(bob, t + kDay), Commit(bob, t + kDay + kHour);
    Commit(cai, t + 2 * kDay);
    const int64_t pr1 = Pr(ana, t, t + kDay), pr2 = Pr(ana, t + kHour, t + kDay + kHour);
    Review(cai, pr1, t + 2 * kHour);
    Review(dee, pr1, t + 3 * kHour), Review(dee, pr2, t + 4 * kHour);
    Team("core", {"ana", "bob", "cai", "dee"});
  }
};

TEST_CASE("TeamDistribution: loads Gini top share and member rows", "[metrics][rollups][distribution]") {
  Core w;
  w.Build();
  for (auto profile : {kLoupe, kAexy}) {
    const MetricContext ctx = w.Ctx(profile);
    const auto members = TeamPopulation(ctx, ctx.teams.Find("core"));
    const TeamDistribution d = ComputeTeamDistribution(ctx, members, kWeek, {});
    REQUIRE(d.member_metrics.size() == 4);
    // Most commits first: ana 4, bob 2, cai 1, dee 0.
    CHECK(d.member_metrics[0].developer == w.Dev(w.ana));
    CHECK(d.member_metrics[0].commits_count == 4);
    CHECK(d.member_metrics[0].prs_merged == 2);
    CHECK(d.member_metrics[0].lines_changed == 60);  // 4 · (10 + 5)
    CHECK(d.member_metrics[0].load == 10);
    CHECK(d.member_metrics[2].developer == w.Dev(w.cai));
    CHECK(d.member_metrics[2].reviews_given == 1);
    CHECK(d.member_metrics[3].developer == w.Dev(w.dee));
    CHECK(d.member_metrics[3].load == 2);
    CHECK(d.mean_load == 4);
    CHECK(d.top_contributor_share == Approx(10.0 / 16.0));
    // 10 > 2 × 4: ana is the bottleneck.
    CHECK(d.bottleneck_developers == std::vector<uint32_t>{w.Dev(w.ana)});
  }
  // 24 / 64 = 0.375 uncorrected; loupe: 0.375 · 4/3 = 0.5.
  CHECK(ComputeTeamDistribution(w.Ctx(kAexy), TeamPopulation(w.Ctx(kAexy), 0), kWeek, {}).gini_coefficient ==
        Approx(0.375));
  CHECK(ComputeTeamDistribution(w.Ctx(kLoupe), TeamPopulation(w.Ctx(kLoupe), 0), kWeek, {}).gini_coefficient ==
        Approx(0.5));
}

TEST_CASE("TeamDistribution: the bottleneck multiplier setting applies under loupe only", "[metrics][rollups][distribution]") {
  // Mean load 4. With the workspace setting 3: loupe needs load > 12, ana has 10 -> no bottleneck;
  // aexy-compat ignores the setting (§9.3.8) and keeps 2 × 4 = 8 -> ana.
  Core w;
  model::InsightSettings workspace;
  workspace.bottleneck_multiplier = 3.0;
  w.settings.insight_settings.push_back(workspace);
  w.Build();
  const double multiplier = BottleneckMultiplier(w.settings, "core");
  CHECK(multiplier == 3.0);  // no team row: the workspace's
  for (auto profile : {kLoupe, kAexy}) {
    const MetricContext ctx = w.Ctx(profile);
    DistributionOptions options;
    options.bottleneck_multiplier = multiplier;
    const TeamDistribution d = ComputeTeamDistribution(ctx, TeamPopulation(ctx, 0), kWeek, options);
    if (profile == kLoupe) {
      CHECK(d.bottleneck_multiplier == 3.0);
      CHECK(d.bottleneck_developers.empty());
    } else {
      CHECK(d.bottleneck_multiplier == 2.0);
      CHECK(d.bottleneck_developers == std::vector<uint32_t>{w.Dev(w.ana)});
    }
  }
  // A team row wins over the workspace row.
  model::InsightSettings team;
  team.team = "Core";
  team.bottleneck_multiplier = 2.5;
  w.settings.insight_settings.push_back(team);
  CHECK(BottleneckMultiplier(w.settings, "core") == 2.5);
  CHECK(BottleneckMultiplier(w.settings, "") == 3.0);
  CHECK(BottleneckMultiplier(model::WorkspaceSettings{}, "core") == 2.0);
}

TEST_CASE("TeamDistribution: one of four doing everything", "[metrics][rollups][distribution]") {
  // Only ana works: 1 commit + 1 merged PR = load 4; the three others 0. Loads [0, 0, 0, 4]:
  // Σ (2i − 5)·x = 3·4 = 12, n·Σ = 16 -> 0.75 (aexy); loupe 1.0. Mean 1: 4 > 2 -> bottleneck.
  // Leaving the inactive members out leaves ana alone: Gini 0, mean 4, no bottleneck.
  RollupWorld w;
  const auto ana = w.Person("ana");
  for (const char* other : {"bob", "cai", "dee"}) w.Person(other);
  w.Commit(ana, kMonday + 10 * kHour);
  w.Pr(ana, kMonday + 9 * kHour, kMonday + 12 * kHour);
  w.Team("solo", {"ana", "bob", "cai", "dee"});
  w.Build();
  CHECK(ComputeTeamDistribution(w.Ctx(kAexy), TeamPopulation(w.Ctx(kAexy), 0), kWeek, {}).gini_coefficient == Approx(0.75));
  const TeamDistribution all = ComputeTeamDistribution(w.Ctx(kLoupe), TeamPopulation(w.Ctx(kLoupe), 0), kWeek, {});
  CHECK(all.gini_coefficient == Approx(1.0));
  CHECK(all.top_contributor_share == 1.0);
  CHECK(all.bottleneck_developers.size() == 1);
  DistributionOptions active_only;
  active_only.include_inactive = false;
  const TeamDistribution active = ComputeTeamDistribution(w.Ctx(kLoupe), TeamPopulation(w.Ctx(kLoupe), 0), kWeek, active_only);
  REQUIRE(active.member_metrics.size() == 1);
  CHECK(active.gini_coefficient == 0);
  CHECK(active.mean_load == 4);
  CHECK(active.bottleneck_developers.empty());
}

TEST_CASE("TeamDistribution: role weighting evens out expected differences", "[metrics][rollups][distribution]") {
  // ana (staff, 1.2): 3 commits + 3 merged PRs = load 12 -> weighted 12 / 1.2 = 10.
  // bob (junior, 0.6): 3 commits + 1 merged PR = load 6 -> weighted 6 / 0.6 = 10.
  // Unweighted [6, 12]: Σ (2i − 3)·x = −6 + 12 = 6, n·Σ = 36 -> 0.1667 (aexy), loupe × 2 = 0.3333.
  // Weighted [10, 10]: 0 in both. The top share stays on raw loads: 12 / 18.
  RollupWorld w;
  const auto ana = w.Person("ana"), bob = w.Person("bob");
  const Instant t = kMonday + 10 * kHour;
  for (int i = 0; i < 3; ++i) {
    w.Commit(ana, t + i * kHour), w.Commit(bob, t + i * kHour + 60);
    w.Pr(ana, t + i * kHour, t + i * kHour + kDay);
  }
  w.Pr(bob, t, t + kDay);
  w.Role("ana", "Staff");
  w.Role("bob", "junior");
  w.Build();
  CHECK(RoleMultiplier("Staff") == 1.2);
  CHECK(RoleMultiplier("principal") == 1.3);
  CHECK(RoleMultiplier("") == 1.0);
  CHECK(RoleMultiplier("wizard") == 1.0);
  const std::vector<uint32_t> members = {w.Dev(ana), w.Dev(bob)};
  DistributionOptions weighted;
  weighted.role_weighted = true;
  for (auto [profile, unweighted_gini] : {std::pair{kAexy, 1.0 / 6.0}, std::pair{kLoupe, 1.0 / 3.0}}) {
    const MetricContext ctx = w.Ctx(profile);
    CHECK(ComputeTeamDistribution(ctx, members, kWeek, {}).gini_coefficient == Approx(unweighted_gini));
    const TeamDistribution d = ComputeTeamDistribution(ctx, members, kWeek, weighted);
    CHECK(d.gini_coefficient == Approx(0).margin(1e-12));
    CHECK(d.top_contributor_share == Approx(12.0 / 18.0));
  }
}

TEST_CASE("TeamPopulation: bots are team members under aexy-compat only", "[metrics][rollups][distribution]") {
  // dependabot is listed in the team and made 3 commits: aexy-compat counts it (5 rows), loupe
  // leaves it out (4 rows).
  Core w;
  const auto bot = w.Person("dependabot[bot]");
  for (int i = 0; i < 3; ++i) w.Commit(bot, kMonday + 8 * kHour + i * 60);
  w.settings.teams[0].members.push_back({"login:dependabot[bot]", model::TeamRole::kMember});
  w.Build();
  CHECK(TeamPopulation(w.Ctx(kLoupe), 0).size() == 4);
  CHECK(TeamPopulation(w.Ctx(kAexy), 0).size() == 5);
  CHECK(WorkspacePopulation(w.Ctx(kLoupe)).size() == 4);
  CHECK(WorkspacePopulation(w.Ctx(kAexy)).size() == 5);
  const MetricContext aexy = w.Ctx(kAexy);
  CHECK(ComputeTeamDistribution(aexy, TeamPopulation(aexy, 0), kWeek, {}).member_metrics.size() == 5);
}

TEST_CASE("TeamDistribution: JSON carries the seed's keys", "[metrics][rollups][distribution]") {
  Core w;
  w.Build();
  for (auto profile : {kLoupe, kAexy}) {
    const MetricContext ctx = w.Ctx(profile);
    JsonWriter json;
    WriteJson(json, ComputeTeamDistribution(ctx, TeamPopulation(ctx, 0), kWeek, {}), w.resolution(), profile);
    const std::string& s = json.str();
    CHECK_THAT(s, Catch::Contains(profile == kLoupe ? "\"gini_coefficient\":0.5," : "\"gini_coefficient\":0.375,"));
    // 10 / 16 = 0.625 exactly: a tie, rounded to the even digit as Python's round() does.
    CHECK_THAT(s, Catch::Contains("\"top_contributor_share\":0.62,"));
    CHECK_THAT(s, Catch::Contains("\"developer_name\":\"ana\",\"email\":\"\",\"github_login\":\"ana\",\"identity_key\":\"gh:ana\","
                                  "\"commits_count\":4,\"prs_merged\":2,\"lines_changed\":60,\"reviews_given\":0"));
    CHECK_THAT(s, Catch::Contains("\"bottleneck_developers\":[" + std::to_string(w.Id(w.ana)) + "]"));
    CHECK((s.find("\"load\":") != std::string::npos) == (profile == kLoupe));
  }
}

}  // namespace
}  // namespace loupe::metrics
