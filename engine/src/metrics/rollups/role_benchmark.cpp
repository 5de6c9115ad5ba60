#include "loupe/metrics/rollups/role_benchmark.h"

#include <algorithm>

#include "loupe/core/strings.h"
#include "loupe/metrics/categories.h"
#include "loupe/metrics/rollups/rankable_metrics.h"
#include "loupe/metrics/rollups/ranking.h"
#include "loupe/metrics/rollups/rounding.h"

namespace loupe::metrics {

namespace {

struct BenchmarkKey {
  std::string_view key;     //!< the seed's key in the benchmark output
  std::string_view metric;  //!< the rankable metric it reads
};

constexpr BenchmarkKey kBenchmarkKeys[] = {
    {"commits_count", "commits_count"},
    {"prs_merged", "prs_merged"},
    {"commit_frequency", "commit_frequency"},
    {"pr_throughput", "pr_throughput"},
    {"avg_pr_cycle_time", "avg_pr_cycle_time_hours"},
    {"pr_merge_rate", "pr_merge_rate"},
    {"review_participation_rate", "review_participation_rate"},
    {"avg_review_depth", "avg_review_depth"},
};

}  // namespace

RoleBenchmark ComputeRoleBenchmark(const MetricContext& ctx, uint32_t subject, std::span<const uint32_t> population,
                                   const Window& window) {
  RoleBenchmark b;
  b.engineering_role = ctx.schedules.Of(subject).role;
  std::vector<uint32_t> peers;
  for (uint32_t d : population) {
    if (std::find(peers.begin(), peers.end(), d) != peers.end()) continue;
    if (b.engineering_role.empty() || EqualsIgnoreCaseAscii(ctx.schedules.Of(d).role, b.engineering_role)) {
      peers.push_back(d);
    }
  }
  if (std::find(peers.begin(), peers.end(), subject) == peers.end()) peers.push_back(subject);
  const size_t self = static_cast<size_t>(std::find(peers.begin(), peers.end(), subject) - peers.begin());
  b.peer_count = static_cast<int64_t>(peers.size());

  std::vector<DeveloperInsights> insights;
  insights.reserve(peers.size());
  for (uint32_t d : peers) {
    DeveloperInsights i;
    i.velocity = ComputeVelocity(ctx, d, window);
    i.efficiency = ComputeEfficiency(ctx, d, window);
    i.quality = ComputeQuality(ctx, d, window);
    insights.push_back(i);
  }
  const auto n = static_cast<int64_t>(peers.size());
  for (const BenchmarkKey& key : kBenchmarkKeys) {
    auto found = FindRankableMetric(key.metric);
    LOUPE_ASSERT(found.ok(), "benchmark metrics are rankable metrics");
    const RankableMetric& metric = **found;
    std::vector<double> values;
    for (const DeveloperInsights& i : insights) values.push_back(metric.value(i));
    Benchmark mark{key.key, values[self], values[self], 100.0, 1, n};
    if (n > 1) {
      // Aexy ranks benchmarks with shared ranks, unlike its leaderboards: both profiles agree here.
      mark.median = Median(values);
      mark.rank = Ranks(values, metric.lower_is_better, TieRule::kShared)[self];
      mark.percentile = std::max(0.0, RoundHalfEven(static_cast<double>(n - mark.rank) / static_cast<double>(n - 1) * 100.0, 1));
    }
    b.benchmarks.push_back(mark);
  }
  return b;
}

void WriteJson(JsonWriter& w, const RoleBenchmark& b) {
  w.BeginObject();
  if (b.engineering_role.empty()) {
    w.Key("engineering_role").Null();
  } else {
    w.Field("engineering_role", b.engineering_role);
  }
  w.Field("peer_count", b.peer_count);
  w.Key("benchmarks").BeginObject();
  for (const Benchmark& m : b.benchmarks) {
    w.Key(m.metric).BeginObject();
    w.Key("value").Double(m.value, 2);
    w.Key("median").Double(m.median, 2);
    w.Key("percentile").Double(m.percentile, 1);
    w.Field("rank", m.rank).Field("total", m.total);
    w.EndObject();
  }
  w.EndObject();
  w.EndObject();
}

}  // namespace loupe::metrics
