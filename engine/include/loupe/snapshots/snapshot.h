// loupe/snapshots/snapshot.h — stored per-period metrics of developers and teams, and the book
// that holds them in memory.
#pragma once
#include <compare>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "loupe/core/period.h"
#include "loupe/metrics/categories.h"
#include "loupe/metrics/profile.h"
#include "loupe/model/ids.h"

namespace loupe::snapshots {

//! Which state of the workspace a snapshot was computed from. The session keeps the current
//! pair; a snapshot whose `inputs` is older than the session's is stale.
struct Versions {
  int64_t data = 0;    //!< bumped by every import that changed the workspace
  int64_t inputs = 0;  //!< bumped when identity rules, identity clusters, schedules or teams change
  friend bool operator==(const Versions&, const Versions&) = default;
};

//! The five categories of one developer over one period (Aexy's developer_metrics_snapshots).
struct DeveloperSnapshot {
  model::DeveloperId developer = model::kNoId;  //!< identity::Developer::id
  PeriodType period_type = PeriodType::kWeekly;
  Window period;  //!< half-open; aexy-compat values were computed over [start, end]
  metrics::MetricProfile profile = metrics::MetricProfile::kLoupe;
  metrics::DeveloperInsights insights;  //!< full precision (JSON output rounds)
  Instant computed_at = kNoInstant;
  Versions versions;
};

//! Aexy's aggregate_metrics of a team snapshot.
struct TeamAggregate {
  int64_t total_commits = 0;
  int64_t total_prs_merged = 0;
  int64_t total_lines_changed = 0;  //!< lines added + lines removed
  int64_t total_reviews = 0;        //!< reviews given
  double avg_commits_per_member = 0;
  double avg_prs_per_member = 0;
  friend bool operator==(const TeamAggregate&, const TeamAggregate&) = default;
};

//! A team's (or the workspace's) totals over one period, derived from its members' developer
//! snapshots of the same period (Aexy's team_metrics_snapshots).
struct TeamSnapshot {
  std::string team;  //!< the team's name; "" = the whole workspace
  PeriodType period_type = PeriodType::kWeekly;
  Window period;
  metrics::MetricProfile profile = metrics::MetricProfile::kLoupe;
  int64_t member_count = 0;  //!< developer snapshots aggregated
  TeamAggregate aggregate;
  //! Slot for the distribution (Gini, shares, bottlenecks) of the team/workspace rollups module:
  //! its JSON, or "" while that module is not wired in. Stored as is.
  std::string distribution_json;
  Instant computed_at = kNoInstant;
  Versions versions;
};

struct DeveloperKey {
  model::DeveloperId developer = model::kNoId;
  PeriodType period_type = PeriodType::kWeekly;
  Instant period_start = 0;
  friend auto operator<=>(const DeveloperKey&, const DeveloperKey&) = default;
};
DeveloperKey KeyOf(const DeveloperSnapshot& s);

struct TeamKey {
  std::string team;  //!< lower-cased: team names are unique case-insensitively
  PeriodType period_type = PeriodType::kWeekly;
  Instant period_start = 0;
  // Spelled out: the libc++ of Emscripten 3.1.6 has no operator<=> for std::string.
  friend bool operator<(const TeamKey& a, const TeamKey& b) {
    return std::tie(a.team, a.period_type, a.period_start) < std::tie(b.team, b.period_type, b.period_start);
  }
  friend bool operator==(const TeamKey&, const TeamKey&) = default;
};
TeamKey MakeTeamKey(std::string_view team, PeriodType type, Instant period_start);
TeamKey KeyOf(const TeamSnapshot& s);

//! What one write changes: upserts by key, then removals.
struct SnapshotChanges {
  std::vector<DeveloperSnapshot> developers;
  std::vector<TeamSnapshot> teams;
  std::vector<DeveloperKey> removed_developers;
  std::vector<TeamKey> removed_teams;
  bool empty() const {
    return developers.empty() && teams.empty() && removed_developers.empty() && removed_teams.empty();
  }
};

//! Every stored snapshot, ordered by key.
class SnapshotBook {
 public:
  const std::map<DeveloperKey, DeveloperSnapshot>& developers() const { return developers_; }
  const std::map<TeamKey, TeamSnapshot>& teams() const { return teams_; }
  bool empty() const { return developers_.empty() && teams_.empty(); }

  const DeveloperSnapshot* Find(const DeveloperKey& key) const;
  //! A developer's snapshots of one period type, newest period first, at most `limit`.
  std::vector<const DeveloperSnapshot*> History(model::DeveloperId developer, PeriodType type,
                                                size_t limit) const;
  //! A team's ("" = workspace) snapshots of one period type, newest first, at most `limit`.
  std::vector<const TeamSnapshot*> TeamHistory(std::string_view team, PeriodType type,
                                               size_t limit) const;

  void Apply(SnapshotChanges changes);
  //! Renumbers every developer id with `new_id` (erasure compacts identity ids; order is kept).
  template <typename Map>
  void RemapDevelopers(Map new_id) {
    std::map<DeveloperKey, DeveloperSnapshot> remapped;
    for (auto& [key, s] : developers_) {
      s.developer = new_id(s.developer);
      remapped.emplace_hint(remapped.end(), KeyOf(s), std::move(s));
    }
    developers_ = std::move(remapped);
  }

 private:
  std::map<DeveloperKey, DeveloperSnapshot> developers_;
  std::map<TeamKey, TeamSnapshot> teams_;
};

//! Freshness of one series: a developer's (or team's) snapshots of one period type.
struct SeriesStatus {
  model::DeveloperId developer = model::kNoId;  //!< kNoId for a team series
  std::string team;                             //!< team series: the team ("" = workspace)
  PeriodType period_type = PeriodType::kWeekly;
  int64_t periods = 0;          //!< snapshots in the series
  Window latest;                //!< the newest period covered
  Instant computed_at = kNoInstant;  //!< when the newest period was computed
  int64_t stale_periods = 0;    //!< computed before the current identity rules, schedules or teams
  int64_t oldest_data_version = 0;  //!< smallest data version any snapshot of the series read
};

//! One status row per series, developers (by id) first, then teams (by name).
std::vector<SeriesStatus> SummarizeSeries(const SnapshotBook& book, const Versions& current);

}  // namespace loupe::snapshots
