#include "loupe/metrics/rollups/team_distribution.h"

#include <algorithm>

#include "loupe/core/strings.h"
#include "loupe/metrics/categories.h"
#include "loupe/metrics/rollups/gini.h"

namespace loupe::metrics {

double RoleMultiplier(std::string_view role) {
  struct Entry {
    std::string_view role;
    double multiplier;
  };
  static constexpr Entry kRoles[] = {{"junior", 0.6}, {"mid", 0.8},  {"senior", 1.0},   {"staff", 1.2},
                                     {"principal", 1.3}, {"lead", 1.1}, {"architect", 1.1}};
  for (const Entry& e : kRoles) {
    if (EqualsIgnoreCaseAscii(e.role, role)) return e.multiplier;
  }
  return 1.0;
}

double BottleneckMultiplier(const model::WorkspaceSettings& settings, std::string_view team) {
  const model::InsightSettings* workspace = nullptr;
  for (const model::InsightSettings& s : settings.insight_settings) {
    if (!team.empty() && EqualsIgnoreCaseAscii(s.team, team)) return s.bottleneck_multiplier;
    if (s.team.empty()) workspace = &s;
  }
  return workspace != nullptr ? workspace->bottleneck_multiplier : 2.0;
}

MemberMetrics ComputeMemberMetrics(const MetricContext& ctx, uint32_t developer, const Window& window) {
  const Velocity v = ComputeVelocity(ctx, developer, window);
  MemberMetrics m;
  m.developer = developer;
  m.commits_count = v.commits_count;
  m.prs_merged = v.prs_merged;
  m.lines_changed = v.lines_added + v.lines_removed;
  m.reviews_given = ComputeCollaboration(ctx, developer, window).review_given_count;
  m.load = static_cast<double>(m.commits_count) + kPrLoadWeight * static_cast<double>(m.prs_merged) +
           static_cast<double>(m.reviews_given);
  return m;
}

TeamDistribution DistributeWorkload(const MetricContext& ctx, std::vector<MemberMetrics> rows,
                                    const DistributionOptions& options) {
  TeamDistribution d;
  d.role_weighted = options.role_weighted;
  d.bottleneck_multiplier = ctx.aexy() ? 2.0 : options.bottleneck_multiplier;
  const auto& developers = ctx.resolution.developers();
  std::sort(rows.begin(), rows.end(), [&](const MemberMetrics& a, const MemberMetrics& b) {
    if (a.commits_count != b.commits_count) return a.commits_count > b.commits_count;
    return developers[a.developer].id < developers[b.developer].id;
  });
  rows.erase(std::unique(rows.begin(), rows.end(),
                         [](const MemberMetrics& a, const MemberMetrics& b) { return a.developer == b.developer; }),
             rows.end());
  if (!options.include_inactive) std::erase_if(rows, [](const MemberMetrics& m) { return m.inactive(); });
  d.member_metrics = std::move(rows);
  if (d.member_metrics.empty()) return d;

  std::vector<double> loads;
  double total = 0, top = 0;
  for (const MemberMetrics& m : d.member_metrics) {
    const double weight = options.role_weighted ? RoleMultiplier(ctx.schedules.Of(m.developer).role) : 1.0;
    loads.push_back(m.load / weight);
    total += m.load;
    top = std::max(top, m.load);
  }
  d.gini_coefficient = Gini(loads, ctx.profile);
  d.top_contributor_share = total > 0 ? top / total : 0;
  d.mean_load = total / static_cast<double>(d.member_metrics.size());
  for (const MemberMetrics& m : d.member_metrics) {
    if (d.mean_load > 0 && m.load > d.bottleneck_multiplier * d.mean_load) d.bottleneck_developers.push_back(m.developer);
  }
  return d;
}

TeamDistribution ComputeTeamDistribution(const MetricContext& ctx, std::span<const uint32_t> members,
                                         const Window& window, const DistributionOptions& options) {
  std::vector<MemberMetrics> rows;
  rows.reserve(members.size());
  for (uint32_t developer : members) rows.push_back(ComputeMemberMetrics(ctx, developer, window));
  return DistributeWorkload(ctx, std::move(rows), options);
}

std::string IdentityKey(const identity::Developer& developer) {
  if (!developer.login.empty()) return "gh:" + ToLowerAscii(developer.login);
  if (!developer.email.empty()) return "email:" + ToLowerAscii(developer.email);
  return "dev:" + std::to_string(developer.id);
}

void WriteJson(JsonWriter& w, const TeamDistribution& d, const identity::Resolution& resolution,
               MetricProfile profile) {
  const bool loupe = profile == MetricProfile::kLoupe;
  w.BeginObject();
  w.Key("gini_coefficient").Double(d.gini_coefficient, 4);
  w.Key("top_contributor_share").Double(d.top_contributor_share, 2);
  if (loupe) {
    w.Key("mean_load").Double(d.mean_load, 2);
    w.Key("bottleneck_multiplier").Double(d.bottleneck_multiplier);
    w.Field("role_weighted", d.role_weighted);
  }
  w.Key("member_metrics").BeginArray();
  for (const MemberMetrics& m : d.member_metrics) {
    const identity::Developer& dev = resolution.developers()[m.developer];
    w.BeginObject().Field("developer_id", static_cast<int64_t>(dev.id)).Field("developer_name", dev.name);
    w.Field("email", dev.email).Field("github_login", dev.login).Field("identity_key", IdentityKey(dev));
    w.Field("commits_count", m.commits_count).Field("prs_merged", m.prs_merged);
    w.Field("lines_changed", m.lines_changed).Field("reviews_given", m.reviews_given);
    if (loupe) w.Key("load").Double(m.load, 2);
    w.EndObject();
  }
  w.EndArray();
  w.Key("bottleneck_developers").BeginArray();
  for (uint32_t developer : d.bottleneck_developers) w.Int(resolution.developers()[developer].id);
  w.EndArray();
  w.EndObject();
}

}  // namespace loupe::metrics
