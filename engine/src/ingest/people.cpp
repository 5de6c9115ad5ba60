#include "ingest/people.h"

#include <algorithm>

#include "loupe/core/strings.h"

namespace loupe::ingest {

model::IdentityId InternPerson(model::Workspace& batch, const PersonRef& person) {
  model::IdentityId email_id = model::kNoId;
  model::IdentityId login_id = model::kNoId;
  if (!person.email.empty()) email_id = batch.InternEmail(person.email, person.name);
  if (!person.login.empty()) {
    login_id = batch.InternLogin(person.login, person.github_user_id,
                                 email_id == model::kNoId ? person.name : std::string_view());
  }
  if (email_id != model::kNoId && login_id != model::kNoId) batch.AddLink(email_id, login_id);
  return email_id != model::kNoId ? email_id : login_id;
}

std::vector<NameEmail> ParseCoAuthors(std::string_view message) {
  static constexpr std::string_view kKey = "co-authored-by:";
  std::vector<NameEmail> out;
  size_t pos = 0;
  while (pos < message.size()) {
    size_t end = message.find('\n', pos);
    if (end == std::string_view::npos) end = message.size();
    std::string_view line = Trim(message.substr(pos, end - pos));
    pos = end + 1;
    if (!StartsWithIgnoreCaseAscii(line, kKey)) continue;
    std::string_view value = Trim(line.substr(kKey.size()));
    const size_t lt = value.rfind('<');
    const size_t gt = value.rfind('>');
    if (lt == std::string_view::npos || gt == std::string_view::npos || gt < lt) continue;
    NameEmail person{Trim(value.substr(0, lt)), Trim(value.substr(lt + 1, gt - lt - 1))};
    if (person.email.empty() || person.email.find('@') == std::string_view::npos) continue;
    const bool seen = std::any_of(out.begin(), out.end(), [&](const NameEmail& p) {
      return EqualsIgnoreCaseAscii(p.email, person.email);
    });
    if (!seen) out.push_back(person);
  }
  return out;
}

void AddCoAuthors(model::Workspace& batch, model::Commit& commit) {
  for (const NameEmail& person : ParseCoAuthors(commit.message)) {
    const model::IdentityId id = batch.InternEmail(person.email, person.name);
    if (id != commit.author &&
        std::find(commit.co_authors.begin(), commit.co_authors.end(), id) == commit.co_authors.end()) {
      commit.co_authors.push_back(id);
    }
  }
}

}  // namespace loupe::ingest
