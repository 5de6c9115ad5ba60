// loupe/metrics/rollups/rankable_metrics.h — the per-developer values developers can be ranked
// on (leaderboards, percentiles, role benchmarks), with which direction is better.
#pragma once
#include <span>
#include <string_view>

#include "loupe/core/status.h"
#include "loupe/metrics/categories.h"

namespace loupe::metrics {

struct RankableMetric {
  std::string_view name;
  bool lower_is_better;
  bool integer;  //!< a count (JSON writes it without decimals)
  double (*value)(const DeveloperInsights& insights);
  //! Whether the developer has data for an average or rate (a developer with no merged PR has no
  //! cycle time, not a perfect one of 0 h); nullptr for counts, which always have a value.
  bool (*has_value)(const DeveloperInsights& insights);
};

//! The seed's four leaderboard metrics (commits, prs_merged, lines_changed, reviews_given), then
//! the category keys with a clear "better" direction. Not rankable on purpose: sustainability keys
//! (ranking people on weekend work or streaks rewards overwork), sizes and net lines (no better
//! direction), and the time to first review (its population — PRs that got a review — is not
//! known from the category, so "no review yet" would rank as "reviewed instantly").
std::span<const RankableMetric> RankableMetrics();

//! The metric named `name`, or InvalidInput listing the accepted names.
Result<const RankableMetric*> FindRankableMetric(std::string_view name);

}  // namespace loupe::metrics
