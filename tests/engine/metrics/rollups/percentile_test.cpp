#include "loupe/metrics/rollups/percentile.h"

#include <catch2/catch.hpp>

#include "engine/metrics/rollups/rollup_world.h"

namespace loupe::metrics {
namespace {

using namespace loupe::testing;

const MetricStanding& Standing(const PercentileRanking& p, std::string_view metric) {
  for (const MetricStanding& s : p.rankings) {
    if (s.metric == metric) return s;
  }
  FAIL("no standing for " << metric);
  return p.rankings.front();
}

// In the week: ana 3 commits and a PR merged after 10 h; bob 3 commits and a PR merged after
// 20 h; cai 1 commit, no PR.
struct Peers : RollupWorld {
  model::IdentityId ana = Person("ana"), bob = Person("bob"), cai = Person("cai");
  Peers() {
    const Instant t = kMonday + 9 * kHour;
    for (int i = 0; i < 3; ++i) Commit(ana, t + i * kHour), Commit(bob, t + i * kHour + 60);
    Commit(cai, t);
    Pr(ana, t, t + 10 * kHour);
    Pr(bob, t, t + 20 * kHour);
  }
};

TEST_CASE("PercentileRanking: tied peers share a rank under loupe only", "[metrics][rollups][percentile]") {
  // Commits ana 3, bob 3, cai 1; peers in that order, subject bob.
  // aexy-compat (stable sort): ana 1st, bob 2nd -> round((3 − 2) / 2 · 100) = 50.
  // loupe (shared): bob 1st with ana -> round((3 − 1) / 2 · 100) = 100.
  Peers w;
  w.Build();
  const std::vector<uint32_t> peers = {w.Dev(w.ana), w.Dev(w.bob), w.Dev(w.cai)};
  const PercentileRanking aexy = ComputePercentileRanking(w.Ctx(kAexy), w.Dev(w.bob), peers, kWeek);
  CHECK(Standing(aexy, "commits").rank == 2);
  CHECK(Standing(aexy, "commits").percentile == 50);
  CHECK(Standing(aexy, "commits").total == 3);
  const PercentileRanking loupe = ComputePercentileRanking(w.Ctx(kLoupe), w.Dev(w.bob), peers, kWeek);
  CHECK(Standing(loupe, "commits").rank == 1);
  CHECK(Standing(loupe, "commits").percentile == 100);
  CHECK(loupe.rankings.size() == 11);
}

TEST_CASE("PercentileRanking: cycle time is lower-is-better", "[metrics][rollups][percentile]") {
  // Cycle times: cai 0 (no PR: the seed ranks it best), ana 10 h, bob 20 h. bob is 3rd of 3:
  // round((3 − 3) / 2 · 100) = 0; ana is 2nd: 50.
  Peers w;
  w.Build();
  const std::vector<uint32_t> peers = {w.Dev(w.ana), w.Dev(w.bob), w.Dev(w.cai)};
  for (auto profile : {kLoupe, kAexy}) {
    const MetricContext ctx = w.Ctx(profile);
    const MetricStanding bob = Standing(ComputePercentileRanking(ctx, w.Dev(w.bob), peers, kWeek), "avg_pr_cycle_time_hours");
    CHECK(bob.value == 20);
    CHECK(bob.rank == 3);
    CHECK(bob.percentile == 0);
    CHECK(Standing(ComputePercentileRanking(ctx, w.Dev(w.ana), peers, kWeek), "avg_pr_cycle_time_hours").percentile == 50);
  }
}

TEST_CASE("PercentileRanking: a subject outside the peers is added to them", "[metrics][rollups][percentile]") {
  // Peers ana and cai; subject bob joins them: peer_count 2 (as given), total 3.
  Peers w;
  w.Build();
  const PercentileRanking p =
      ComputePercentileRanking(w.Ctx(kAexy), w.Dev(w.bob), std::vector<uint32_t>{w.Dev(w.ana), w.Dev(w.cai)}, kWeek);
  CHECK(p.peer_count == 2);
  CHECK(Standing(p, "commits").total == 3);
  // Appended last, bob comes after ana in the tie: rank 2.
  CHECK(Standing(p, "commits").rank == 2);
}

TEST_CASE("PercentileRanking: percentiles round half to even", "[metrics][rollups][percentile]") {
  // Nine developers with 1..9 commits. The one with 2 commits is 8th of 9:
  // (9 − 8) / 8 · 100 = 12.5 -> 12 (ties to even, as Python's round); the one with 8 is 2nd:
  // 7 / 8 · 100 = 87.5 -> 88.
  RollupWorld w;
  std::vector<uint32_t> peers;
  std::vector<model::IdentityId> people;
  for (int i = 1; i <= 9; ++i) {
    people.push_back(w.Person("dev" + std::to_string(i)));
    for (int k = 0; k < i; ++k) w.Commit(people.back(), kMonday + 10 * kHour + k * 60);
  }
  w.Build();
  for (auto p : people) peers.push_back(w.Dev(p));
  const MetricContext ctx = w.Ctx(kLoupe);
  CHECK(Standing(ComputePercentileRanking(ctx, peers[1], peers, kWeek), "commits").percentile == 12);
  CHECK(Standing(ComputePercentileRanking(ctx, peers[7], peers, kWeek), "commits").percentile == 88);
}

TEST_CASE("PercentileRanking: JSON with the seed's keys", "[metrics][rollups][percentile]") {
  Peers w;
  w.Build();
  const std::vector<uint32_t> peers = {w.Dev(w.ana), w.Dev(w.bob), w.Dev(w.cai)};
  JsonWriter json;
  WriteJson(json, ComputePercentileRanking(w.Ctx(kLoupe), w.Dev(w.bob), peers, kWeek));
  CHECK_THAT(json.str(), Catch::StartsWith("{\"peer_count\":3,\"rankings\":{\"commits\":{\"value\":3,\"percentile\":100,"
                                           "\"rank\":1,\"total\":3},"));
  CHECK_THAT(json.str(), Catch::Contains("\"avg_pr_cycle_time_hours\":{\"value\":20,\"percentile\":0,\"rank\":3,\"total\":3}"));
}

}  // namespace
}  // namespace loupe::metrics
