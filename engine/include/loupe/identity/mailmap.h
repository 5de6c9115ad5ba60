// loupe/identity/mailmap.h — git's .mailmap format, read and written.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "loupe/core/status.h"
#include "loupe/model/identity_rules.h"

namespace loupe::identity {

//! Parses a .mailmap (gitmailmap(5)): `Proper Name <proper@x> Commit Name <commit@x>` and its
//! shorter forms; `#` comments and blank lines are skipped. Errors name the line.
Result<std::vector<model::MailmapEntry>> ParseMailmap(std::string_view text);

//! Writes entries back in the same syntax, one per line.
std::string FormatMailmap(const std::vector<model::MailmapEntry>& entries);

}  // namespace loupe::identity
