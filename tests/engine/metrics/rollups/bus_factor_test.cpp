#include "loupe/metrics/rollups/bus_factor.h"

#include <catch2/catch.hpp>

#include "engine/metrics/rollups/rollup_world.h"

namespace loupe::metrics {
namespace {

using namespace loupe::testing;

// acme/app in the week: ana 6 commits, bob 3, cai 1 (10); ana also has a merge commit there.
// acme/docs: bob 1 commit.
struct Repos : RollupWorld {
  model::IdentityId ana = Person("ana"), bob = Person("bob"), cai = Person("cai");
  Repos() {
    const Instant t = kMonday + 10 * kHour;
    for (int i = 0; i < 6; ++i) Commit(ana, t + i * 60);
    for (int i = 0; i < 3; ++i) Commit(bob, t + i * 60 + 1);
    Commit(cai, t + 2);
    Commit(ana, t + kHour, 0, 0, "acme/app", /*merge=*/true);
    Commit(bob, t + kDay, 5, 0, "acme/docs");
  }
  std::vector<uint32_t> All() const { return {Dev(ana), Dev(bob), Dev(cai)}; }
};

TEST_CASE("BusFactor: contributors needed to reach the threshold share", "[metrics][rollups][bus_factor]") {
  // loupe (merge left out), acme/app shares: ana 6/10 = 0.6, bob 0.3, cai 0.1.
  //   0.5 -> ana alone (0.6 >= 0.5) = 1;  0.8 -> ana + bob (0.9) = 2;
  //   0.9 -> ana + bob: 0.9 >= 0.9 counts = 2;  1.0 -> all three = 3.
  Repos w;
  w.Build();
  const MetricContext ctx = w.Ctx(kLoupe);
  for (auto [threshold, expected] : {std::pair{0.5, 1}, std::pair{0.8, 2}, std::pair{0.9, 2}, std::pair{1.0, 3}}) {
    auto repos = ComputeBusFactor(ctx, w.ws, w.All(), kWeek, threshold);
    REQUIRE(repos.ok());
    REQUIRE(repos->size() == 2);
    CHECK((*repos)[0].repository == "acme/app");  // by name
    CHECK((*repos)[0].total_commits == 10);
    CHECK((*repos)[0].bus_factor == expected);
    CHECK((*repos)[1].repository == "acme/docs");
    CHECK((*repos)[1].bus_factor == 1);
  }
  auto r = ComputeBusFactor(ctx, w.ws, w.All(), kWeek, kDefaultBusFactorThreshold);
  REQUIRE(r.ok());
  REQUIRE((*r)[0].top_contributors.size() == 2);
  CHECK((*r)[0].top_contributors[0].developer == w.Dev(w.ana));
  CHECK((*r)[0].top_contributors[0].share == Approx(0.6));
  JsonWriter json;
  WriteJson(json, *r, w.resolution());
  CHECK_THAT(json.str(), Catch::StartsWith("{\"acme/app\":{\"bus_factor\":2,\"top_contributors\":[{\"developer_id\":" +
                                           std::to_string(w.Id(w.ana)) + ",\"commits\":6,\"share\":0.6},"));
}

TEST_CASE("BusFactor: aexy-compat counts merge commits", "[metrics][rollups][bus_factor]") {
  // acme/app: ana 7 of 11. 0.8: ana 0.636, + bob 10/11 = 0.909 -> 2.
  Repos w;
  w.Build();
  auto r = ComputeBusFactor(w.Ctx(kAexy), w.ws, w.All(), kWeek, 0.8);
  REQUIRE(r.ok());
  CHECK((*r)[0].total_commits == 11);
  CHECK((*r)[0].top_contributors[0].commits == 7);
  CHECK((*r)[0].bus_factor == 2);
}

TEST_CASE("BusFactor: the threshold must lie in 0.5 to 1.0", "[metrics][rollups][bus_factor]") {
  Repos w;
  w.Build();
  for (double bad : {0.49, 1.01, 0.0}) {
    auto r = ComputeBusFactor(w.Ctx(kLoupe), w.ws, w.All(), kWeek, bad);
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.status().message(), Catch::Contains("between 0.5 and 1.0"));
  }
}

}  // namespace
}  // namespace loupe::metrics
