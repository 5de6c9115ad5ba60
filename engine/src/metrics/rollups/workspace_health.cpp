#include "loupe/metrics/rollups/workspace_health.h"

#include <algorithm>

#include "loupe/metrics/rollups/population.h"

namespace loupe::metrics {

bool IsBurnoutRisk(const Sustainability& s) {
  return s.weekend_commit_ratio > kBurnoutWeekendRatio || s.late_night_commit_ratio > kBurnoutLateNightRatio;
}

std::string_view WorkloadBalance(double gini) {
  if (gini < 0.3) return "good";
  if (gini < 0.5) return "moderate";
  return "poor";
}

namespace {

constexpr size_t kListedRisks = 5;
constexpr size_t kListedContributors = 5;

ContributorTotals TotalsOf(const MemberMetrics& m) {
  return {m.developer, m.commits_count, m.prs_merged, m.lines_changed};
}

}  // namespace

WorkspaceHealth ComputeWorkspaceHealth(const MetricContext& ctx, std::span<const uint32_t> population,
                                       const Window& window, PeriodType period_type,
                                       double bottleneck_multiplier) {
  WorkspaceHealth h;
  h.window = window;
  h.period_type = period_type;
  std::vector<MemberMetrics> rows;
  for (uint32_t developer : population) {
    MemberMetrics m = ComputeMemberMetrics(ctx, developer, window);
    if (!ctx.aexy() && m.inactive()) {
      // Someone whose first activity comes after the window was not around yet: not inactive.
      const Instant last = LastActivityBefore(ctx, developer, window.end);
      if (last != kNoInstant) h.inactive.push_back({developer, last});
      continue;
    }
    const Sustainability s = ComputeSustainability(ctx, developer, window);
    if (IsBurnoutRisk(s)) h.burnout.push_back({developer, s.weekend_commit_ratio, s.late_night_commit_ratio});
    h.active_developers += !m.inactive();
    h.total_commits += m.commits_count;
    h.total_prs_merged += m.prs_merged;
    h.total_reviews += m.reviews_given;
    h.total_lines_changed += m.lines_changed;
    rows.push_back(m);
  }
  h.total_developers = static_cast<int64_t>(rows.size() + h.inactive.size());
  const auto per_developer = static_cast<double>(ctx.aexy() ? rows.size() : h.active_developers);
  if (per_developer > 0) {
    h.avg_commits_per_dev = static_cast<double>(h.total_commits) / per_developer;
    h.avg_prs_per_dev = static_cast<double>(h.total_prs_merged) / per_developer;
  }
  std::sort(h.inactive.begin(), h.inactive.end(), [&](const InactiveDeveloper& a, const InactiveDeveloper& b) {
    return a.last_activity < b.last_activity;
  });

  if (ctx.aexy()) {
    // Aexy sorts by commits (stable, so ties keep the population order) and flags commits above
    // twice the mean commits — not the load its distribution uses.
    std::vector<MemberMetrics> by_commits = rows;
    std::stable_sort(by_commits.begin(), by_commits.end(),
                     [](const MemberMetrics& a, const MemberMetrics& b) { return a.commits_count > b.commits_count; });
    for (size_t i = 0; i < by_commits.size() && i < kListedContributors; ++i) {
      h.top_contributors.push_back(TotalsOf(by_commits[i]));
    }
    const double mean_commits = rows.empty() ? 0 : static_cast<double>(h.total_commits) / static_cast<double>(rows.size());
    for (const MemberMetrics& m : by_commits) {
      if (mean_commits > 0 && static_cast<double>(m.commits_count) > 2 * mean_commits) {
        h.bottlenecks.push_back({m.developer, m.commits_count, m.load, static_cast<double>(m.commits_count) / mean_commits});
      }
    }
  }
  const TeamDistribution d = DistributeWorkload(ctx, std::move(rows), {bottleneck_multiplier, false, true});
  h.gini_coefficient = d.gini_coefficient;
  if (!ctx.aexy()) {
    for (size_t i = 0; i < d.member_metrics.size() && i < kListedContributors; ++i) {
      h.top_contributors.push_back(TotalsOf(d.member_metrics[i]));
    }
    for (const MemberMetrics& m : d.member_metrics) {
      if (std::find(d.bottleneck_developers.begin(), d.bottleneck_developers.end(), m.developer) ==
          d.bottleneck_developers.end()) {
        continue;
      }
      h.bottlenecks.push_back({m.developer, m.commits_count, m.load, m.load / d.mean_load});
    }
    std::stable_sort(h.bottlenecks.begin(), h.bottlenecks.end(),
                     [](const BottleneckRisk& a, const BottleneckRisk& b) { return a.ratio_vs_avg > b.ratio_vs_avg; });
  }
  return h;
}

namespace {

void DeveloperFields(JsonWriter& w, uint32_t developer, const identity::Resolution& resolution) {
  const identity::Developer& d = resolution.developers()[developer];
  w.Field("developer_id", static_cast<int64_t>(d.id)).Field("developer_name", d.name);
}

}  // namespace

void WriteJson(JsonWriter& w, const WorkspaceHealth& h, const identity::Resolution& resolution,
               MetricProfile profile) {
  const bool loupe = profile == MetricProfile::kLoupe;
  w.BeginObject();
  w.Field("period_start", FormatIsoInstant(h.window.start)).Field("period_end", FormatIsoInstant(h.window.end));
  if (loupe) w.Field("period_type", PeriodTypeName(h.period_type));
  w.Field("total_developers", h.total_developers);
  if (!loupe && h.total_developers == 0) {
    // The seed's answer for an empty workspace, `risks` a list where it is otherwise an object.
    w.Key("activity").BeginObject().EndObject();
    w.Key("health").BeginObject().EndObject();
    w.Key("risks").BeginArray().EndArray();
    w.Key("top_contributors").BeginArray().EndArray();
    w.EndObject();
    return;
  }
  if (loupe) w.Field("active_developers", h.active_developers);
  w.Key("activity").BeginObject();
  w.Field("total_commits", h.total_commits).Field("total_prs_merged", h.total_prs_merged);
  w.Field("total_reviews", h.total_reviews).Field("total_lines_changed", h.total_lines_changed);
  w.Key("avg_commits_per_dev").Double(h.avg_commits_per_dev, 1);
  w.Key("avg_prs_per_dev").Double(h.avg_prs_per_dev, 1);
  w.EndObject();
  w.Key("health").BeginObject();
  w.Key("gini_coefficient").Double(h.gini_coefficient, 4);
  w.Field("workload_balance", WorkloadBalance(h.gini_coefficient));
  w.Field("burnout_risk_count", static_cast<int64_t>(h.burnout.size()));
  w.Field("bottleneck_count", static_cast<int64_t>(h.bottlenecks.size()));
  w.EndObject();
  w.Key("risks").BeginObject();
  w.Key("burnout").BeginArray();
  for (size_t i = 0; i < h.burnout.size() && i < kListedRisks; ++i) {
    w.BeginObject();
    DeveloperFields(w, h.burnout[i].developer, resolution);
    w.Key("weekend_ratio").Double(h.burnout[i].weekend_ratio, 2);
    w.Key("late_night_ratio").Double(h.burnout[i].late_night_ratio, 2);
    w.EndObject();
  }
  w.EndArray();
  w.Key("bottlenecks").BeginArray();
  for (size_t i = 0; i < h.bottlenecks.size() && i < kListedRisks; ++i) {
    const BottleneckRisk& b = h.bottlenecks[i];
    w.BeginObject();
    DeveloperFields(w, b.developer, resolution);
    w.Field("commits", b.commits);
    if (loupe) w.Key("load").Double(b.load, 2);
    w.Key("ratio_vs_avg").Double(b.ratio_vs_avg, 1);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.Key("top_contributors").BeginArray();
  for (const ContributorTotals& c : h.top_contributors) {
    w.BeginObject();
    DeveloperFields(w, c.developer, resolution);
    w.Field("commits", c.commits).Field("prs_merged", c.prs_merged).Field("lines_changed", c.lines_changed);
    w.EndObject();
  }
  w.EndArray();
  if (loupe) {
    w.Key("inactive_developers").BeginArray();
    for (const InactiveDeveloper& i : h.inactive) {
      w.BeginObject();
      DeveloperFields(w, i.developer, resolution);
      w.Field("last_activity", FormatIsoInstant(i.last_activity));
      w.Field("days_inactive", FloorDiv(h.window.end - i.last_activity, kSecondsPerDay));
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
}

}  // namespace loupe::metrics
