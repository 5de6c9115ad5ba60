#include "loupe/metrics/rollups/role_benchmark.h"

#include <catch2/catch.hpp>

#include "loupe/metrics/rollups/population.h"
#include "engine/metrics/rollups/rollup_world.h"

namespace loupe::metrics {
namespace {

using namespace loupe::testing;

const Benchmark& Mark(const RoleBenchmark& b, std::string_view metric) {
  for (const Benchmark& m : b.benchmarks) {
    if (m.metric == metric) return m;
  }
  FAIL("no benchmark for " << metric);
  return b.benchmarks.front();
}

// Seniors ana (2 commits), bob (2), cai (5); dee is a junior (9 commits); eve has no schedule.
struct Roles : RollupWorld {
  model::IdentityId ana = Person("ana"), bob = Person("bob"), cai = Person("cai"), dee = Person("dee"),
                    eve = Person("eve");
  Roles() {
    const Instant t = kMonday + 10 * kHour;
    for (int i = 0; i < 2; ++i) Commit(ana, t + i * 60), Commit(bob, t + i * 60 + 1);
    for (int i = 0; i < 5; ++i) Commit(cai, t + i * 60);
    for (int i = 0; i < 9; ++i) Commit(dee, t + i * 60);
    Commit(eve, t);
    Role("ana", "senior"), Role("bob", "Senior"), Role("cai", "senior"), Role("dee", "junior");
  }
};

TEST_CASE("RoleBenchmark: peers of the same role with shared ranks and the median", "[metrics][rollups][benchmark]") {
  // Peers of ana: ana, bob, cai (roles compared case-insensitively); dee and eve are not seniors.
  // Commits [2, 2, 5]: median 2; ana's rank 1 + (values > 2) = 2, shared with bob in both profiles;
  // percentile round((3 − 2) / 2 · 100, 1) = 50.0.
  Roles w;
  w.Build();
  for (auto profile : {kLoupe, kAexy}) {
    const MetricContext ctx = w.Ctx(profile);
    const RoleBenchmark b = ComputeRoleBenchmark(ctx, w.Dev(w.ana), WorkspacePopulation(ctx), kWeek);
    CHECK(b.engineering_role == "senior");
    CHECK(b.peer_count == 3);
    CHECK(b.benchmarks.size() == 8);
    const Benchmark& commits = Mark(b, "commits_count");
    CHECK(commits.value == 2);
    CHECK(commits.median == 2);
    CHECK(commits.rank == 2);
    CHECK(commits.percentile == 50.0);
    CHECK(commits.total == 3);
    CHECK(Mark(ComputeRoleBenchmark(ctx, w.Dev(w.bob), WorkspacePopulation(ctx), kWeek), "commits_count").rank == 2);
  }
}

TEST_CASE("RoleBenchmark: alone in a role and without a role", "[metrics][rollups][benchmark]") {
  // dee is the only junior: median = own value, rank 1, percentile 100.
  // eve has no role: her peers are the whole population (5 humans). Commits [2, 2, 5, 9, 1]:
  // eve's 1 is last: rank 5, percentile (5 − 5) / 4 · 100 = 0; median 2.
  Roles w;
  w.Build();
  const MetricContext ctx = w.Ctx(kLoupe);
  const RoleBenchmark junior = ComputeRoleBenchmark(ctx, w.Dev(w.dee), WorkspacePopulation(ctx), kWeek);
  CHECK(junior.peer_count == 1);
  CHECK(Mark(junior, "commits_count").median == 9);
  CHECK(Mark(junior, "commits_count").rank == 1);
  CHECK(Mark(junior, "commits_count").percentile == 100.0);
  const RoleBenchmark none = ComputeRoleBenchmark(ctx, w.Dev(w.eve), WorkspacePopulation(ctx), kWeek);
  CHECK(none.engineering_role.empty());
  CHECK(none.peer_count == 5);
  CHECK(Mark(none, "commits_count").rank == 5);
  CHECK(Mark(none, "commits_count").percentile == 0);
  CHECK(Mark(none, "commits_count").median == 2);
  JsonWriter json;
  WriteJson(json, none);
  CHECK_THAT(json.str(), Catch::StartsWith("{\"engineering_role\":null,\"peer_count\":5,\"benchmarks\":{"
                                           "\"commits_count\":{\"value\":1,\"median\":2,\"percentile\":0,\"rank\":5,\"total\":5},"));
  CHECK_THAT(json.str(), Catch::Contains("\"avg_pr_cycle_time\":{"));
}

}  // namespace
}  // namespace loupe::metrics
