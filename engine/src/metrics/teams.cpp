#include "loupe/metrics/teams.h"

#include <algorithm>

#include "loupe/core/strings.h"

namespace loupe::metrics {

TeamIndex TeamIndex::Build(const model::Workspace& ws, const model::WorkspaceSettings& settings,
                           const identity::Resolution& resolution) {
  TeamIndex index;
  index.teams_of_.resize(resolution.developers().size());
  for (const model::Team& team : settings.teams) {
    const uint32_t t = static_cast<uint32_t>(index.names_.size());
    index.names_.push_back(team.name);
    std::vector<uint32_t> members;
    for (const model::TeamMember& m : team.members) {
      model::IdentityKind kind;
      std::string key;
      if (!model::ParseIdentityRef(m.identity, kind, key)) continue;
      const model::IdentityId id = ws.FindIdentity(kind, key);
      if (id != model::kNoId) members.push_back(resolution.IndexOf(id));
    }
    std::sort(members.begin(), members.end());
    members.erase(std::unique(members.begin(), members.end()), members.end());
    for (uint32_t dev : members) index.teams_of_[dev].push_back(t);
    index.members_.push_back(std::move(members));
  }
  return index;
}

const std::vector<uint32_t>& TeamIndex::teams_of(uint32_t developer) const {
  static const std::vector<uint32_t> kNone;
  return developer < teams_of_.size() ? teams_of_[developer] : kNone;
}

bool TeamIndex::ShareTeam(uint32_t a, uint32_t b) const {
  const auto& ta = teams_of(a);
  const auto& tb = teams_of(b);
  for (uint32_t t : ta) {
    if (std::binary_search(tb.begin(), tb.end(), t)) return true;
  }
  return false;
}

uint32_t TeamIndex::Find(std::string_view name) const {
  for (uint32_t t = 0; t < names_.size(); ++t) {
    if (EqualsIgnoreCaseAscii(names_[t], name)) return t;
  }
  return model::kNoId;
}

}  // namespace loupe::metrics
