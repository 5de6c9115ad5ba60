// loupe/identity/resolver.h — developers derived from identities and the user's rules.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "loupe/core/status.h"
#include "loupe/model/workspace.h"

namespace loupe::identity {

//! One person (or bot): a cluster of identities.
struct Developer {
  //! The smallest identity id of the cluster: deterministic, and stable while the cluster keeps
  //! that identity (a merge keeps the older id; splitting off the oldest identity renumbers).
  model::DeveloperId id = model::kNoId;
  std::string name;   //!< mailmap's proper name, else the most used name, else login or e-mail
  std::string email;  //!< mailmap's proper e-mail, else the most used e-mail ("" if none)
  std::string login;  //!< a GitHub login (also recovered from noreply e-mails), "" if none
  std::vector<model::IdentityId> identities;  //!< ascending
  bool is_bot = false;
  std::string bot_rule;  //!< the pattern that made it a bot, for explanations
};

//! Why two identities ended up together (for `identities list` and explain panels).
enum class MergeReason : uint8_t { kLinked, kNoreply, kMailmap, kExplicit };

//! The result of resolving a workspace: developers and the identity → developer map.
class Resolution {
 public:
  const std::vector<Developer>& developers() const { return developers_; }
  //! Index into developers() of the developer holding `identity` (kNoId for kNoId).
  uint32_t IndexOf(model::IdentityId identity) const {
    return identity < index_of_identity_.size() ? index_of_identity_[identity] : model::kNoId;
  }
  const Developer* DeveloperOf(model::IdentityId identity) const {
    const uint32_t i = IndexOf(identity);
    return i == model::kNoId ? nullptr : &developers_[i];
  }
  //! The developer with this id, or nullptr.
  const Developer* Find(model::DeveloperId id) const;

  //! Finds a developer by id ("42"), e-mail, login ("login:x" / "email:x" also work) or exact
  //! name (case-insensitive). A name shared by several developers is an error listing them.
  Result<uint32_t> Lookup(const model::Workspace& ws, std::string_view ref) const;

 private:
  friend Resolution Resolve(const model::Workspace& ws);
  std::vector<Developer> developers_;
  std::vector<uint32_t> index_of_identity_;
};

//! Clusters identities into developers: data links (a commit's e-mail with its author login),
//! GitHub noreply e-mails (`123+login@users.noreply.github.com`) with that login, .mailmap
//! entries, and explicit merges; split identities are attached by explicit merges only. Bots are
//! marked by the workspace's bot rules. Pure function of the workspace: rules apply
//! retroactively, nothing is stored.
Resolution Resolve(const model::Workspace& ws);

//! The login a GitHub noreply e-mail stands for ("octocat" for 583231+octocat@users.noreply…).
std::string LoginFromNoreplyEmail(std::string_view email);

}  // namespace loupe::identity
