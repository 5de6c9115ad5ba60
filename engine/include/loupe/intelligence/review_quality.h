// loupe/intelligence/review_quality.h — how deep and how helpful a developer's code reviews are
// (aexy §3.2): per review a depth score, a thoroughness label and mentoring indicators; per
// developer and window the review rate, averages and response times. The `loupe` profile counts
// the review's inline comments (the seed never filled them, §9.1 item 2), leaves out self-reviews
// and bots (§9.1 item 6), and always answers the full shape (§9.2 item 7).
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "loupe/core/json_writer.h"
#include "loupe/core/period.h"
#include "loupe/metrics/context.h"
#include "loupe/model/workspace.h"

namespace loupe::intelligence {

enum class Thoroughness : uint8_t { kCursory = 0, kStandard, kDetailed, kExhaustive };
inline constexpr size_t kThoroughnessCount = 4;
std::string_view ThoroughnessName(Thoroughness t);  //!< "cursory", "standard", "detailed", "exhaustive"
//! >= 4.0 exhaustive, >= 3.0 detailed, >= 2.0 standard, else cursory.
Thoroughness ThoroughnessOf(double depth_score);

//! The analysis of one review.
struct ReviewAnalysis {
  double depth_score = 1.0;  //!< 1.0–5.0
  Thoroughness thoroughness = Thoroughness::kCursory;
  bool superficial = false;  //!< "LGTM", "+1", "👍" and the like, nothing more
  bool has_suggestions = false;
  bool has_code_examples = false;
  std::vector<std::string> mentoring_indicators;  //!< distinct, in the table's order
  int64_t word_count = 0;
  int64_t code_block_count = 0;
  int64_t question_count = 0;
  int64_t comments_count = 0;  //!< the review's inline comments
};

//! Analyzes a review body with its inline comment count.
ReviewAnalysis AnalyzeReview(std::string_view body, int64_t comments_count,
                             metrics::MetricProfile profile = metrics::MetricProfile::kLoupe);

//! A developer's (or several developers') reviews over a window.
struct ReviewQualityStats {
  int64_t total_reviews = 0;
  double reviews_per_week = 0;   //!< total / max(window weeks, 1)
  std::string review_rate = "none";  //!< very_active >= 10/week, active >= 5, moderate >= 2, occasional >= 0.5, rare, none
  double average_depth_score = 0;    //!< 0 without reviews
  std::array<int64_t, kThoroughnessCount> thoroughness_distribution{};
  std::vector<std::pair<std::string, int64_t>> top_mentoring_behaviors;  //!< count desc, then table order; at most 5
  double mentoring_score = 0;  //!< min(1, distinct indicators / 5)
  int64_t reviews_with_suggestions = 0;
  int64_t reviews_with_code_examples = 0;
};

//! Reviews submitted in the window by the developers (loupe: not on their own PRs, not bots'
//! — a bot developer has none; pending reviews never count).
ReviewQualityStats ReviewQuality(const model::Workspace& ws, const metrics::MetricContext& ctx,
                                 std::span<const uint32_t> developers, const Window& window);

//! Hours from a PR's creation to the developer's reviews of it, kept when 0 < h < 168.
struct ReviewResponseTime {
  int64_t reviews_analyzed = 0;
  std::optional<double> average_hours;  //!< nullopt when no review was kept
  std::optional<double> median_hours;   //!< loupe: the median; aexy-compat: element n / 2
  std::optional<double> fastest_hours;
  std::optional<double> slowest_hours;
};
ReviewResponseTime ReviewResponseTimes(const metrics::MetricContext& ctx, uint32_t developer, const Window& window);

//! The seed's stored form: {depth_score (1 dp), thoroughness, has_suggestions, has_code_examples,
//! mentoring_indicators, word_count, code_block_count, question_count}, plus superficial and
//! comments_count.
void WriteJson(JsonWriter& w, const ReviewAnalysis& analysis);
//! {total_reviews, reviews_per_week (2 dp), review_rate, average_depth_score (2 dp),
//! thoroughness_distribution{label: count}, top_mentoring_behaviors[[indicator, count]],
//! mentoring_score (2 dp), reviews_with_suggestions, reviews_with_code_examples}.
void WriteJson(JsonWriter& w, const ReviewQualityStats& stats);
//! {average_response_hours, median_response_hours, fastest_response_hours,
//! slowest_response_hours (1 dp or null), reviews_analyzed}.
void WriteJson(JsonWriter& w, const ReviewResponseTime& times);

}  // namespace loupe::intelligence
