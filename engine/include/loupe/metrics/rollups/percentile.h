// loupe/metrics/rollups/percentile.h — where a developer stands among peers on 11 metrics
// (aexy §2.11).
#pragma once
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "loupe/core/json_writer.h"
#include "loupe/metrics/context.h"

namespace loupe::metrics {

struct MetricStanding {
  std::string_view metric;
  double value = 0;
  bool integer = false;
  int64_t percentile = 0;  //!< share of the other peers this developer is ahead of, 0..100
  int64_t rank = 0;        //!< 1 = best
  int64_t total = 0;       //!< peers ranked, the subject included
};

struct PercentileRanking {
  uint32_t developer = 0;
  int64_t peer_count = 0;  //!< peers as given (the subject is added when absent)
  //! commits, prs_merged, lines_changed, commit_frequency, pr_throughput, pr_merge_rate,
  //! avg_pr_cycle_time_hours (lower is better), review_participation_rate, avg_review_depth,
  //! unique_collaborators, reviews_given.
  std::vector<MetricStanding> rankings;
};

//! Ranks the subject among `peers` on each metric (Ranks() with LeaderboardTieRule: loupe shares
//! ranks between ties, aexy-compat ranks ties by peer order, the subject appended last when
//! absent); percentile = round((n − rank) / max(n − 1, 1) × 100), ties to even, in 0..100.
PercentileRanking ComputePercentileRanking(const MetricContext& ctx, uint32_t subject,
                                           std::span<const uint32_t> peers, const Window& window);

//! {peer_count, rankings: {metric: {value (2 dp unless a count), percentile, rank, total}}}
void WriteJson(JsonWriter& w, const PercentileRanking& p);

}  // namespace loupe::metrics
