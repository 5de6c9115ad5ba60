// loupe/metrics/context.h — what every metric reads besides its developer and window.
#pragma once
#include <algorithm>
#include <span>

#include "loupe/core/period.h"
#include "loupe/identity/resolver.h"
#include "loupe/metrics/profile.h"
#include "loupe/metrics/schedule.h"
#include "loupe/metrics/teams.h"
#include "loupe/store/activity_store.h"

namespace loupe::metrics {

//! Borrowed views; a Context is cheap and lives for one computation.
struct MetricContext {
  const store::ActivityStore& store;
  const identity::Resolution& resolution;
  const ScheduleBook& schedules;
  const TeamIndex& teams;
  MetricProfile profile = MetricProfile::kLoupe;

  bool aexy() const { return profile == MetricProfile::kAexyCompat; }
  //! Whether an instant is in the window: [start, end) for loupe, [start, end] for aexy-compat.
  bool InWindow(Instant t, const Window& w) const {
    return t != kNoInstant && t >= w.start && (aexy() ? t <= w.end : t < w.end);
  }
  bool IsBot(uint32_t developer) const {
    return developer != model::kNoId && resolution.developers()[developer].is_bot;
  }
};

//! The part of `rows` (sorted ascending by `time_of(row)`) that lies in the window, by binary
//! search, with the context's window semantics.
template <typename TimeOf>
std::span<const uint32_t> RowsInWindow(const MetricContext& ctx, std::span<const uint32_t> rows,
                                       const Window& w, TimeOf time_of) {
  auto lo = std::partition_point(rows.begin(), rows.end(), [&](uint32_t r) { return time_of(r) < w.start; });
  auto hi = std::partition_point(lo, rows.end(), [&](uint32_t r) {
    return ctx.aexy() ? time_of(r) <= w.end : time_of(r) < w.end;
  });
  return {lo, hi};
}

}  // namespace loupe::metrics
