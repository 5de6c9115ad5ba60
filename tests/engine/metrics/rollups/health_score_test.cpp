#include "loupe/metrics/rollups/health_score.h"

#include <catch2/catch.hpp>

#include "engine/metrics/rollups/rollup_world.h"

namespace loupe::metrics {
namespace {

using namespace loupe::testing;

constexpr Instant kJan1 = kMonday - 7 * kDay;  // Mon 2024-01-01
constexpr Window kJanuary{kJan1, kJan1 + 30 * kDay};  // 2024-01-01 .. 2024-01-31 00:00

// The seed's worked example ("owner", 2024-01-01 -> 01-31), reconstructed from its category
// scores: 5 weekday commits at 10:00 UTC in one repository, one PR opened Wed 01-10 10:00 and
// merged 48 h later after an approval by rita, no reviews given.
struct Owner : RollupWorld {
  model::IdentityId owner = Person("owner"), rita = Person("rita");
  Owner() {
    for (int day : {1, 2, 3, 4, 7}) Commit(owner, kJan1 + day * kDay + 10 * kHour);  // Tue 2 … Mon 8
    const Instant created = kJan1 + 9 * kDay + 10 * kHour;
    const int64_t pr = Pr(owner, created, created + 48 * kHour);
    Review(rita, pr, created + 5 * kHour);
  }
};

TEST_CASE("HealthScore: the seed's worked example scores 53.0 under aexy-compat", "[metrics][rollups][health_score]") {
  // Working days (aexy): Mon–Fri dates 01-01 .. 01-31 inclusive = 23; weeks = 30 / 7.
  // velocity: min(5/23 / 2, 1)·40 = 4.348 + min((1 / 4.2857) / 3, 1)·30 = 2.333 + 30 = 36.68 -> 36.7
  // efficiency: cycle 48 h -> 100 − 24 = 76 · 0.4 = 30.4, merge rate 1 · 40, no rework 20 -> 90.4
  // quality: no reviews given 0 + 0, not self-merged (rita approved) 100 · 0.3 -> 30.0
  // sustainability: no weekend or late-night commits 35 + 35, one repository 30 -> 100.0
  // collaboration: 1 collaborator (rita) 8 + 0 reviews given + sharing 0 -> 8.0
  // score: (36.7 + 90.4 + 30 + 100 + 8) · 0.2 = 53.02 -> 53.0
  Owner w;
  w.Build();
  const DeveloperInsights in = ComputeInsights(w.Ctx(kAexy), w.Dev(w.owner), kJanuary);
  const HealthScore h = ComputeHealthScore(in, {}, kAexy);
  CHECK(h.velocity.score == 36.7);
  CHECK(h.efficiency.score == 90.4);
  CHECK(h.quality.score == 30.0);
  CHECK(h.sustainability.score == 100.0);
  CHECK(h.collaboration.score == 8.0);
  CHECK(h.velocity.weight == 0.2);
  CHECK(h.score == 53.0);
}

TEST_CASE("HealthScore: the same developer under loupe", "[metrics][rollups][health_score]") {
  // loupe's window is half-open, so 01-31 is not in it: 22 working days (01-01 .. 01-30).
  // velocity: 5/22 / 2 · 40 = 4.545 + 2.333 + 30 = 36.88 -> 36.9; the other categories as above
  // (rita's review is a review received in the window, so she is the one collaborator).
  // score: (36.9 + 90.4 + 30 + 100 + 8) · 0.2 = 53.06 -> 53.1
  Owner w;
  w.Build();
  const HealthScore h = ComputeHealthScore(ComputeInsights(w.Ctx(kLoupe), w.Dev(w.owner), kJanuary), {}, kLoupe);
  CHECK(h.velocity.score == 36.9);
  CHECK(h.efficiency.score == 90.4);
  CHECK(h.quality.score == 30.0);
  CHECK(h.sustainability.score == 100.0);
  CHECK(h.collaboration.score == 8.0);
  CHECK(h.score == 53.1);
}

TEST_CASE("HealthScore: no activity scores 32 under aexy-compat and 0 under loupe", "[metrics][rollups][health_score]") {
  // aexy-compat credits what did not happen: efficiency 0 h cycle -> 100 · 0.4 + no rework 20 = 60,
  // quality no self-merge 30, sustainability no weekend or late night 35 + 35 = 70:
  // (0 + 60 + 30 + 70 + 0) · 0.2 = 32.0. loupe gives those terms only where they could happen.
  const DeveloperInsights nothing;
  const HealthScore aexy = ComputeHealthScore(nothing, {}, kAexy);
  CHECK(aexy.efficiency.score == 60.0);
  CHECK(aexy.quality.score == 30.0);
  CHECK(aexy.sustainability.score == 70.0);
  CHECK(aexy.score == 32.0);
  const HealthScore loupe = ComputeHealthScore(nothing, {}, kLoupe);
  CHECK(loupe.efficiency.score == 0);
  CHECK(loupe.quality.score == 0);
  CHECK(loupe.sustainability.score == 0);
  CHECK(loupe.score == 0);
}

TEST_CASE("HealthScore: weights are normalised under loupe and raw under aexy-compat", "[metrics][rollups][health_score]") {
  // The worked example's categories with every weight 1.0:
  //   aexy-compat: 36.7 + 90.4 + 30 + 100 + 8 = 265.1 (a "0–100" score above 100);
  //   loupe: each weight 1 / 5 = 0.2 -> 53.0.
  // Weights {0.5, 0.2, 0.2, 0.2, 0.2} sum to 1.3: loupe applies 0.5 / 1.3 = 0.3846 to velocity.
  Owner w;
  w.Build();
  const DeveloperInsights in = ComputeInsights(w.Ctx(kAexy), w.Dev(w.owner), kJanuary);
  const model::HealthWeights ones{1, 1, 1, 1, 1};
  CHECK(ComputeHealthScore(in, ones, kAexy).score == 265.1);
  const HealthScore normalised = ComputeHealthScore(in, ones, kLoupe);
  CHECK(normalised.velocity.weight == Approx(0.2));
  CHECK(normalised.score == 53.0);
  const model::HealthWeights heavy{0.5, 0.2, 0.2, 0.2, 0.2};
  CHECK(ComputeHealthScore(in, heavy, kLoupe).velocity.weight == Approx(0.5 / 1.3));
  CHECK(ComputeHealthScore(in, heavy, kAexy).velocity.weight == 0.5);
  // Unusable weights fall back to the defaults under loupe.
  CHECK(ComputeHealthScore(in, {0, 0, 0, 0, 0}, kLoupe).score == 53.0);
}

TEST_CASE("HealthScore: weights come from the workspace settings", "[metrics][rollups][health_score]") {
  model::WorkspaceSettings settings;
  CHECK(HealthWeightsFor(settings) == model::HealthWeights{});
  model::InsightSettings team;
  team.team = "core";
  team.health_weights = model::HealthWeights{0.9, 0, 0, 0, 0.1};
  settings.insight_settings.push_back(team);
  CHECK(HealthWeightsFor(settings) == model::HealthWeights{});  // team rows are not the workspace's
  model::InsightSettings workspace;
  workspace.health_weights = model::HealthWeights{0.4, 0.1, 0.1, 0.2, 0.2};
  settings.insight_settings.push_back(workspace);
  CHECK(HealthWeightsFor(settings).velocity == 0.4);
}

TEST_CASE("HealthScore: JSON with the seed's keys", "[metrics][rollups][health_score]") {
  JsonWriter json;
  WriteJson(json, ComputeHealthScore(DeveloperInsights{}, {}, kAexy));
  CHECK(json.str() ==
        "{\"score\":32,\"breakdown\":{\"velocity\":{\"score\":0,\"weight\":0.2},\"efficiency\":{\"score\":60,"
        "\"weight\":0.2},\"quality\":{\"score\":30,\"weight\":0.2},\"sustainability\":{\"score\":70,\"weight\":0.2},"
        "\"collaboration\":{\"score\":0,\"weight\":0.2}}}");
}

}  // namespace
}  // namespace loupe::metrics
