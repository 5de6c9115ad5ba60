#include "loupe/metrics/rollups/population.h"

#include <algorithm>

#include "loupe/metrics/rollups/commit_rows.h"

namespace loupe::metrics {

std::vector<uint32_t> WorkspacePopulation(const MetricContext& ctx) {
  std::vector<uint32_t> out;
  const auto& developers = ctx.resolution.developers();
  for (uint32_t d = 0; d < developers.size(); ++d) {
    if (ctx.aexy() || !developers[d].is_bot) out.push_back(d);
  }
  return out;
}

std::vector<uint32_t> TeamPopulation(const MetricContext& ctx, uint32_t team) {
  std::vector<uint32_t> out;
  for (uint32_t d : ctx.teams.members(team)) {
    if (ctx.aexy() || !ctx.IsBot(d)) out.push_back(d);
  }
  return out;
}

namespace {

// The latest time before `end` among `rows`, which are sorted ascending by time_of (rows without
// a time, kNoInstant, sort first).
template <typename TimeOf>
Instant LatestBefore(std::span<const uint32_t> rows, Instant end, TimeOf time_of) {
  auto it = std::partition_point(rows.begin(), rows.end(), [&](uint32_t r) { return time_of(r) < end; });
  return it == rows.begin() ? kNoInstant : time_of(*(it - 1));
}

}  // namespace

Instant LastActivityBefore(const MetricContext& ctx, uint32_t developer, Instant end) {
  const store::PullRequestColumns& p = ctx.store.pull_requests();
  const store::ReviewColumns& r = ctx.store.reviews();
  const auto commits = ctx.aexy() ? ctx.store.CommitsOfByCommitted(developer) : ctx.store.CommitsOf(developer);
  Instant last = LatestBefore(commits, end, [&](uint32_t row) { return CommitInstant(ctx, row); });
  last = std::max(last, LatestBefore(ctx.store.PullRequestsOf(developer), end, [&](uint32_t row) { return p.created[row]; }));
  last = std::max(last, LatestBefore(ctx.store.MergedPullRequestsOf(developer), end, [&](uint32_t row) { return p.merged[row]; }));
  last = std::max(last, LatestBefore(ctx.store.ReviewsBy(developer), end, [&](uint32_t row) { return r.submitted[row]; }));
  return last;
}

}  // namespace loupe::metrics
