#include "loupe/snapshots/snapshot.h"

#include <algorithm>

#include "loupe/core/strings.h"

namespace loupe::snapshots {

DeveloperKey KeyOf(const DeveloperSnapshot& s) {
  return {s.developer, s.period_type, s.period.start};
}

TeamKey MakeTeamKey(std::string_view team, PeriodType type, Instant period_start) {
  return {ToLowerAscii(team), type, period_start};
}

TeamKey KeyOf(const TeamSnapshot& s) { return MakeTeamKey(s.team, s.period_type, s.period.start); }

const DeveloperSnapshot* SnapshotBook::Find(const DeveloperKey& key) const {
  auto it = developers_.find(key);
  return it == developers_.end() ? nullptr : &it->second;
}

std::vector<const DeveloperSnapshot*> SnapshotBook::History(model::DeveloperId developer,
                                                            PeriodType type, size_t limit) const {
  std::vector<const DeveloperSnapshot*> out;
  // Keys order by (developer, type, start): the series is one contiguous run, walked backwards.
  auto begin = developers_.lower_bound({developer, type, INT64_MIN});
  auto it = developers_.upper_bound({developer, type, INT64_MAX});
  while (it != begin && out.size() < limit) out.push_back(&(--it)->second);
  return out;
}

std::vector<const TeamSnapshot*> SnapshotBook::TeamHistory(std::string_view team, PeriodType type,
                                                           size_t limit) const {
  std::vector<const TeamSnapshot*> out;
  auto begin = teams_.lower_bound(MakeTeamKey(team, type, INT64_MIN));
  auto it = teams_.upper_bound(MakeTeamKey(team, type, INT64_MAX));
  while (it != begin && out.size() < limit) out.push_back(&(--it)->second);
  return out;
}

void SnapshotBook::Apply(SnapshotChanges changes) {
  for (DeveloperSnapshot& s : changes.developers) {
    const DeveloperKey key = KeyOf(s);
    developers_.insert_or_assign(key, std::move(s));
  }
  for (TeamSnapshot& s : changes.teams) {
    TeamKey key = KeyOf(s);
    teams_.insert_or_assign(std::move(key), std::move(s));
  }
  for (const DeveloperKey& key : changes.removed_developers) developers_.erase(key);
  for (const TeamKey& key : changes.removed_teams) teams_.erase(key);
}

namespace {

// Rows arrive in key order, oldest period first: the last one seen is the newest.
template <typename Snapshot>
void Count(SeriesStatus& status, const Snapshot& s, const Versions& current) {
  ++status.periods;
  status.latest = s.period;
  status.computed_at = s.computed_at;
  status.stale_periods += s.versions.inputs < current.inputs;
  status.oldest_data_version = status.periods == 1 ? s.versions.data
                                                   : std::min(status.oldest_data_version, s.versions.data);
}

}  // namespace

std::vector<SeriesStatus> SummarizeSeries(const SnapshotBook& book, const Versions& current) {
  std::vector<SeriesStatus> out;
  for (const auto& [key, s] : book.developers()) {
    if (out.empty() || out.back().developer != key.developer || out.back().period_type != key.period_type) {
      out.push_back({key.developer, "", key.period_type});
    }
    Count(out.back(), s, current);
  }
  const std::string* last_team = nullptr;
  for (const auto& [key, s] : book.teams()) {
    if (last_team == nullptr || *last_team != key.team || out.back().period_type != key.period_type) {
      out.push_back({model::kNoId, s.team, key.period_type});
      last_team = &key.team;
    }
    Count(out.back(), s, current);
  }
  return out;
}

}  // namespace loupe::snapshots
