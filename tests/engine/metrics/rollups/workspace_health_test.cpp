#include "loupe/metrics/rollups/workspace_health.h"

#include <catch2/catch.hpp>

#include "loupe/metrics/rollups/population.h"
#include "engine/metrics/rollups/rollup_world.h"

namespace loupe::metrics {
namespace {

using namespace loupe::testing;

// The week of 2024-01-08 (times UTC, offset 0, no schedules: Mon–Fri, late night 22–06):
//   ana: 6 weekday commits at 10:00–15:00 + 4 on Saturday 13th -> 10 commits, weekend 0.4
//   bob: 2 weekday commits
//   cai: nothing this week; one commit on Wed 2024-01-03 (the week before)
//   dee: first commit on Tue 2024-01-16 (after the window)
//   dependabot[bot]: 3 commits this week
struct Org : RollupWorld {
  model::IdentityId ana = Person("ana"), bob = Person("bob"), cai = Person("cai"), dee = Person("dee"),
                    bot = Person("dependabot[bot]");
  Org() {
    for (int i = 0; i < 6; ++i) Commit(ana, kMonday + 10 * kHour + i * kHour);
    for (int i = 0; i < 4; ++i) Commit(ana, kMonday + 5 * kDay + 10 * kHour + i * kHour);
    Commit(bob, kMonday + kDay + 10 * kHour), Commit(bob, kMonday + kDay + 11 * kHour);
    Commit(cai, kMonday - 5 * kDay + 10 * kHour);
    Commit(dee, kMonday + 8 * kDay + 10 * kHour);
    for (int i = 0; i < 3; ++i) Commit(bot, kMonday + 2 * kDay + 6 * kHour + i * 60);
  }
};

TEST_CASE("WorkspaceHealth: loupe covers active humans and lists who went quiet", "[metrics][rollups][health]") {
  // Population: ana, bob, cai, dee (the bot is left out). Active: ana, bob. cai was active before
  // the window -> inactive, last activity Wed 2024-01-03 10:00, 11 days before the window's end
  // (2024-01-15): floor(11.58 days) = 11. dee was not around yet -> not counted.
  // total_developers 3, active 2; commits 12; per active developer 12 / 2 = 6.0.
  // Loads [2, 10]: Σ (2i − 3)·x = −2 + 10 = 8, n·Σ = 24 -> 0.3333 · 2 = 0.6667 -> "poor".
  // Bottleneck: mean 6, 10 > 2 × 6? no. Burnout: ana's weekend ratio 4 / 10 = 0.4 > 0.3.
  Org w;
  w.Build();
  const MetricContext ctx = w.Ctx(kLoupe);
  const WorkspaceHealth h = ComputeWorkspaceHealth(ctx, WorkspacePopulation(ctx), kWeek, PeriodType::kWeekly, 2.0);
  CHECK(h.total_developers == 3);
  CHECK(h.active_developers == 2);
  CHECK(h.total_commits == 12);
  CHECK(h.avg_commits_per_dev == 6.0);
  CHECK(h.gini_coefficient == Approx(2.0 / 3.0));
  CHECK(WorkloadBalance(h.gini_coefficient) == "poor");
  CHECK(h.bottlenecks.empty());
  REQUIRE(h.burnout.size() == 1);
  CHECK(h.burnout[0].developer == w.Dev(w.ana));
  CHECK(h.burnout[0].weekend_ratio == Approx(0.4));
  REQUIRE(h.inactive.size() == 1);
  CHECK(h.inactive[0].developer == w.Dev(w.cai));
  CHECK(h.inactive[0].last_activity == kMonday - 5 * kDay + 10 * kHour);
  REQUIRE(h.top_contributors.size() == 2);
  CHECK(h.top_contributors[0].developer == w.Dev(w.ana));
  JsonWriter json;
  WriteJson(json, h, w.resolution(), kLoupe);
  CHECK_THAT(json.str(), Catch::Contains("\"inactive_developers\":[{\"developer_id\":" + std::to_string(w.Id(w.cai)) +
                                         ",\"developer_name\":\"cai\",\"last_activity\":\"2024-01-03T10:00:00Z\","
                                         "\"days_inactive\":11}]"));
  CHECK_THAT(json.str(), Catch::Contains("\"health\":{\"gini_coefficient\":0.6667,\"workload_balance\":\"poor\","
                                         "\"burnout_risk_count\":1,\"bottleneck_count\":0}"));
}

TEST_CASE("WorkspaceHealth: aexy-compat counts everyone and flags commits above twice the mean", "[metrics][rollups][health]") {
  // Population: all five developers, zero rows included. Commits ana 10, bot 3, bob 2, cai 0,
  // dee 0 -> 15, per developer 15 / 5 = 3.0. Bottleneck: commits > 2 × 3 -> ana, ratio 10 / 3 = 3.3.
  // Loads sorted [0, 0, 2, 3, 10]: Σ (2i − 6)·x = 0·2 + 2·3 + 4·10 = 46, n·Σ = 75 -> 0.6133.
  // Top contributors by commits: ana, the bot, bob, cai, dee.
  Org w;
  w.Build();
  const MetricContext ctx = w.Ctx(kAexy);
  const WorkspaceHealth h = ComputeWorkspaceHealth(ctx, WorkspacePopulation(ctx), kWeek, PeriodType::kWeekly, 3.0);
  CHECK(h.total_developers == 5);
  CHECK(h.total_commits == 15);
  CHECK(h.avg_commits_per_dev == 3.0);
  CHECK(h.gini_coefficient == Approx(46.0 / 75.0));
  REQUIRE(h.bottlenecks.size() == 1);
  CHECK(h.bottlenecks[0].developer == w.Dev(w.ana));
  CHECK(h.bottlenecks[0].ratio_vs_avg == Approx(10.0 / 3.0));
  REQUIRE(h.top_contributors.size() == 5);
  CHECK(h.top_contributors[1].developer == w.Dev(w.bot));
  CHECK(h.inactive.empty());
  JsonWriter json;
  WriteJson(json, h, w.resolution(), kAexy);
  CHECK_THAT(json.str(), Catch::Contains("\"commits\":10,\"ratio_vs_avg\":3.3}"));
  CHECK_THAT(json.str(), !Catch::Contains("inactive_developers"));
}

TEST_CASE("WorkspaceHealth: an empty workspace keeps the seed's shape only under aexy-compat", "[metrics][rollups][health]") {
  RollupWorld w;
  w.Build();
  for (auto profile : {kLoupe, kAexy}) {
    const MetricContext ctx = w.Ctx(profile);
    JsonWriter json;
    WriteJson(json, ComputeWorkspaceHealth(ctx, WorkspacePopulation(ctx), kWeek, PeriodType::kWeekly, 2.0),
              w.resolution(), profile);
    if (profile == kAexy) {
      CHECK_THAT(json.str(), Catch::EndsWith("\"total_developers\":0,\"activity\":{},\"health\":{},\"risks\":[],"
                                             "\"top_contributors\":[]}"));
    } else {
      CHECK_THAT(json.str(), Catch::Contains("\"risks\":{\"burnout\":[],\"bottlenecks\":[]}"));
    }
  }
}

TEST_CASE("WorkspaceHealth: burnout and balance thresholds", "[metrics][rollups][health]") {
  // Strictly above 30 % weekend or 25 % late-night commits; Gini bands at 0.3 and 0.5.
  Sustainability s;
  s.weekend_commit_ratio = 0.30;
  s.late_night_commit_ratio = 0.25;
  CHECK_FALSE(IsBurnoutRisk(s));
  s.weekend_commit_ratio = 0.31;
  CHECK(IsBurnoutRisk(s));
  s.weekend_commit_ratio = 0;
  s.late_night_commit_ratio = 0.26;
  CHECK(IsBurnoutRisk(s));
  CHECK(WorkloadBalance(0.29) == "good");
  CHECK(WorkloadBalance(0.3) == "moderate");
  CHECK(WorkloadBalance(0.49) == "moderate");
  CHECK(WorkloadBalance(0.5) == "poor");
}

}  // namespace
}  // namespace loupe::metrics
