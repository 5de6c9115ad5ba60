// ingest/people.h (internal) — turning the ways sources name people into identities.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "loupe/model/workspace.h"

namespace loupe::ingest {

//! A person as one record names them; any part may be empty.
struct PersonRef {
  std::string name;
  std::string email;
  std::string login;
  int64_t github_user_id = 0;
};

//! The identity a record's person maps to: the e-mail when there is one (commits), else the login.
//! When both are known they are linked, which later merges them into one developer.
model::IdentityId InternPerson(model::Workspace& batch, const PersonRef& person);

struct NameEmail {
  std::string_view name;
  std::string_view email;
};

//! Every "Co-authored-by: Name <email>" line of a commit message (key case-insensitive, leading
//! whitespace allowed, anywhere in the message: squash bodies carry them mid-body), de-duplicated
//! by e-mail, in order.
std::vector<NameEmail> ParseCoAuthors(std::string_view message);

//! Adds the message's co-authors to `commit.co_authors` (interning them in `batch`), leaving out
//! the commit's own author.
void AddCoAuthors(model::Workspace& batch, model::Commit& commit);

}  // namespace loupe::ingest
