#include "loupe/metrics/rollups/leaderboard.h"

#include <algorithm>
#include <numeric>
#include <string>

#include "loupe/metrics/rollups/ranking.h"

namespace loupe::metrics {

Result<Leaderboard> ComputeLeaderboard(const MetricContext& ctx, std::span<const uint32_t> population,
                                       const Window& window, PeriodType period_type, std::string_view metric,
                                       int64_t limit) {
  LOUPE_ASSIGN_OR_RETURN(const RankableMetric* found, FindRankableMetric(metric));
  if (limit < 1 || limit > kMaxLeaderboardLimit) {
    return InvalidInput("the leaderboard limit must be between 1 and " + std::to_string(kMaxLeaderboardLimit) +
                        ", got " + std::to_string(limit));
  }
  Leaderboard board;
  board.metric = found;
  board.window = window;
  board.period_type = period_type;

  struct Row {
    uint32_t developer;
    DeveloperInsights insights;
  };
  std::vector<Row> rows;
  for (uint32_t d : population) {
    if (std::any_of(rows.begin(), rows.end(), [&](const Row& r) { return r.developer == d; })) continue;
    rows.push_back({d, ComputeInsights(ctx, d, window)});
  }
  if (found->has_value != nullptr) {
    std::erase_if(rows, [&](const Row& r) { return !found->has_value(r.insights); });
  }
  // The seed's member order (its distribution rows) decides between equal values.
  const auto& developers = ctx.resolution.developers();
  std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
    if (a.insights.velocity.commits_count != b.insights.velocity.commits_count) {
      return a.insights.velocity.commits_count > b.insights.velocity.commits_count;
    }
    return developers[a.developer].id < developers[b.developer].id;
  });
  std::vector<double> values;
  for (const Row& r : rows) values.push_back(found->value(r.insights));
  const std::vector<int64_t> ranks = Ranks(values, found->lower_is_better, LeaderboardTieRule(ctx.profile));
  std::vector<size_t> order(rows.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return found->lower_is_better ? values[a] < values[b] : values[a] > values[b];
  });
  for (size_t i = 0; i < order.size() && static_cast<int64_t>(i) < limit; ++i) {
    board.entries.push_back({rows[order[i]].developer, values[order[i]], ranks[order[i]]});
  }
  return board;
}

void WriteJson(JsonWriter& w, const Leaderboard& board, const identity::Resolution& resolution) {
  w.BeginObject().Field("metric", board.metric->name).Field("period_type", PeriodTypeName(board.period_type));
  w.Field("period_start", FormatIsoInstant(board.window.start)).Field("period_end", FormatIsoInstant(board.window.end));
  w.Key("entries").BeginArray();
  for (const LeaderboardEntry& e : board.entries) {
    const identity::Developer& d = resolution.developers()[e.developer];
    w.BeginObject().Field("developer_id", static_cast<int64_t>(d.id)).Field("developer_name", d.name);
    // The seed sends every value as a float; counts stay exact in a double.
    w.Key("value").Double(e.value, board.metric->integer ? 0 : 2);
    w.Field("rank", e.rank).EndObject();
  }
  w.EndArray();
  w.EndObject();
}

}  // namespace loupe::metrics
