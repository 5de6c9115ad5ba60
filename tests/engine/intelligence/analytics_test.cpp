#include "loupe/intelligence/analytics.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/metrics/metric_builder.h"
#include "support/test_util.h"

namespace loupe {
namespace {

using intelligence::ActivityDay;
using intelligence::TrendGrouping;
using testing::At;
using testing::kAexy;
using testing::kLoupe;

intelligence::Skill SkillOf(const char* name, double proficiency) {
  intelligence::Skill s;
  s.name = name;
  s.proficiency = proficiency;
  return s;
}

TEST_CASE("Skill heatmap: the skills most developers hold and rounded proficiencies", "[intelligence][analytics]") {
  // Go is held by two developers, Rust, TypeScript and Python by one each (Rust met first).
  std::vector<intelligence::ExpertiseProfile> profiles(3);
  profiles[0] = {0, {SkillOf("Rust", 81.6), SkillOf("Go", 40.4)}, 0};
  profiles[1] = {1, {SkillOf("Go", 70.5), SkillOf("TypeScript", 12.0)}, 0};
  profiles[2] = {2, {SkillOf("Python", 55.0)}, 0};
  const auto top = intelligence::BuildSkillHeatmap(profiles, {}, 2);
  REQUIRE(top.skills == std::vector<std::string>{"Go", "Rust"});
  // 40.4 -> 40, 81.6 -> 82, 70.5 -> 71 (half away from zero), a missing skill -> 0.
  CHECK(top.At(0, 0) == 40);
  CHECK(top.At(0, 1) == 82);
  CHECK(top.At(1, 0) == 71);
  CHECK(top.At(1, 1) == 0);
  CHECK(top.At(2, 0) == 0);
  CHECK(intelligence::BuildSkillHeatmap(profiles, {}, 15).skills.size() == 4);
  // Named skills keep their order and match case-insensitively.
  const std::vector<std::string> named = {"python", "Go"};
  const auto chosen = intelligence::BuildSkillHeatmap(profiles, named);
  CHECK(chosen.skills == named);
  CHECK(chosen.At(2, 0) == 55);
  CHECK(chosen.At(1, 1) == 71);
}

TEST_CASE("Activity heatmap: levels", "[intelligence][analytics]") {
  // 0 -> 0; 1..2 -> 1; 3..5 -> 2; 6..8 -> 3; 9 and more -> 4 (min(4, 1 + count / 3)).
  const std::pair<int64_t, int> cases[] = {{0, 0}, {1, 1}, {2, 1}, {3, 2}, {5, 2}, {6, 3}, {8, 3}, {9, 4}, {40, 4}};
  for (const auto& [count, level] : cases) {
    ActivityDay d;
    d.commits = count;
    CHECK(d.level() == level);
  }
}

TEST_CASE("Activity heatmap: local days and hours in the developer's zone", "[intelligence][analytics]") {
  testing::MetricWorld world;
  world.Person("ana");
  world.Person("bo");
  world.Schedule("ana").hours.timezone = "Asia/Kathmandu";  // +05:45, no daylight saving time
  // 2024-01-08T23:30Z is Tuesday 2024-01-09 05:15 in Kathmandu; 2024-01-09T10:00Z is 15:45 there.
  world.Commit("ana", "2024-01-08T23:30:00Z");
  world.Commit("ana", "2024-01-09T10:00:00Z");
  world.Commit("ana", "2024-01-09T11:00:00Z", {.merge = true});  // merges are not work done
  // A PR opened at 2024-01-10T20:00Z is 2024-01-11 01:45 local; a review at 2024-01-08T12:00Z is
  // 17:45 on the 8th; a pending review counts nowhere.
  const auto pr = world.Pr("ana", "2024-01-10T20:00:00Z");
  const auto other = world.Pr("bo", "2024-01-08T09:00:00Z");
  world.Review("ana", other, "2024-01-08T12:00:00Z");
  world.Review("ana", other, "");
  (void)pr;
  const testing::Built built(world, kLoupe);
  // Local 2024-01-08 00:00 to 2024-01-12 00:00 in Kathmandu: four local days.
  const Window window{At("2024-01-08T00:00:00+05:45"), At("2024-01-12T00:00:00+05:45")};
  const auto h = intelligence::BuildActivityHeatmap(built.ctx, built.Dev("ana"), window);
  CHECK(h.timezone == "Asia/Kathmandu");
  REQUIRE(h.days.size() == 4);
  CHECK(FormatIsoDate(CivilFromDays(h.days[0].day)) == "2024-01-08");
  CHECK(h.days[0].reviews == 1);
  CHECK(h.days[0].count() == 1);
  CHECK(h.days[1].commits == 2);
  CHECK(h.days[1].level() == 1);
  CHECK(h.days[2].count() == 0);
  CHECK(h.days[3].pull_requests == 1);
  CHECK(h.max_count == 2);
  // Tuesday (1) at 05 and 15 local.
  CHECK(h.weekday_hour[1][5] == 1);
  CHECK(h.weekday_hour[1][15] == 1);
  int64_t all = 0;
  for (const auto& hours : h.weekday_hour) {
    for (int64_t n : hours) all += n;
  }
  CHECK(all == 2);

  SECTION("aexy-compat: UTC days by committer date, PRs by creation, no reviews") {
    const testing::Built seed(world, kAexy);
    const auto a = intelligence::BuildActivityHeatmap(seed.ctx, seed.Dev("ana"), window);
    CHECK(a.timezone == "UTC");
    // UTC days of [2024-01-07T18:15Z, 2024-01-11T18:15Z]: the 7th to the 11th.
    REQUIRE(a.days.size() == 5);
    CHECK(a.days[1].commits == 1);  // 2024-01-08T23:30Z
    CHECK(a.days[2].commits == 2);  // 10:00Z and the merge at 11:00Z
    CHECK(a.days[1].reviews == 0);
    CHECK(a.days[3].pull_requests == 1);  // 2024-01-10T20:00Z
  }
}

TEST_CASE("Activity heatmap: each commit's own offset without a zone and DST with one", "[intelligence][analytics]") {
  testing::MetricWorld world;
  world.Person("bo");
  world.Person("cy");
  // Bo has no schedule: the commit's own -12:00 offset is his clock: Tuesday 02:00.
  world.Commit("bo", "2024-01-09T02:00:00-12:00");
  // Cy works in Berlin: 2024-03-30T01:30Z is Saturday 02:30 CET; 2024-03-31T01:30Z is Sunday
  // 03:30 CEST (clocks went forward at 01:00Z).
  world.Schedule("cy").hours.timezone = "Europe/Berlin";
  world.Commit("cy", "2024-03-30T01:30:00Z");
  world.Commit("cy", "2024-03-31T01:30:00Z");
  const testing::Built built(world, kLoupe);
  const auto bo = intelligence::BuildActivityHeatmap(built.ctx, built.Dev("bo"), testing::WeekOf("2024-01-08"));
  CHECK(bo.timezone == "commit offsets");
  CHECK(bo.weekday_hour[1][2] == 1);
  const auto cy = intelligence::BuildActivityHeatmap(built.ctx, built.Dev("cy"), testing::WeekOf("2024-03-25"));
  CHECK(cy.weekday_hour[5][2] == 1);
  CHECK(cy.weekday_hour[6][3] == 1);
}

TEST_CASE("Productivity trends: weekly points with zero weeks and the summary", "[intelligence][analytics]") {
  testing::MetricWorld world;
  world.Person("ana");
  world.Person("bo");
  world.Commit("ana", "2024-01-08T10:00:00Z", {.add = 10});
  world.Commit("ana", "2024-01-16T10:00:00Z", {.add = 5, .del = 2});
  world.Commit("ana", "2024-01-17T10:00:00Z", {.merge = true});  // 10 lines, a merge
  const auto pr = world.Pr("ana", "2024-01-09T09:00:00Z", {.merged = "2024-01-17T09:00:00Z"});
  world.Review("ana", world.Pr("bo", "2024-01-18T08:00:00Z"), "2024-01-18T12:00:00Z");
  (void)pr;
  const Window window = testing::Between("2024-01-08T00:00:00Z", "2024-01-29T00:00:00Z");
  const testing::Built built(world, kLoupe);
  const uint32_t ana = built.Dev("ana");
  const auto t = intelligence::BuildProductivityTrends(built.ctx, std::span(&ana, 1), window, TrendGrouping::kWeek);
  // Weeks of 01-08, 01-15 and 01-22 (empty, listed anyway).
  REQUIRE(t.points.size() == 3);
  CHECK(FormatIsoDate(CivilFromDays(t.points[0].day)) == "2024-01-08");
  CHECK(t.points[0].commits == 1);
  CHECK(t.points[0].lines_added == 10);
  CHECK(t.points[0].prs_opened == 1);
  CHECK(t.points[0].prs_merged == 0);
  CHECK(t.points[1].commits == 1);  // the merge commit is not counted
  CHECK(t.points[1].lines_added == 5);
  CHECK(t.points[1].lines_removed == 2);
  CHECK(t.points[1].prs_merged == 1);  // merged on the 17th
  CHECK(t.points[1].reviews_given == 1);
  CHECK(t.points[2].commits == 0);
  CHECK(t.total.commits == 2);
  JsonWriter w;
  intelligence::WriteJson(w, t, built.resolution);
  // 2 commits over 3 weeks = 0.67 per period.
  CHECK_THAT(w.str(), Catch::Contains("\"average_commits_per_period\":0.67"));
  CHECK_THAT(w.str(), Catch::Contains("\"developer_id\":" + std::to_string(built.resolution.developers()[ana].id)));

  SECTION("aexy-compat: merges count, a merged PR counts in its creation week, empty weeks are left out") {
    const testing::Built seed(world, kAexy);
    const uint32_t a = seed.Dev("ana");
    const auto s = intelligence::BuildProductivityTrends(seed.ctx, std::span(&a, 1), window, TrendGrouping::kWeek);
    REQUIRE(s.points.size() == 2);
    CHECK(s.points[0].prs_merged == 1);
    CHECK(s.points[1].commits == 2);
    CHECK(s.points[1].lines_added == 15);
  }
  SECTION("months start on the first; a window inside two months has two points") {
    const auto m = intelligence::BuildProductivityTrends(
        built.ctx, std::span(&ana, 1), testing::Between("2024-01-20T00:00:00Z", "2024-02-10T00:00:00Z"),
        TrendGrouping::kMonth);
    REQUIRE(m.points.size() == 2);
    CHECK(FormatIsoDate(CivilFromDays(m.points[0].day)) == "2024-01-01");
    CHECK(FormatIsoDate(CivilFromDays(m.points[1].day)) == "2024-02-01");
    CHECK(m.total.commits == 0);
  }
  CHECK_FALSE(intelligence::ParseTrendGrouping("quarter").ok());
}

TEST_CASE("Workload: open PRs, reviews waiting on them, recent commits, imbalance", "[intelligence][analytics]") {
  testing::MetricWorld world;
  for (const char* p : {"ana", "bo", "cy"}) world.Person(p);
  world.Pr("ana", "2024-01-02T09:00:00Z");  // open, Ana's
  world.Pr("bo", "2024-01-03T09:00:00Z", {.requested = {"ana"}});  // open, waiting on Ana
  const auto reviewed = world.Pr("cy", "2024-01-03T09:00:00Z", {.requested = {"ana"}});
  world.Review("ana", reviewed, "2024-01-04T09:00:00Z");  // open, but Ana has reviewed it
  world.Pr("bo", "2024-01-03T10:00:00Z", {.merged = "2024-01-05T09:00:00Z", .requested = {"ana"}});  // merged
  world.Review("ana", reviewed, "", model::ReviewState::kPending);  // a pending review of Ana's
  for (const char* when : {"2024-01-20T10:00:00Z", "2024-01-25T10:00:00Z", "2024-01-30T10:00:00Z"}) {
    world.Commit("ana", when);
  }
  world.Commit("ana", "2023-12-01T10:00:00Z");  // older than 30 days
  const testing::Built built(world, kLoupe);
  const std::vector<uint32_t> devs = {built.Dev("ana"), built.Dev("bo")};
  const auto l = intelligence::BuildWorkload(built.ctx, devs, At("2024-02-01T00:00:00Z"), 30);
  REQUIRE(l.items.size() == 2);
  CHECK(l.items[0].active_prs == 1);
  CHECK(l.items[0].pending_reviews == 1);
  CHECK(l.items[0].recent_commits == 3);
  // Ana: 0.1 · 1 + 0.15 · 1 + 0.02 · 3 = 0.31; Bo: one open PR (his other one is merged) = 0.1.
  CHECK(l.items[0].workload_score == Approx(0.31));
  CHECK(l.items[1].active_prs == 1);
  CHECK(l.items[1].workload_score == Approx(0.1));
  CHECK(l.total == Approx(0.41));
  CHECK(l.average == Approx(0.205));
  // Population variance ((0.105)² + (0.105)²) / 2 = 0.011025; × 4 = 0.0441.
  CHECK(l.imbalance == Approx(0.0441));
  CHECK(intelligence::BuildWorkload(built.ctx, std::span(devs.data(), 1), At("2024-02-01T00:00:00Z"), 30).imbalance == 0);

  SECTION("aexy-compat: pending reviews are the developer's reviews in state pending") {
    const testing::Built seed(world, kAexy);
    const uint32_t ana = seed.Dev("ana");
    const auto s = intelligence::BuildWorkload(seed.ctx, std::span(&ana, 1), At("2024-02-01T00:00:00Z"), 30);
    CHECK(s.items[0].pending_reviews == 1);
    CHECK(s.items[0].recent_commits == 3);
  }
}

}  // namespace
}  // namespace loupe
