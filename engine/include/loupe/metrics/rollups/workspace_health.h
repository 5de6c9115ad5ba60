// loupe/metrics/rollups/workspace_health.h — the workspace-level rollup: who contributed, the
// totals, how evenly, who is at risk of burnout, who is a bottleneck and who went quiet. Its
// JSON is Aexy's executive summary (§2.18).
#pragma once
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "loupe/core/json_writer.h"
#include "loupe/core/period.h"
#include "loupe/metrics/categories.h"
#include "loupe/metrics/rollups/team_distribution.h"

namespace loupe::metrics {

//! Burnout risk, one definition everywhere (the seed's alert templates and executive summary):
//! more than 30 % of the window's commits on non-working days or more than 25 % in the late-night
//! hours, measured by the profile's sustainability category.
inline constexpr double kBurnoutWeekendRatio = 0.30;
inline constexpr double kBurnoutLateNightRatio = 0.25;
bool IsBurnoutRisk(const Sustainability& s);

//! "good" (Gini < 0.3), "moderate" (< 0.5) or "poor".
std::string_view WorkloadBalance(double gini);

struct BurnoutRisk {
  uint32_t developer = 0;
  double weekend_ratio = 0;
  double late_night_ratio = 0;
};

struct BottleneckRisk {
  uint32_t developer = 0;
  int64_t commits = 0;
  double load = 0;
  double ratio_vs_avg = 0;  //!< loupe: load / mean load; aexy-compat: commits / mean commits
};

struct ContributorTotals {
  uint32_t developer = 0;
  int64_t commits = 0;
  int64_t prs_merged = 0;
  int64_t lines_changed = 0;
};

//! A developer of the population with no commit, merged PR or review in the window.
struct InactiveDeveloper {
  uint32_t developer = 0;
  Instant last_activity = kNoInstant;  //!< latest activity before the window's end
};

struct WorkspaceHealth {
  Window window;
  PeriodType period_type = PeriodType::kCustom;
  //! loupe: developers active in the window plus the inactive ones (who had activity before it);
  //! aexy-compat: the whole population given.
  int64_t total_developers = 0;
  int64_t active_developers = 0;  //!< with any count in the window
  int64_t total_commits = 0;
  int64_t total_prs_merged = 0;
  int64_t total_reviews = 0;
  int64_t total_lines_changed = 0;
  double avg_commits_per_dev = 0;  //!< loupe: per active developer; aexy-compat: per developer
  double avg_prs_per_dev = 0;
  double gini_coefficient = 0;     //!< of the loads (loupe: active developers only)
  std::vector<BurnoutRisk> burnout;            //!< in population order
  std::vector<BottleneckRisk> bottlenecks;     //!< most overloaded first
  std::vector<ContributorTotals> top_contributors;  //!< the 5 with most commits
  std::vector<InactiveDeveloper> inactive;     //!< loupe only, longest quiet first
};

//! The rollup over `population` (see WorkspacePopulation). loupe: bottlenecks are the workload
//! distribution's (load > bottleneck_multiplier × mean load), the Gini and averages cover active
//! developers only, and quiet developers are listed. aexy-compat: bottleneck = commits > 2 × mean
//! commits, every developer counts in the Gini and averages, zero rows included (§2.18).
WorkspaceHealth ComputeWorkspaceHealth(const MetricContext& ctx, std::span<const uint32_t> population,
                                       const Window& window, PeriodType period_type,
                                       double bottleneck_multiplier);

//! The seed's executive summary: {period_start, period_end, total_developers, activity{
//! total_commits, total_prs_merged, total_reviews, total_lines_changed, avg_commits_per_dev,
//! avg_prs_per_dev (1 dp)}, health{gini_coefficient, workload_balance, burnout_risk_count,
//! bottleneck_count}, risks{burnout[≤5 {developer_id, developer_name, weekend_ratio,
//! late_night_ratio}], bottlenecks[≤5 {developer_id, developer_name, commits, ratio_vs_avg}]},
//! top_contributors[≤5 {developer_id, developer_name, commits, prs_merged, lines_changed}]}.
//! loupe adds period_type, active_developers, each bottleneck's load and inactive_developers
//! [{developer_id, developer_name, last_activity, days_inactive}]. aexy-compat writes the seed's
//! empty shape (activity {}, health {}, risks []) for an empty population.
void WriteJson(JsonWriter& w, const WorkspaceHealth& h, const identity::Resolution& resolution,
               MetricProfile profile);

}  // namespace loupe::metrics
