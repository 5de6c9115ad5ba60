#include "loupe/metrics/rollups/percentile.h"

#include <algorithm>

#include "loupe/metrics/categories.h"
#include "loupe/metrics/rollups/rankable_metrics.h"
#include "loupe/metrics/rollups/ranking.h"
#include "loupe/metrics/rollups/rounding.h"

namespace loupe::metrics {

namespace {

constexpr std::string_view kPercentileMetrics[] = {
    "commits",       "prs_merged",    "lines_changed",           "commit_frequency",
    "pr_throughput", "pr_merge_rate", "avg_pr_cycle_time_hours", "review_participation_rate",
    "avg_review_depth", "unique_collaborators", "reviews_given"};

}  // namespace

PercentileRanking ComputePercentileRanking(const MetricContext& ctx, uint32_t subject,
                                           std::span<const uint32_t> peers, const Window& window) {
  PercentileRanking p;
  p.developer = subject;
  p.peer_count = static_cast<int64_t>(peers.size());
  std::vector<uint32_t> group;
  for (uint32_t d : peers) {
    if (std::find(group.begin(), group.end(), d) == group.end()) group.push_back(d);
  }
  if (std::find(group.begin(), group.end(), subject) == group.end()) group.push_back(subject);
  const size_t self = static_cast<size_t>(std::find(group.begin(), group.end(), subject) - group.begin());

  // Sustainability plays no part in the standings, so it is not computed.
  std::vector<DeveloperInsights> insights;
  insights.reserve(group.size());
  for (uint32_t d : group) {
    DeveloperInsights i;
    i.velocity = ComputeVelocity(ctx, d, window);
    i.efficiency = ComputeEfficiency(ctx, d, window);
    i.quality = ComputeQuality(ctx, d, window);
    i.collaboration = ComputeCollaboration(ctx, d, window);
    insights.push_back(i);
  }
  const auto n = static_cast<int64_t>(group.size());
  for (std::string_view name : kPercentileMetrics) {
    auto found = FindRankableMetric(name);
    LOUPE_ASSERT(found.ok(), "percentile metrics are rankable metrics");
    const RankableMetric& metric = **found;
    std::vector<double> values;
    for (const DeveloperInsights& i : insights) values.push_back(metric.value(i));
    const int64_t rank = Ranks(values, metric.lower_is_better, LeaderboardTieRule(ctx.profile))[self];
    const double share = static_cast<double>(n - rank) / static_cast<double>(std::max<int64_t>(n - 1, 1));
    const auto percentile = static_cast<int64_t>(RoundHalfEven(share * 100.0, 0));
    p.rankings.push_back({metric.name, values[self], metric.integer, std::clamp<int64_t>(percentile, 0, 100), rank, n});
  }
  return p;
}

void WriteJson(JsonWriter& w, const PercentileRanking& p) {
  w.BeginObject().Field("peer_count", p.peer_count);
  w.Key("rankings").BeginObject();
  for (const MetricStanding& s : p.rankings) {
    w.Key(s.metric).BeginObject();
    if (s.integer) {
      w.Field("value", static_cast<int64_t>(s.value));
    } else {
      w.Key("value").Double(s.value, 2);
    }
    w.Field("percentile", s.percentile).Field("rank", s.rank).Field("total", s.total);
    w.EndObject();
  }
  w.EndObject();
  w.EndObject();
}

}  // namespace loupe::metrics
