#include "loupe/metrics/rollups/rankable_metrics.h"

#include <string>

#include "loupe/core/strings.h"

namespace loupe::metrics {

namespace {

using I = DeveloperInsights;

double D(int64_t v) { return static_cast<double>(v); }
// Populations of the averages: an average over nothing is no value at all.
bool HasCreatedPrs(const I& i) { return i.efficiency.prs_created > 0; }
bool HasMergedCreatedPrs(const I& i) { return i.efficiency.pr_merge_rate > 0; }
bool HasReviewsGiven(const I& i) { return i.collaboration.review_given_count > 0; }
bool HasMergedPrs(const I& i) { return i.velocity.prs_merged > 0; }

constexpr RankableMetric kMetrics[] = {
    // The seed's leaderboard metrics.
    {"commits", false, true, [](const I& i) { return D(i.velocity.commits_count); }, nullptr},
    {"prs_merged", false, true, [](const I& i) { return D(i.velocity.prs_merged); }, nullptr},
    {"lines_changed", false, true, [](const I& i) { return D(i.velocity.lines_added + i.velocity.lines_removed); }, nullptr},
    {"reviews_given", false, true, [](const I& i) { return D(i.collaboration.review_given_count); }, nullptr},
    // Category keys.
    {"commits_count", false, true, [](const I& i) { return D(i.velocity.commits_count); }, nullptr},
    {"commit_frequency", false, false, [](const I& i) { return i.velocity.commit_frequency; }, nullptr},
    {"pr_throughput", false, false, [](const I& i) { return i.velocity.pr_throughput; }, nullptr},
    {"co_authored_count", false, true, [](const I& i) { return D(i.velocity.co_authored_count); }, nullptr},
    {"prs_created", false, true, [](const I& i) { return D(i.efficiency.prs_created); }, nullptr},
    {"pr_merge_rate", false, false, [](const I& i) { return i.efficiency.pr_merge_rate; }, HasCreatedPrs},
    {"avg_pr_cycle_time_hours", true, false, [](const I& i) { return i.efficiency.avg_pr_cycle_time_hours; },
     HasMergedCreatedPrs},
    {"first_commit_to_merge_hours", true, false, [](const I& i) { return i.efficiency.first_commit_to_merge_hours; },
     HasMergedCreatedPrs},
    {"rework_ratio", true, false, [](const I& i) { return i.efficiency.rework_ratio; }, HasCreatedPrs},
    {"review_participation_rate", false, false, [](const I& i) { return i.quality.review_participation_rate; }, nullptr},
    {"reviews_per_working_day", false, false, [](const I& i) { return i.quality.reviews_per_working_day; }, nullptr},
    {"avg_review_depth", false, false, [](const I& i) { return i.quality.avg_review_depth; }, HasReviewsGiven},
    {"review_turnaround_hours", true, false, [](const I& i) { return i.quality.review_turnaround_hours; },
     HasReviewsGiven},
    {"self_merge_rate", true, false, [](const I& i) { return i.quality.self_merge_rate; }, HasMergedPrs},
    {"unique_collaborators", false, true, [](const I& i) { return D(i.collaboration.unique_collaborators); }, nullptr},
    {"cross_team_pr_ratio", false, false, [](const I& i) { return i.collaboration.cross_team_pr_ratio; }, nullptr},
    {"review_given_count", false, true, [](const I& i) { return D(i.collaboration.review_given_count); }, nullptr},
    {"review_received_count", false, true, [](const I& i) { return D(i.collaboration.review_received_count); }, nullptr},
    {"knowledge_sharing_score", false, false, [](const I& i) { return i.collaboration.knowledge_sharing_score; },
     nullptr},
};

}  // namespace

std::span<const RankableMetric> RankableMetrics() { return kMetrics; }

Result<const RankableMetric*> FindRankableMetric(std::string_view name) {
  std::string names;
  for (const RankableMetric& m : kMetrics) {
    if (m.name == name) return &m;
    names += (names.empty() ? "" : ", ") + std::string(m.name);
  }
  return InvalidInput("unknown metric " + QuoteForMessage(name) + " (expected one of: " + names + ")");
}

}  // namespace loupe::metrics
