// loupe/model/identity.h — one way a person appears in the data: an e-mail address or a login.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "loupe/model/ids.h"

namespace loupe::model {

enum class IdentityKind : uint8_t {
  kEmail = 0,  //!< from git authors/committers, Co-authored-by trailers, push events
  kLogin = 1,  //!< a GitHub account: PR authors, reviewers, commenters, linked commit authors
};

std::string_view IdentityKindName(IdentityKind kind);  //!< "email" / "login"

//! An identity is keyed by its kind and its case-folded value; developers are derived from
//! identities by the identity module, so merges and splits never rewrite activity.
struct Identity {
  IdentityId id = kNoId;
  IdentityKind kind = IdentityKind::kEmail;
  std::string key;                 //!< ASCII-lower-cased address or login: the natural key
  std::string spelling;            //!< as first seen (mailmap export keeps the user's casing)
  std::vector<std::string> names;  //!< display names seen with it, first seen first
  int64_t github_user_id = 0;      //!< GitHub's numeric account id for logins, when known

  //! "email:ana@example.com" or "login:ana": how rules and the CLI name an identity.
  std::string Ref() const;
};

//! Evidence that two identities belong to one person (a REST commit whose author login and
//! e-mail are both known). Stored with a < b.
struct IdentityLink {
  IdentityId a = kNoId;
  IdentityId b = kNoId;
  friend bool operator==(const IdentityLink&, const IdentityLink&) = default;
};

//! Parses "email:x@y", "login:x", or a bare value (an "@" makes it an e-mail) into kind + key.
bool ParseIdentityRef(std::string_view ref, IdentityKind& kind, std::string& key);

}  // namespace loupe::model
