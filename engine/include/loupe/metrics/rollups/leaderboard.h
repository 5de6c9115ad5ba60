// loupe/metrics/rollups/leaderboard.h — developers ordered by one metric (aexy §4.4).
#pragma once
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "loupe/core/json_writer.h"
#include "loupe/core/period.h"
#include "loupe/core/status.h"
#include "loupe/metrics/rollups/rankable_metrics.h"

namespace loupe::metrics {

inline constexpr int64_t kDefaultLeaderboardLimit = 10;
inline constexpr int64_t kMaxLeaderboardLimit = 50;

struct LeaderboardEntry {
  uint32_t developer = 0;
  double value = 0;
  int64_t rank = 0;  //!< loupe: ties share a rank (1, 1, 3); aexy-compat: 1..n by position
};

struct Leaderboard {
  const RankableMetric* metric = nullptr;
  Window window;
  PeriodType period_type = PeriodType::kCustom;
  std::vector<LeaderboardEntry> entries;  //!< best first, at most the limit
};

//! Ranks `population` on `metric` (any RankableMetrics() name; others are InvalidInput naming the
//! accepted ones — the seed silently used commits) and keeps the first `limit` (1..50, else
//! InvalidInput). Order: better value first; ties by the seed's member order (more commits, then
//! ascending developer id). Developers without a value for an average are left out.
Result<Leaderboard> ComputeLeaderboard(const MetricContext& ctx, std::span<const uint32_t> population,
                                       const Window& window, PeriodType period_type, std::string_view metric,
                                       int64_t limit);

//! {metric, period_type, period_start, period_end, entries[{developer_id, developer_name, value,
//! rank}]}
void WriteJson(JsonWriter& w, const Leaderboard& board, const identity::Resolution& resolution);

}  // namespace loupe::metrics
