#include "loupe/intelligence/review_quality.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/metrics/metric_builder.h"

namespace loupe {
namespace {

using intelligence::AnalyzeReview;
using intelligence::Thoroughness;
using testing::kAexy;
using testing::kLoupe;

// 28 words, one code block, one question; "why", "consider", "instead" and "```" are thorough
// patterns.
constexpr const char* kDetailedBody =
    "Why do we parse twice? Consider caching the result instead:\n```\nauto x = Parse(s);\n```\n"
    "That would also keep the error path in one place for callers.";

TEST_CASE("ReviewQuality: superficial reviews", "[intelligence][reviews]") {
  const auto a = AnalyzeReview("LGTM", 0);
  CHECK(a.superficial);
  CHECK(a.depth_score == 1.0);
  CHECK(a.thoroughness == Thoroughness::kCursory);
  CHECK(AnalyzeReview("  👍 ", 0).superficial);
  CHECK(AnalyzeReview("shipit", 0, kAexy).superficial);
  // The seed wants the exact text; loupe strips trailing punctuation and knows a few more.
  CHECK_FALSE(AnalyzeReview("LGTM!", 0, kAexy).superficial);
  CHECK(AnalyzeReview("LGTM!", 0, kLoupe).superficial);
  CHECK(AnalyzeReview("Looks good to me.", 0, kLoupe).superficial);
  CHECK_FALSE(AnalyzeReview("LGTM, but why the sleep?", 0).superficial);
}

TEST_CASE("ReviewQuality: depth score adds words code blocks questions comments and patterns",
          "[intelligence][reviews]") {
  // 1.0 + 0.25 (28 words >= 20) + 0.25 (1 code block) + 0.25 (1 question) + 0.25 (5 comments)
  // + 4 patterns x 0.15 = 0.6 -> 2.6, standard.
  const auto a = AnalyzeReview(kDetailedBody, 5);
  CHECK(a.word_count == 28);
  CHECK(a.code_block_count == 1);
  CHECK(a.question_count == 1);
  CHECK(a.depth_score == Approx(2.6));
  CHECK(a.thoroughness == Thoroughness::kStandard);
  CHECK(a.has_suggestions);
  CHECK(a.has_code_examples);
  CHECK(a.mentoring_indicators.empty());
}

TEST_CASE("ReviewQuality: issue 5 - inline comments count towards depth", "[intelligence][reviews][regression]") {
  // aexy §9.1 item 2: the seed never fills comments_count, so the same review scores 2.35 there
  // (the 0.25 of its 5 inline comments missing); Loupe counts the review's inline comments: 2.6.
  CHECK(AnalyzeReview(kDetailedBody, 0).depth_score == Approx(2.35));
  testing::MetricWorld world;
  world.Person("ana");
  world.Person("bo");
  const auto pr = world.Pr("bo", "2024-01-08T00:00:00Z");
  world.Review("ana", pr, "2024-01-09T10:00:00Z", model::ReviewState::kCommented, 5, kDetailedBody);
  const testing::Built built(world, kLoupe);
  const uint32_t ana = built.Dev("ana");
  const auto s = intelligence::ReviewQuality(world.ws, built.ctx, std::span(&ana, 1), testing::WeekOf("2024-01-08"));
  CHECK(s.average_depth_score == Approx(2.6));
}

TEST_CASE("ReviewQuality: the depth reaches 5 with every signal at its top tier", "[intelligence][reviews]") {
  // 1.0 + 1.5 (>= 200 words) + 0.5 (2 code blocks) + 0.5 (3 questions) + 0.5 (10 comments)
  // + min(1.0, 8 patterns x 0.15) = 5.0, exhaustive.
  std::string body = "why because suggestion alternative consider instead example? ``` a ``` ``` b ``` ? ?";
  for (int i = 0; i < 200; ++i) body += " word";
  const auto a = AnalyzeReview(body, 10);
  CHECK(a.depth_score == Approx(5.0));
  CHECK(a.thoroughness == Thoroughness::kExhaustive);
}

TEST_CASE("ReviewQuality: thoroughness thresholds", "[intelligence][reviews]") {
  CHECK(intelligence::ThoroughnessOf(4.0) == Thoroughness::kExhaustive);
  CHECK(intelligence::ThoroughnessOf(3.99) == Thoroughness::kDetailed);
  CHECK(intelligence::ThoroughnessOf(3.0) == Thoroughness::kDetailed);
  CHECK(intelligence::ThoroughnessOf(2.0) == Thoroughness::kStandard);
  CHECK(intelligence::ThoroughnessOf(1.99) == Thoroughness::kCursory);
}

TEST_CASE("ReviewQuality: mentoring indicators in the table's order", "[intelligence][reviews]") {
  const char* body =
      "For example, see the docs at https://example.dev/guide. I'd recommend one approach: try a map "
      "instead. Tips: learn the API first.";
  CHECK(AnalyzeReview(body, 0).mentoring_indicators ==
        std::vector<std::string>{"provides_examples", "teaching_moment", "gives_tips", "gives_recommendations",
                                 "offers_alternatives", "references_docs", "shares_resources",
                                 "suggests_improvements"});
  // The seed's patterns are exact words: "Tips" is not "tip" there.
  const auto seed = AnalyzeReview(body, 0, kAexy).mentoring_indicators;
  CHECK(std::find(seed.begin(), seed.end(), "gives_tips") == seed.end());
  CHECK(AnalyzeReview("Let me explain why: the lock is held.", 0).mentoring_indicators ==
        std::vector<std::string>{"explains_why"});
}

TEST_CASE("ReviewQuality: a developer's reviews over a window", "[intelligence][reviews]") {
  testing::MetricWorld world;
  world.Person("ana");
  world.Person("bo");
  const auto pr = world.Pr("bo", "2024-01-08T00:00:00Z");
  const auto own = world.Pr("ana", "2024-01-08T00:00:00Z");
  world.Review("ana", pr, "2024-01-09T10:00:00Z", model::ReviewState::kApproved, 0, "LGTM");
  world.Review("ana", pr, "2024-01-10T10:00:00Z", model::ReviewState::kCommented, 5, kDetailedBody);
  world.Review("ana", pr, "2024-01-11T12:00:00Z", model::ReviewState::kCommented, 0,
               "Why not reuse the helper? For example the one in util.");
  world.Review("ana", pr, "2024-01-12T02:00:00Z", model::ReviewState::kApproved, 0, "Ok.");
  world.Review("ana", own, "2024-01-12T12:00:00Z", model::ReviewState::kCommented, 0, "");  // self-review
  world.Review("ana", pr, "2024-01-25T10:00:00Z", model::ReviewState::kApproved, 0, "later");
  const Window two_weeks = testing::Between("2024-01-08T00:00:00Z", "2024-01-22T00:00:00Z");

  const testing::Built built(world, kLoupe);
  const uint32_t ana = built.Dev("ana");
  const auto s = intelligence::ReviewQuality(world.ws, built.ctx, std::span(&ana, 1), two_weeks);
  // Four reviews (the self-review and the one after the window are left out) over 2 weeks: 2.0
  // per week -> moderate. Depths: LGTM 1.0, the detailed one 2.6, "Why not reuse…" 1.0 + 0.25
  // (one question) + 0.3 (why, example) = 1.55, "Ok." 1.0 -> mean 6.15 / 4 = 1.5375.
  CHECK(s.total_reviews == 4);
  CHECK(s.reviews_per_week == Approx(2.0));
  CHECK(s.review_rate == "moderate");
  CHECK(s.average_depth_score == Approx(1.5375));
  CHECK(s.thoroughness_distribution[size_t(Thoroughness::kCursory)] == 3);
  CHECK(s.thoroughness_distribution[size_t(Thoroughness::kStandard)] == 1);
  CHECK(s.reviews_with_suggestions == 1);
  CHECK(s.reviews_with_code_examples == 1);
  CHECK(s.top_mentoring_behaviors == std::vector<std::pair<std::string, int64_t>>{{"provides_examples", 1}});
  CHECK(s.mentoring_score == Approx(0.2));  // 1 distinct indicator / 5
  JsonWriter w;
  intelligence::WriteJson(w, s);
  CHECK(w.str() ==
        R"({"total_reviews":4,"reviews_per_week":2,"review_rate":"moderate","average_depth_score":1.54,)"
        R"("thoroughness_distribution":{"cursory":3,"standard":1,"detailed":0,"exhaustive":0},)"
        R"("top_mentoring_behaviors":[["provides_examples",1]],"mentoring_score":0.2,)"
        R"("reviews_with_suggestions":1,"reviews_with_code_examples":1})");

  // The seed counts the self-review too, and averages depths rounded as Python's round(x, 1)
  // does (1.55 is stored just above 1.55 -> 1.6): (1.0 + 2.6 + 1.6 + 1.0 + 1.0) / 5 = 1.44.
  const testing::Built seed(world, kAexy);
  const uint32_t ana_seed = seed.Dev("ana");
  const auto s_seed = intelligence::ReviewQuality(world.ws, seed.ctx, std::span(&ana_seed, 1), two_weeks);
  CHECK(s_seed.total_reviews == 5);
  CHECK(s_seed.average_depth_score == Approx(1.44));
}

TEST_CASE("ReviewQuality: review rate tiers per week", "[intelligence][reviews]") {
  // One review in a one-day window: weeks = max(1/7, 1) = 1 -> 1 per week -> occasional.
  testing::MetricWorld world;
  world.Person("ana");
  world.Person("bo");
  const auto pr = world.Pr("bo", "2024-01-08T00:00:00Z");
  world.Review("ana", pr, "2024-01-08T10:00:00Z", model::ReviewState::kApproved, 0, "fine");
  const testing::Built built(world, kLoupe);
  const uint32_t ana = built.Dev("ana");
  const auto day = testing::Between("2024-01-08T00:00:00Z", "2024-01-09T00:00:00Z");
  const auto s = intelligence::ReviewQuality(world.ws, built.ctx, std::span(&ana, 1), day);
  CHECK(s.reviews_per_week == Approx(1.0));
  CHECK(s.review_rate == "occasional");
  // Over eight weeks the same review is 1/8 = 0.125 per week -> rare.
  const auto weeks8 = testing::Between("2024-01-08T00:00:00Z", "2024-03-04T00:00:00Z");
  CHECK(intelligence::ReviewQuality(world.ws, built.ctx, std::span(&ana, 1), weeks8).review_rate == "rare");
}

TEST_CASE("ReviewQuality: issue 5 - no reviews still gives the full shape", "[intelligence][reviews][regression]") {
  // aexy §9.2 item 7: the seed answers 3 keys where its response model needs 7 (HTTP 500).
  testing::MetricWorld world;
  world.Person("ana");
  const testing::Built built(world, kLoupe);
  const uint32_t ana = built.Dev("ana");
  const auto s = intelligence::ReviewQuality(world.ws, built.ctx, std::span(&ana, 1), testing::WeekOf("2024-01-08"));
  JsonWriter w;
  intelligence::WriteJson(w, s);
  CHECK(w.str() ==
        R"({"total_reviews":0,"reviews_per_week":0,"review_rate":"none","average_depth_score":0,)"
        R"("thoroughness_distribution":{"cursory":0,"standard":0,"detailed":0,"exhaustive":0},)"
        R"("top_mentoring_behaviors":[],"mentoring_score":0,"reviews_with_suggestions":0,"reviews_with_code_examples":0})");
}

TEST_CASE("ReviewQuality: response times from PR creation", "[intelligence][reviews]") {
  testing::MetricWorld world;
  world.Person("ana");
  world.Person("bo");
  const auto pr = world.Pr("bo", "2024-01-08T00:00:00Z");
  const auto late = world.Pr("bo", "2024-01-12T00:00:00Z");
  world.Review("ana", pr, "2024-01-09T10:00:00Z");    // 34 h
  world.Review("ana", pr, "2024-01-10T10:00:00Z");    // 58 h
  world.Review("ana", pr, "2024-01-11T12:00:00Z");    // 84 h
  world.Review("ana", late, "2024-01-12T02:00:00Z");  // 2 h
  world.Review("ana", pr, "2024-01-16T08:00:00Z");    // 200 h: >= 168, left out
  const auto two_weeks = testing::Between("2024-01-08T00:00:00Z", "2024-01-22T00:00:00Z");
  const testing::Built built(world, kLoupe);
  const auto t = intelligence::ReviewResponseTimes(built.ctx, built.Dev("ana"), two_weeks);
  // Kept: 2, 34, 58, 84 -> mean 178 / 4 = 44.5; median (34 + 58) / 2 = 46.
  CHECK(t.reviews_analyzed == 4);
  CHECK(*t.average_hours == Approx(44.5));
  CHECK(*t.median_hours == Approx(46));
  CHECK(*t.fastest_hours == Approx(2));
  CHECK(*t.slowest_hours == Approx(84));
  // The seed's median is element n / 2 of the sorted list: 58.
  const testing::Built seed(world, kAexy);
  CHECK(*intelligence::ReviewResponseTimes(seed.ctx, seed.Dev("ana"), two_weeks).median_hours == Approx(58));
  JsonWriter w;
  intelligence::WriteJson(w, intelligence::ReviewResponseTimes(built.ctx, built.Dev("bo"), two_weeks));
  CHECK(w.str() ==
        R"({"average_response_hours":null,"median_response_hours":null,"fastest_response_hours":null,)"
        R"("slowest_response_hours":null,"reviews_analyzed":0})");
}

}  // namespace
}  // namespace loupe
