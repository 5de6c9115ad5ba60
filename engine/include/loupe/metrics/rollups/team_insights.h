// loupe/metrics/rollups/team_insights.h — a team's (or the whole workspace's) totals and workload
// distribution over one window (aexy §4.3).
#pragma once
#include <cstdint>
#include <span>
#include <string>

#include "loupe/core/json_writer.h"
#include "loupe/core/period.h"
#include "loupe/metrics/rollups/team_distribution.h"

namespace loupe::metrics {

//! Aexy's aggregate of a team: sums over the distribution's member rows.
struct TeamAggregate {
  int64_t total_commits = 0;
  int64_t total_prs_merged = 0;
  int64_t total_lines_changed = 0;
  int64_t total_reviews = 0;           //!< reviews given
  double avg_commits_per_member = 0;   //!< total / member rows (at least 1)
  double avg_prs_per_member = 0;
};

//! Sums the rows of a distribution.
TeamAggregate AggregateMembers(const TeamDistribution& distribution);

struct TeamInsights {
  std::string team;                  //!< the team's name; "" = the whole workspace
  Window window;
  PeriodType period_type = PeriodType::kCustom;  //!< a label: the window is what was computed
  int64_t member_count = 0;          //!< member rows after leaving out inactive ones (if asked)
  TeamAggregate aggregate;
  TeamDistribution distribution;
};

//! The insights of a group of members (see TeamPopulation / WorkspacePopulation).
TeamInsights ComputeTeamInsights(const MetricContext& ctx, std::string team, std::span<const uint32_t> members,
                                 const Window& window, PeriodType period_type,
                                 const DistributionOptions& options);

//! Aexy's TeamInsightsResponse: {team_id (the name, null for the workspace), period_start,
//! period_end, period_type, member_count, aggregate{total_commits, total_prs_merged,
//! total_lines_changed, total_reviews, avg_commits_per_member, avg_prs_per_member (2 dp)},
//! distribution{…}, computed_at}.
void WriteJson(JsonWriter& w, const TeamInsights& t, const identity::Resolution& resolution,
               MetricProfile profile, Instant computed_at);

}  // namespace loupe::metrics
