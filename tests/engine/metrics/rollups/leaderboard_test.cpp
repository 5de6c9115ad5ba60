#include "loupe/metrics/rollups/leaderboard.h"

#include <catch2/catch.hpp>

#include "loupe/metrics/rollups/population.h"
#include "engine/metrics/rollups/rollup_world.h"

namespace loupe::metrics {
namespace {

using namespace loupe::testing;

// In the week: ana 3 commits and a PR merged after 10 h; bob 3 commits and a PR merged after
// 20 h; cai 1 commit; dee nothing; dependabot[bot] 5 commits.
struct Board : RollupWorld {
  model::IdentityId ana = Person("ana"), bob = Person("bob"), cai = Person("cai"), dee = Person("dee"),
                    bot = Person("dependabot[bot]");
  Board() {
    const Instant t = kMonday + 9 * kHour;
    for (int i = 0; i < 3; ++i) Commit(ana, t + i * kHour), Commit(bob, t + i * kHour + 60);
    Commit(cai, t);
    for (int i = 0; i < 5; ++i) Commit(bot, t + i * 60);
    Pr(ana, t, t + 10 * kHour);
    Pr(bob, t, t + 20 * kHour);
  }
};

std::vector<int64_t> RanksOf(const Leaderboard& b) {
  std::vector<int64_t> ranks;
  for (const auto& e : b.entries) ranks.push_back(e.rank);
  return ranks;
}

TEST_CASE("Leaderboard: tied developers share a rank under loupe and not under aexy-compat", "[metrics][rollups][leaderboard]") {
  // Humans by commits: ana 3, bob 3, cai 1, dee 0 (ana before bob: lower id breaks the tie).
  // loupe: ranks 1, 1, 3, 4. aexy-compat also ranks the bot (5 commits) first: 1, 2, 3, 4, 5.
  Board w;
  w.Build();
  const MetricContext loupe = w.Ctx(kLoupe);
  auto board = ComputeLeaderboard(loupe, WorkspacePopulation(loupe), kWeek, PeriodType::kWeekly, "commits", 10);
  REQUIRE(board.ok());
  REQUIRE(board->entries.size() == 4);
  CHECK(board->entries[0].developer == w.Dev(w.ana));
  CHECK(board->entries[1].developer == w.Dev(w.bob));
  CHECK(board->entries[0].value == 3);
  CHECK(RanksOf(*board) == std::vector<int64_t>{1, 1, 3, 4});

  const MetricContext aexy = w.Ctx(kAexy);
  auto positional = ComputeLeaderboard(aexy, WorkspacePopulation(aexy), kWeek, PeriodType::kWeekly, "commits", 10);
  REQUIRE(positional.ok());
  REQUIRE(positional->entries.size() == 5);
  CHECK(positional->entries[0].developer == w.Dev(w.bot));
  CHECK(positional->entries[1].developer == w.Dev(w.ana));
  CHECK(RanksOf(*positional) == std::vector<int64_t>{1, 2, 3, 4, 5});
}

TEST_CASE("Leaderboard: limit truncates and is bounded", "[metrics][rollups][leaderboard]") {
  Board w;
  w.Build();
  const MetricContext ctx = w.Ctx(kLoupe);
  const auto people = WorkspacePopulation(ctx);
  auto two = ComputeLeaderboard(ctx, people, kWeek, PeriodType::kWeekly, "commits", 2);
  REQUIRE(two.ok());
  CHECK(two->entries.size() == 2);
  for (int64_t bad : {int64_t{0}, int64_t{51}}) {
    auto r = ComputeLeaderboard(ctx, people, kWeek, PeriodType::kWeekly, "commits", bad);
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.status().message(), Catch::Contains("between 1 and 50"));
  }
  CHECK(ComputeLeaderboard(ctx, people, kWeek, PeriodType::kWeekly, "commits", 50).ok());
}

TEST_CASE("Leaderboard: an unknown metric is an error naming the accepted ones", "[metrics][rollups][leaderboard]") {
  Board w;
  w.Build();
  const MetricContext ctx = w.Ctx(kAexy);
  auto r = ComputeLeaderboard(ctx, WorkspacePopulation(ctx), kWeek, PeriodType::kWeekly, "happiness", 10);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == StatusCode::kInvalidInput);
  CHECK_THAT(r.status().message(), Catch::Contains("\"happiness\""));
  CHECK_THAT(r.status().message(), Catch::Contains("commits, prs_merged, lines_changed, reviews_given"));
  // Sustainability is not a contest.
  CHECK_FALSE(FindRankableMetric("weekend_commit_ratio").ok());
}

TEST_CASE("Leaderboard: lower-is-better averages rank only developers who have one", "[metrics][rollups][leaderboard]") {
  // Cycle time: ana 10 h, bob 20 h; cai and dee merged nothing, so they have no cycle time (not a
  // perfect 0 h) and are left out: ana 1st, bob 2nd.
  Board w;
  w.Build();
  const MetricContext ctx = w.Ctx(kLoupe);
  auto r = ComputeLeaderboard(ctx, WorkspacePopulation(ctx), kWeek, PeriodType::kWeekly, "avg_pr_cycle_time_hours", 10);
  REQUIRE(r.ok());
  REQUIRE(r->entries.size() == 2);
  CHECK(r->entries[0].developer == w.Dev(w.ana));
  CHECK(r->entries[0].value == 10);
  CHECK(r->entries[1].rank == 2);
  JsonWriter json;
  WriteJson(json, *r, w.resolution());
  CHECK_THAT(json.str(), Catch::StartsWith("{\"metric\":\"avg_pr_cycle_time_hours\",\"period_type\":\"weekly\","
                                           "\"period_start\":\"2024-01-08T00:00:00Z\",\"period_end\":\"2024-01-15T00:00:00Z\","
                                           "\"entries\":[{\"developer_id\":" + std::to_string(w.Id(w.ana)) +
                                           ",\"developer_name\":\"ana\",\"value\":10,\"rank\":1},"));
}

}  // namespace
}  // namespace loupe::metrics
