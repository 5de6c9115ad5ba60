// loupe/metrics/rollups/team_distribution.h — how a group's workload is spread: per-member
// counts and load, Gini, the top contributor's share and the bottlenecks (aexy §4.1).
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "loupe/core/json_writer.h"
#include "loupe/metrics/context.h"
#include "loupe/model/settings.h"

namespace loupe::metrics {

//! One member's counts in the window, as velocity and collaboration count them.
struct MemberMetrics {
  uint32_t developer = 0;      //!< index into Resolution::developers()
  int64_t commits_count = 0;
  int64_t prs_merged = 0;
  int64_t lines_changed = 0;   //!< lines added + lines removed of the counted commits
  int64_t reviews_given = 0;   //!< collaboration's review_given_count
  double load = 0;             //!< commits_count + 3 × prs_merged + reviews_given (lines are not load)

  //! All four counts are zero: nothing of this member's work shows in the window.
  bool inactive() const {
    return commits_count == 0 && prs_merged == 0 && lines_changed == 0 && reviews_given == 0;
  }
};

//! Weight of a merged PR in a member's load: it stands for the review and merge work around it.
inline constexpr double kPrLoadWeight = 3.0;

struct DistributionOptions {
  //! load > multiplier × mean load ⇒ bottleneck. loupe uses it (BottleneckMultiplier reads the
  //! settings); aexy-compat always uses 2, as Aexy ignores its own setting (§9.3.8).
  double bottleneck_multiplier = 2.0;
  //! Divide each load by RoleMultiplier(role of the member's schedule) before the Gini, so a
  //! junior doing less than a staff engineer is not counted as imbalance.
  bool role_weighted = false;
  //! Keep members whose four counts are zero (they pull the mean down and the Gini up).
  bool include_inactive = true;
};

struct TeamDistribution {
  double gini_coefficient = 0;        //!< of the (role-weighted) loads, see Gini()
  double top_contributor_share = 0;   //!< largest load / total load, 0 when nobody has load
  double mean_load = 0;
  double bottleneck_multiplier = 2.0; //!< the multiplier that was applied
  bool role_weighted = false;
  //! Most commits first, ties by ascending developer id.
  std::vector<MemberMetrics> member_metrics;
  //! Developers (indexes) whose load exceeds multiplier × mean load, in member_metrics order.
  std::vector<uint32_t> bottleneck_developers;
};

//! Expected output of a role relative to a senior engineer (Aexy's table): junior 0.6, mid 0.8,
//! senior 1.0, staff 1.2, principal 1.3, lead 1.1, architect 1.1; anything else 1.0. Case-insensitive.
double RoleMultiplier(std::string_view role);

//! The bottleneck multiplier the settings give a team: the team's insight settings, else the
//! workspace's, else 2.0. Pass team "" for the workspace.
double BottleneckMultiplier(const model::WorkspaceSettings& settings, std::string_view team);

//! One developer's counts and load in the window.
MemberMetrics ComputeMemberMetrics(const MetricContext& ctx, uint32_t developer, const Window& window);

//! The distribution over members' rows already computed (a developer listed twice counts once).
TeamDistribution DistributeWorkload(const MetricContext& ctx, std::vector<MemberMetrics> rows,
                                    const DistributionOptions& options);

//! ComputeMemberMetrics for each member, then DistributeWorkload.
TeamDistribution ComputeTeamDistribution(const MetricContext& ctx, std::span<const uint32_t> members,
                                         const Window& window, const DistributionOptions& options);

//! Aexy's TeamDistribution: {gini_coefficient (4 dp), top_contributor_share (2 dp),
//! member_metrics[{developer_id, developer_name, email, github_login, identity_key, commits_count,
//! prs_merged, lines_changed, reviews_given}], bottleneck_developers[ids]}; loupe adds each
//! member's load and the mean_load, bottleneck_multiplier and role_weighted applied.
void WriteJson(JsonWriter& w, const TeamDistribution& d, const identity::Resolution& resolution,
               MetricProfile profile);

//! "gh:<login>" when the developer has a login, else "email:<e-mail>", else "dev:<id>" (lower case).
std::string IdentityKey(const identity::Developer& developer);

}  // namespace loupe::metrics
