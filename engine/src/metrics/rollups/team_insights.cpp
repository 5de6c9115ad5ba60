#include "loupe/metrics/rollups/team_insights.h"

#include <algorithm>

namespace loupe::metrics {

TeamAggregate AggregateMembers(const TeamDistribution& distribution) {
  TeamAggregate a;
  for (const MemberMetrics& m : distribution.member_metrics) {
    a.total_commits += m.commits_count;
    a.total_prs_merged += m.prs_merged;
    a.total_lines_changed += m.lines_changed;
    a.total_reviews += m.reviews_given;
  }
  const double members = static_cast<double>(std::max<size_t>(distribution.member_metrics.size(), 1));
  a.avg_commits_per_member = static_cast<double>(a.total_commits) / members;
  a.avg_prs_per_member = static_cast<double>(a.total_prs_merged) / members;
  return a;
}

TeamInsights ComputeTeamInsights(const MetricContext& ctx, std::string team, std::span<const uint32_t> members,
                                 const Window& window, PeriodType period_type,
                                 const DistributionOptions& options) {
  TeamInsights t;
  t.team = std::move(team);
  t.window = window;
  t.period_type = period_type;
  t.distribution = ComputeTeamDistribution(ctx, members, window, options);
  t.member_count = static_cast<int64_t>(t.distribution.member_metrics.size());
  t.aggregate = AggregateMembers(t.distribution);
  return t;
}

void WriteJson(JsonWriter& w, const TeamInsights& t, const identity::Resolution& resolution,
               MetricProfile profile, Instant computed_at) {
  w.BeginObject();
  if (t.team.empty()) {
    w.Key("team_id").Null();
  } else {
    w.Field("team_id", t.team);
  }
  w.Field("period_start", FormatIsoInstant(t.window.start)).Field("period_end", FormatIsoInstant(t.window.end));
  w.Field("period_type", PeriodTypeName(t.period_type)).Field("member_count", t.member_count);
  w.Key("aggregate").BeginObject();
  w.Field("total_commits", t.aggregate.total_commits).Field("total_prs_merged", t.aggregate.total_prs_merged);
  w.Field("total_lines_changed", t.aggregate.total_lines_changed).Field("total_reviews", t.aggregate.total_reviews);
  w.Key("avg_commits_per_member").Double(t.aggregate.avg_commits_per_member, 2);
  w.Key("avg_prs_per_member").Double(t.aggregate.avg_prs_per_member, 2);
  w.EndObject();
  w.Key("distribution");
  WriteJson(w, t.distribution, resolution, profile);
  w.Field("computed_at", FormatIsoInstant(computed_at));
  w.EndObject();
}

}  // namespace loupe::metrics
