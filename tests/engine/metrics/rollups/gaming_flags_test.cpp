#include "loupe/metrics/rollups/gaming_flags.h"

#include <catch2/catch.hpp>

#include "engine/metrics/rollups/rollup_world.h"

namespace loupe::metrics {
namespace {

using namespace loupe::testing;

constexpr Instant kStart = kMonday + 9 * kHour;

std::vector<std::string_view> Types(const GamingReport& r) {
  std::vector<std::string_view> types;
  for (const auto& f : r.flags) types.push_back(f.type);
  return types;
}

GamingReport Detect(const RollupWorld& w, model::IdentityId who, MetricProfile profile) {
  return DetectGamingPatterns(w.Ctx(profile), w.Dev(who), kWeek);
}

// `n` commits of `size` changed lines each, 37 + 5·i minutes apart (irregular: no timing flag).
void Commits(RollupWorld& w, model::IdentityId who, int n, int64_t size, bool stats = true) {
  Instant t = kStart;
  for (int i = 0; i < n; ++i) {
    w.Commit(who, t, size, 0, "acme/app", false, stats);
    t += (37 + 5 * i) * 60;
  }
}

TEST_CASE("GamingFlags: commit splitting needs five commits averaging under five lines with most tiny", "[metrics][rollups][gaming]") {
  // 5 commits of 2 lines: mean 2 < 5, tiny 5/5 = 1.0 > 0.5 -> flag. 4 such commits: too few.
  // 5 commits of exactly 5 lines: mean 5 is not < 5 -> no flag.
  // 6 commits, 3 of 1 line and 3 of 6: mean 3.5, tiny 3/6 = 0.5 is not > 0.5 -> no flag;
  // with 4 of 1 line and 2 of 6: mean 2.67, tiny 0.67 -> flag.
  auto run = [](std::vector<int64_t> sizes) {
    RollupWorld w;
    const auto ana = w.Person("ana");
    for (size_t i = 0; i < sizes.size(); ++i) w.Commit(ana, kStart + static_cast<Instant>(i * (40 + 7 * i)) * 60, sizes[i], 0);
    w.Build();
    return Types(Detect(w, ana, kLoupe));
  };
  using Flags = std::vector<std::string_view>;
  CHECK(run({2, 2, 2, 2, 2}) == Flags{"commit_splitting"});
  CHECK(run({2, 2, 2, 2}).empty());
  CHECK(run({5, 5, 5, 5, 5}).empty());
  CHECK(run({1, 1, 1, 6, 6, 6}).empty());
  CHECK(run({1, 1, 1, 1, 6, 6}) == Flags{"commit_splitting"});
}

TEST_CASE("GamingFlags: commits without stats are not tiny under loupe", "[metrics][rollups][gaming]") {
  // 5 commits whose sizes are unknown: aexy-compat reads them as 0 lines -> flag; loupe has no
  // sized commit to judge.
  RollupWorld w;
  const auto ana = w.Person("ana");
  Commits(w, ana, 5, 0, /*stats=*/false);
  w.Build();
  const GamingReport aexy = Detect(w, ana, kAexy);
  REQUIRE(aexy.flags.size() == 1);
  CHECK(aexy.flags[0].type == "commit_splitting");
  CHECK(aexy.flags[0].description == "Average commit size is 0.0 lines with 100% tiny commits");
  CHECK(Detect(w, ana, kLoupe).flags.empty());
}

TEST_CASE("GamingFlags: trivial PRs need three PRs with more than 60 percent of at most ten lines", "[metrics][rollups][gaming]") {
  // Sizes (additions + deletions): 3 PRs of 10 -> 3/3 -> flag; 2 PRs of 10 -> too few;
  // 5 PRs with 3 of 10 and 2 of 11 -> 0.6 is not > 0.6; 4 of 10 and 1 of 11 -> 0.8 -> flag.
  auto run = [](std::vector<int64_t> sizes, MetricProfile profile = kLoupe) {
    RollupWorld w;
    const auto ana = w.Person("ana");
    for (size_t i = 0; i < sizes.size(); ++i) {
      const int64_t add = sizes[i] < 0 ? -1 : sizes[i] - sizes[i] / 2;
      w.Pr(ana, kStart + static_cast<Instant>(i) * kHour, kNoInstant, add, sizes[i] < 0 ? -1 : sizes[i] / 2);
    }
    w.Build();
    return Detect(w, ana, profile);
  };
  const GamingReport three = run({10, 10, 10});
  REQUIRE(three.flags.size() == 1);
  CHECK(three.flags[0].type == "trivial_prs");
  CHECK(three.flags[0].description == "100% of PRs are trivial (\xE2\x89\xA4" "10 lines changed)");
  CHECK(run({10, 10}).flags.empty());
  CHECK(run({10, 10, 10, 11, 11}).flags.empty());
  CHECK(run({10, 10, 10, 10, 11}).flags.size() == 1);
  // Unknown sizes: aexy-compat reads them as 0 lines (trivial); loupe does not judge them.
  CHECK(run({-1, -1, -1}, kAexy).flags.size() == 1);
  CHECK(run({-1, -1, -1}, kLoupe).flags.empty());
}

TEST_CASE("GamingFlags: rubber stamps are silent approvals in more than 70 percent of three or more reviews", "[metrics][rollups][gaming]") {
  // ana reviews bob's PR n times. A silent approval: approved, no inline comment, blank body.
  // 3 silent -> 1.0 -> flag; 2 reviews -> too few; 10 with 7 silent -> 0.7 is not > 0.7;
  // 10 with 8 silent -> flag. An approval with a comment or a body is not a stamp.
  auto run = [](int silent, int with_comment, int with_body) {
    RollupWorld w;
    const auto ana = w.Person("ana"), bob = w.Person("bob");
    const int64_t pr = w.Pr(bob, kStart);
    Instant t = kStart + kHour;
    for (int i = 0; i < silent; ++i) w.Review(ana, pr, t += 60, model::ReviewState::kApproved, "  ");
    for (int i = 0; i < with_comment; ++i) w.Review(ana, pr, t += 60, model::ReviewState::kApproved, "", 1);
    for (int i = 0; i < with_body; ++i) w.Review(ana, pr, t += 60, model::ReviewState::kApproved, "LGTM, nice split");
    w.Build();
    return Detect(w, ana, kLoupe);
  };
  const GamingReport three = run(3, 0, 0);
  REQUIRE(three.flags.size() == 1);
  CHECK(three.flags[0].type == "rubber_stamp_reviews");
  CHECK(run(2, 0, 0).flags.empty());
  CHECK(run(7, 2, 1).flags.empty());
  const GamingReport eight = run(8, 1, 1);
  REQUIRE(eight.flags.size() == 1);
  JsonWriter json;
  WriteJson(json, eight);
  CHECK_THAT(json.str(), Catch::Contains("\"evidence\":{\"rubber_stamp_count\":8,\"total_reviews\":10,\"rubber_stamp_ratio\":0.8}"));
}

TEST_CASE("GamingFlags: approvals of one's own PRs are reviews under aexy-compat only", "[metrics][rollups][gaming]") {
  // ana approves her own PR three times: aexy-compat counts 3 silent approvals -> flag; loupe
  // does not count self-reviews as reviews given -> none.
  RollupWorld w;
  const auto ana = w.Person("ana");
  const int64_t pr = w.Pr(ana, kStart);
  for (int i = 1; i <= 3; ++i) w.Review(ana, pr, kStart + i * kHour);
  w.Build();
  CHECK(Types(Detect(w, ana, kAexy)) == std::vector<std::string_view>{"rubber_stamp_reviews"});
  CHECK(Detect(w, ana, kLoupe).flags.empty());
}

TEST_CASE("GamingFlags: suspicious timing is ten or more commits at near-constant gaps under an hour", "[metrics][rollups][gaming]") {
  // Big commits (no splitting). Gaps in minutes:
  //   9 × 10: CV 0 -> flag (info).            9 commits (8 gaps): too few.
  //   9 × 60: mean 3600 s is not < 3600 -> no flag.
  //   10, 12, 10, 12, …, 10 (5 × 10, 4 × 12): mean 10.89, population stdev 0.994, CV 0.091 -> flag.
  //   10, 13, 10, 13, …, 10: mean 11.33, stdev 1.49, CV 0.132 -> no flag.
  auto run = [](std::vector<int> gaps) {
    RollupWorld w;
    const auto ana = w.Person("ana");
    Instant t = kStart;
    w.Commit(ana, t, 40, 10);
    for (int gap : gaps) w.Commit(ana, t += gap * 60, 40, 10);
    w.Build();
    return Detect(w, ana, kLoupe);
  };
  const GamingReport regular = run(std::vector<int>(9, 10));
  REQUIRE(regular.flags.size() == 1);
  CHECK(regular.flags[0].type == "suspicious_timing");
  CHECK(regular.flags[0].severity == FlagSeverity::kInfo);
  CHECK(regular.flags[0].description == "Commits are suspiciously regular (CV=0.00, avg interval=10min)");
  CHECK(regular.risk_level == "low");
  CHECK(run(std::vector<int>(8, 10)).flags.empty());
  CHECK(run(std::vector<int>(9, 60)).flags.empty());
  const GamingReport alternating = run({10, 12, 10, 12, 10, 12, 10, 12, 10});
  REQUIRE(alternating.flags.size() == 1);
  JsonWriter json;
  WriteJson(json, alternating);
  CHECK_THAT(json.str(), Catch::Contains("\"coefficient_of_variation\":0.091,\"avg_interval_minutes\":10.9,\"commit_count\":10"));
  CHECK(run({10, 13, 10, 13, 10, 13, 10, 13, 10}).flags.empty());
}

TEST_CASE("GamingFlags: self-merging without review needs two such PRs and more than half", "[metrics][rollups][gaming]") {
  // PRs created and merged in the week. 2 of 2 unreviewed -> flag; 1 of 1 -> fewer than 2;
  // 2 of 4 -> 0.5 is not > 0.5; 3 of 4 -> flag.
  auto run = [](int unreviewed, int reviewed) {
    RollupWorld w;
    const auto ana = w.Person("ana"), bob = w.Person("bob");
    for (int i = 0; i < unreviewed + reviewed; ++i) {
      const Instant created = kStart + i * kHour;
      const int64_t pr = w.Pr(ana, created, created + 30 * 60);
      if (i >= unreviewed) w.Review(bob, pr, created + 10 * 60);
    }
    w.Build();
    return Detect(w, ana, kLoupe);
  };
  const GamingReport two = run(2, 0);
  REQUIRE(two.flags.size() == 1);
  CHECK(two.flags[0].type == "self_merge_no_review");
  CHECK(two.flags[0].description == "2 merged PRs with zero reviews");
  CHECK(run(1, 0).flags.empty());
  CHECK(run(2, 2).flags.empty());
  CHECK(run(3, 1).flags.size() == 1);
}

TEST_CASE("GamingFlags: a self-review or a review after the merge is no review under loupe", "[metrics][rollups][gaming]") {
  // Two merged PRs: the first approved by ana herself, the second approved by bob after the merge.
  // aexy-compat: both have a review -> no flag. loupe: neither had someone else's review before
  // merging -> flag.
  RollupWorld w;
  const auto ana = w.Person("ana"), bob = w.Person("bob");
  const int64_t first = w.Pr(ana, kStart, kStart + kHour), second = w.Pr(ana, kStart + kHour, kStart + 2 * kHour);
  w.Review(ana, first, kStart + 30 * 60);
  w.Review(bob, second, kStart + 3 * kHour);
  w.Build();
  CHECK(Types(Detect(w, ana, kLoupe)) == std::vector<std::string_view>{"self_merge_no_review"});
  CHECK(Detect(w, ana, kAexy).flags.empty());
}

TEST_CASE("GamingFlags: risk level from the number and severity of flags", "[metrics][rollups][gaming]") {
  // Tiny regular commits: commit_splitting (warning) + suspicious_timing (info) -> 2 flags, one
  // warning -> medium. Adding 3 trivial PRs (a second warning) -> high.
  RollupWorld w;
  const auto ana = w.Person("ana"), bob = w.Person("bob"), nobody = w.Person("nobody");
  for (int i = 0; i < 10; ++i) w.Commit(ana, kStart + i * 10 * 60, 1, 1);
  for (int i = 0; i < 10; ++i) w.Commit(bob, kStart + i * 10 * 60, 1, 1);
  for (int i = 0; i < 3; ++i) w.Pr(bob, kStart + i * kHour, kNoInstant, 2, 2);
  w.Build();
  const GamingReport medium = Detect(w, ana, kLoupe);
  CHECK(Types(medium) == std::vector<std::string_view>{"commit_splitting", "suspicious_timing"});
  CHECK(medium.risk_level == "medium");
  const GamingReport high = Detect(w, bob, kLoupe);
  CHECK(high.flags.size() == 3);
  CHECK(high.risk_level == "high");
  CHECK(Detect(w, nobody, kLoupe).risk_level == "none");
}

}  // namespace
}  // namespace loupe::metrics
