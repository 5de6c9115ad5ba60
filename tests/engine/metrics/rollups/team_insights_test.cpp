#include "loupe/metrics/rollups/team_insights.h"

#include <catch2/catch.hpp>

#include "loupe/metrics/rollups/population.h"
#include "engine/metrics/rollups/rollup_world.h"

namespace loupe::metrics {
namespace {

using namespace loupe::testing;

// In the week of 2024-01-08: ana 3 commits (12 + 3 lines each) and 1 merged PR; bob 1 commit
// (12 + 3) and 2 reviews of ana's PR; eve nothing. All three are on team "web".
struct Web : RollupWorld {
  model::IdentityId ana = Person("ana"), bob = Person("bob"), eve = Person("eve");
  Web() {
    const Instant t = kMonday + 10 * kHour;
    for (int i = 0; i < 3; ++i) Commit(ana, t + i * kHour, 12, 3);
    Commit(bob, t + kDay, 12, 3);
    const int64_t pr = Pr(ana, t, t + 2 * kDay);
    Review(bob, pr, t + kDay, model::ReviewState::kChangesRequested);
    Review(bob, pr, t + kDay + kHour);
    Team("web", {"ana", "bob", "eve"});
  }
};

TEST_CASE("TeamInsights: totals and per-member averages", "[metrics][rollups][team]") {
  // Totals: commits 3 + 1 = 4, PRs merged 1, lines 4 · 15 = 60, reviews 2.
  // With eve (3 rows): 4 / 3 = 1.3333 commits and 1 / 3 = 0.3333 PRs per member.
  // Without inactive members (eve has no count): 4 / 2 = 2.0 and 1 / 2 = 0.5.
  Web w;
  w.Build();
  for (auto profile : {kLoupe, kAexy}) {
    const MetricContext ctx = w.Ctx(profile);
    const auto members = TeamPopulation(ctx, 0);
    const TeamInsights all = ComputeTeamInsights(ctx, "web", members, kWeek, PeriodType::kWeekly, {});
    CHECK(all.member_count == 3);
    CHECK(all.aggregate.total_commits == 4);
    CHECK(all.aggregate.total_prs_merged == 1);
    CHECK(all.aggregate.total_lines_changed == 60);
    CHECK(all.aggregate.total_reviews == 2);
    CHECK(all.aggregate.avg_commits_per_member == Approx(4.0 / 3.0));
    CHECK(all.aggregate.avg_prs_per_member == Approx(1.0 / 3.0));
    DistributionOptions active_only;
    active_only.include_inactive = false;
    const TeamInsights active = ComputeTeamInsights(ctx, "web", members, kWeek, PeriodType::kWeekly, active_only);
    CHECK(active.member_count == 2);
    CHECK(active.aggregate.avg_commits_per_member == 2.0);
    CHECK(active.aggregate.avg_prs_per_member == 0.5);
  }
}

TEST_CASE("TeamInsights: JSON with the seed's keys", "[metrics][rollups][team]") {
  Web w;
  w.Build();
  const MetricContext ctx = w.Ctx(kLoupe);
  const TeamInsights t = ComputeTeamInsights(ctx, "web", TeamPopulation(ctx, 0), kWeek, PeriodType::kWeekly, {});
  JsonWriter json;
  WriteJson(json, t, w.resolution(), kLoupe, kMonday + 30 * kDay);
  const std::string& s = json.str();
  CHECK_THAT(s, Catch::StartsWith("{\"team_id\":\"web\",\"period_start\":\"2024-01-08T00:00:00Z\","
                                  "\"period_end\":\"2024-01-15T00:00:00Z\",\"period_type\":\"weekly\",\"member_count\":3,"
                                  "\"aggregate\":{\"total_commits\":4,\"total_prs_merged\":1,\"total_lines_changed\":60,"
                                  "\"total_reviews\":2,\"avg_commits_per_member\":1.33,\"avg_prs_per_member\":0.33},"
                                  "\"distribution\":{\"gini_coefficient\":"));
  CHECK_THAT(s, Catch::EndsWith(",\"computed_at\":\"2024-02-07T00:00:00Z\"}"));
  // The workspace as a team: team_id null.
  JsonWriter whole;
  WriteJson(whole, ComputeTeamInsights(ctx, "", WorkspacePopulation(ctx), kWeek, PeriodType::kWeekly, {}),
            w.resolution(), kLoupe, kMonday);
  CHECK_THAT(whole.str(), Catch::StartsWith("{\"team_id\":null,"));
}

}  // namespace
}  // namespace loupe::metrics
