// Velocity and sustainability: both read the developer's commits in the window.
#include <algorithm>
#include <vector>

#include "loupe/metrics/categories.h"

namespace loupe::metrics {

namespace {

constexpr double kSecondsPerWeek = 7.0 * 86400.0;

// The developer's commits in the window under the profile: by author date (loupe), by committer
// date (aexy-compat, whose windows select on committed_at).
std::span<const uint32_t> WindowCommits(const MetricContext& ctx, uint32_t dev, const Window& w) {
  const store::CommitColumns& c = ctx.store.commits();
  if (ctx.aexy()) {
    return RowsInWindow(ctx, ctx.store.CommitsOfByCommitted(dev), w, [&](uint32_t r) { return c.committed[r]; });
  }
  return RowsInWindow(ctx, ctx.store.CommitsOf(dev), w, [&](uint32_t r) { return c.time[r]; });
}

bool Counted(const MetricContext& ctx, uint32_t row) {
  return ctx.aexy() || (ctx.store.commits().flags[row] & store::kCommitMerge) == 0;
}

double Weeks(const Window& w) {
  return std::max(static_cast<double>(w.end - w.start) / kSecondsPerWeek, 1.0 / 7.0);
}

int64_t WorkingDays(const MetricContext& ctx, uint32_t dev, const Window& w) {
  return ctx.aexy() ? AexyWorkingDaysIn(w) : WorkingDaysIn(ctx.schedules.Of(dev), w);
}

}  // namespace

Velocity ComputeVelocity(const MetricContext& ctx, uint32_t dev, const Window& w) {
  Velocity v;
  const store::CommitColumns& c = ctx.store.commits();
  int64_t with_stats = 0;
  for (uint32_t row : WindowCommits(ctx, dev, w)) {
    if (!Counted(ctx, row)) continue;
    ++v.commits_count;
    v.lines_added += c.additions[row];
    v.lines_removed += c.deletions[row];
    with_stats += (c.flags[row] & store::kCommitHasStats) != 0;
  }
  const store::PullRequestColumns& p = ctx.store.pull_requests();
  v.prs_merged = static_cast<int64_t>(
      RowsInWindow(ctx, ctx.store.MergedPullRequestsOf(dev), w, [&](uint32_t r) { return p.merged[r]; }).size());
  v.net_lines = v.lines_added - v.lines_removed;
  v.commit_frequency = static_cast<double>(v.commits_count) / static_cast<double>(WorkingDays(ctx, dev, w));
  v.pr_throughput = static_cast<double>(v.prs_merged) / Weeks(w);
  const int64_t divisor = ctx.aexy() ? v.commits_count : with_stats;
  v.avg_commit_size = divisor > 0 ? static_cast<double>(v.lines_added + v.lines_removed) / static_cast<double>(divisor) : 0;
  if (!ctx.aexy()) {
    for (uint32_t row : RowsInWindow(ctx, ctx.store.CoAuthoredBy(dev), w, [&](uint32_t r) { return c.time[r]; })) {
      v.co_authored_count += (c.flags[row] & store::kCommitMerge) == 0;
    }
  }
  return v;
}

Sustainability ComputeSustainability(const MetricContext& ctx, uint32_t dev, const Window& w) {
  Sustainability s;
  const store::CommitColumns& c = ctx.store.commits();
  const EffectiveSchedule& schedule = ctx.schedules.Of(dev);
  int64_t commits = 0, weekend = 0, late = 0;
  // Per active date: earliest and latest hour. Dates are local (loupe) or UTC (aexy-compat).
  struct Day {
    int64_t day;
    int first_hour;
    int last_hour;
  };
  std::vector<Day> days;
  std::vector<std::pair<uint32_t, int64_t>> repos;  // repository -> commits, few per window
  for (uint32_t row : WindowCommits(ctx, dev, w)) {
    if (!Counted(ctx, row)) continue;
    ++commits;
    const Instant t = ctx.aexy() ? c.committed[row] : c.time[row];
    const int64_t local = LocalSeconds(schedule, t, c.own_offset(row));
    const int64_t local_day = FloorDiv(local, kSecondsPerDay);
    const int local_hour = static_cast<int>((local - local_day * kSecondsPerDay) / 3600);
    const bool off_day = ctx.aexy() ? (schedule.working_days >> WeekdayFromDays(local_day) & 1) == 0
                                    : !schedule.IsWorkingDay(local_day);
    weekend += off_day;
    late += schedule.IsLateNight(local_hour, ctx.profile);
    // Aexy reads streaks and active hours from UTC dates (§9.3.3).
    const int64_t day = ctx.aexy() ? FloorDiv(t, kSecondsPerDay) : local_day;
    const int hour = ctx.aexy() ? static_cast<int>((t - day * kSecondsPerDay) / 3600) : local_hour;
    // Commits arrive in time order, so the day is almost always the last one seen.
    auto it = !days.empty() && days.back().day == day
                  ? days.end() - 1
                  : std::find_if(days.begin(), days.end(), [&](const Day& d) { return d.day == day; });
    if (it == days.end()) {
      days.push_back({day, hour, hour});
    } else {
      it->first_hour = std::min(it->first_hour, hour);
      it->last_hour = std::max(it->last_hour, hour);
    }
    auto r = std::find_if(repos.begin(), repos.end(), [&](const auto& x) { return x.first == c.repo[row]; });
    if (r == repos.end()) {
      repos.push_back({c.repo[row], 1});
    } else {
      ++r->second;
    }
  }
  if (commits == 0) return s;
  s.weekend_commit_ratio = static_cast<double>(weekend) / static_cast<double>(commits);
  s.late_night_commit_ratio = static_cast<double>(late) / static_cast<double>(commits);
  std::sort(days.begin(), days.end(), [](const Day& a, const Day& b) { return a.day < b.day; });
  int64_t run = 0;
  double hours = 0;
  for (size_t i = 0; i < days.size(); ++i) {
    run = (i > 0 && days[i].day == days[i - 1].day + 1) ? run + 1 : 1;
    s.longest_streak_days = std::max(s.longest_streak_days, run);
    hours += days[i].last_hour - days[i].first_hour + 1;
  }
  s.avg_daily_active_hours = hours / static_cast<double>(days.size());
  for (const auto& [repo, n] : repos) {
    const double share = static_cast<double>(n) / static_cast<double>(commits);
    s.focus_score += share * share;
  }
  return s;
}

}  // namespace loupe::metrics
