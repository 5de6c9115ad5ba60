// loupe/metrics/rollups/ranking.h — ranks, medians and percentiles over a group of developers.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "loupe/metrics/profile.h"

namespace loupe::metrics {

//! How equal values are ranked.
enum class TieRule : uint8_t {
  kShared,      //!< competition ranking: 1 + the number of strictly better values (1, 1, 3)
  kPositional,  //!< the position after a stable sort: ties ranked by input order (1, 2, 3)
};

//! Leaderboards and percentiles: loupe shares ranks between ties; aexy-compat ranks them by input
//! order (§9.3.9).
TieRule LeaderboardTieRule(MetricProfile profile);

//! The rank (1 = best) of every value, in input order. Higher is better unless `lower_is_better`.
std::vector<int64_t> Ranks(std::span<const double> values, bool lower_is_better, TieRule rule);

//! The middle value, or the mean of the two middle values for an even count; 0 for none.
double Median(std::vector<double> values);

}  // namespace loupe::metrics
