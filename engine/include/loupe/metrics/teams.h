// loupe/metrics/teams.h — the workspace's teams as developer indexes.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "loupe/identity/resolver.h"
#include "loupe/model/settings.h"
#include "loupe/model/workspace.h"

namespace loupe::metrics {

//! Teams resolved against the current developers (members are stored as identity refs).
class TeamIndex {
 public:
  static TeamIndex Build(const model::Workspace& ws, const model::WorkspaceSettings& settings,
                         const identity::Resolution& resolution);

  size_t size() const { return names_.size(); }
  const std::string& name(uint32_t team) const { return names_[team]; }
  //! Developer indexes of a team, ascending, unique (a member whose identities are gone is left out).
  const std::vector<uint32_t>& members(uint32_t team) const { return members_[team]; }
  //! Teams of a developer, ascending.
  const std::vector<uint32_t>& teams_of(uint32_t developer) const;
  //! Whether two developers share a team.
  bool ShareTeam(uint32_t a, uint32_t b) const;
  //! Index of a team by name (case-insensitive), or kNoId.
  uint32_t Find(std::string_view name) const;

 private:
  std::vector<std::string> names_;
  std::vector<std::vector<uint32_t>> members_;
  std::vector<std::vector<uint32_t>> teams_of_;
};

}  // namespace loupe::metrics
