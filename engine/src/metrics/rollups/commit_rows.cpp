#include "loupe/metrics/rollups/commit_rows.h"

namespace loupe::metrics {

Instant CommitInstant(const MetricContext& ctx, uint32_t row) {
  return ctx.aexy() ? ctx.store.commits().committed[row] : ctx.store.commits().time[row];
}

std::vector<uint32_t> CountedCommits(const MetricContext& ctx, uint32_t developer, const Window& window) {
  const store::CommitColumns& c = ctx.store.commits();
  const auto rows = ctx.aexy() ? RowsInWindow(ctx, ctx.store.CommitsOfByCommitted(developer), window,
                                              [&](uint32_t r) { return c.committed[r]; })
                               : RowsInWindow(ctx, ctx.store.CommitsOf(developer), window,
                                              [&](uint32_t r) { return c.time[r]; });
  std::vector<uint32_t> out;
  out.reserve(rows.size());
  for (uint32_t row : rows) {
    if (ctx.aexy() || (c.flags[row] & store::kCommitMerge) == 0) out.push_back(row);
  }
  return out;
}

}  // namespace loupe::metrics
