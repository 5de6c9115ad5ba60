#include "loupe/metrics/rollups/ranking.h"

#include <algorithm>
#include <numeric>

namespace loupe::metrics {

TieRule LeaderboardTieRule(MetricProfile profile) {
  return profile == MetricProfile::kAexyCompat ? TieRule::kPositional : TieRule::kShared;
}

std::vector<int64_t> Ranks(std::span<const double> values, bool lower_is_better, TieRule rule) {
  auto better = [&](double a, double b) { return lower_is_better ? a < b : a > b; };
  std::vector<int64_t> ranks(values.size());
  if (rule == TieRule::kShared) {
    for (size_t i = 0; i < values.size(); ++i) {
      ranks[i] = 1 + std::count_if(values.begin(), values.end(), [&](double v) { return better(v, values[i]); });
    }
    return ranks;
  }
  std::vector<size_t> order(values.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return better(values[a], values[b]); });
  for (size_t pos = 0; pos < order.size(); ++pos) ranks[order[pos]] = static_cast<int64_t>(pos + 1);
  return ranks;
}

double Median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const size_t mid = values.size() / 2;
  return values.size() % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
}

}  // namespace loupe::metrics
