#include "loupe/identity/resolver.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "loupe/core/strings.h"
#include "loupe/identity/bot_rules.h"

namespace loupe::identity {

std::string LoginFromNoreplyEmail(std::string_view email) {
  static constexpr std::string_view kDomain = "@users.noreply.github.com";
  if (!EndsWithIgnoreCaseAscii(email, kDomain)) return "";
  std::string_view local = email.substr(0, email.size() - kDomain.size());
  // Since 2017 the address is "<account id>+<login>"; older ones are just "<login>".
  const size_t plus = local.find('+');
  if (plus != std::string_view::npos) local = local.substr(plus + 1);
  return ToLowerAscii(local);
}

namespace {

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0u); }
  uint32_t Find(uint32_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }
  void Union(uint32_t a, uint32_t b) {
    a = Find(a), b = Find(b);
    if (a == b) return;
    // The smaller id becomes the root, so a cluster's root is its smallest identity.
    if (a < b) {
      parent_[b] = a;
    } else {
      parent_[a] = b;
    }
  }

 private:
  std::vector<uint32_t> parent_;
};

model::IdentityId FindRef(const model::Workspace& ws, std::string_view ref) {
  model::IdentityKind kind;
  std::string key;
  if (!model::ParseIdentityRef(ref, kind, key)) return model::kNoId;
  return ws.FindIdentity(kind, key);
}

bool HasName(const model::Identity& identity, std::string_view name) {
  return std::any_of(identity.names.begin(), identity.names.end(),
                     [&](const std::string& n) { return EqualsIgnoreCaseAscii(n, name); });
}

}  // namespace

Resolution Resolve(const model::Workspace& ws) {
  const auto& identities = ws.identities();
  const auto& rules = ws.rules();
  const size_t n = identities.size();
  UnionFind sets(n);

  std::vector<bool> split(n, false);
  for (const model::SplitRule& rule : rules.splits) {
    const model::IdentityId id = FindRef(ws, rule.identity);
    if (id != model::kNoId) split[id] = true;
  }
  auto automatic = [&](model::IdentityId a, model::IdentityId b) {
    if (a != model::kNoId && b != model::kNoId && !split[a] && !split[b]) sets.Union(a, b);
  };

  for (const model::IdentityLink& link : ws.links()) automatic(link.a, link.b);

  // Mailmap: every e-mail mapped to the same proper e-mail is one person.
  std::unordered_multimap<std::string, const model::MailmapEntry*> mailmap;
  for (const model::MailmapEntry& e : rules.mailmap) mailmap.emplace(ToLowerAscii(e.commit_email), &e);
  std::vector<const model::MailmapEntry*> mailmap_of(n, nullptr);
  std::unordered_map<std::string, model::IdentityId> canonical_owner;
  for (const model::Identity& identity : identities) {
    if (identity.kind != model::IdentityKind::kEmail) {
      continue;
    }
    const std::string login = LoginFromNoreplyEmail(identity.key);
    if (!login.empty()) automatic(identity.id, ws.FindIdentity(model::IdentityKind::kLogin, login));
    auto [begin, end] = mailmap.equal_range(identity.key);
    for (auto it = begin; it != end; ++it) {
      const model::MailmapEntry& e = *it->second;
      // Name-qualified entries only apply to an identity that was seen with that name.
      if (!e.commit_name.empty() && !HasName(identity, e.commit_name)) continue;
      if (mailmap_of[identity.id] == nullptr || !e.commit_name.empty()) mailmap_of[identity.id] = &e;
    }
    if (const model::MailmapEntry* e = mailmap_of[identity.id]; e != nullptr && !e->proper_email.empty()) {
      const std::string canonical = ToLowerAscii(e->proper_email);
      automatic(identity.id, ws.FindIdentity(model::IdentityKind::kEmail, canonical));
      auto [it, inserted] = canonical_owner.emplace(canonical, identity.id);
      if (!inserted) automatic(identity.id, it->second);
    }
  }

  for (const model::MergeRule& rule : rules.merges) {
    const model::IdentityId a = FindRef(ws, rule.a);
    const model::IdentityId b = FindRef(ws, rule.b);
    if (a != model::kNoId && b != model::kNoId) sets.Union(a, b);
  }

  // Usage decides which name and e-mail represent a developer.
  std::vector<int64_t> usage(n, 0);
  for (const model::Commit& c : ws.commits()) {
    if (c.author != model::kNoId) ++usage[c.author];
  }
  for (const model::PullRequest& p : ws.pull_requests()) {
    if (p.author != model::kNoId) ++usage[p.author];
  }
  for (const model::Review& r : ws.reviews()) {
    if (r.reviewer != model::kNoId) ++usage[r.reviewer];
  }

  Resolution out;
  out.index_of_identity_.assign(n, model::kNoId);
  for (model::IdentityId id = 0; id < n; ++id) {
    const uint32_t root = sets.Find(id);
    if (root == id) {
      out.index_of_identity_[id] = static_cast<uint32_t>(out.developers_.size());
      Developer d;
      d.id = id;
      out.developers_.push_back(std::move(d));
    }
    // Roots are the smallest member, so the root was visited (and indexed) first.
    const uint32_t index = out.index_of_identity_[root];
    out.index_of_identity_[id] = index;
    out.developers_[index].identities.push_back(id);
  }

  for (Developer& d : out.developers_) {
    const model::Identity* best_email = nullptr;
    const model::Identity* best_login = nullptr;
    const model::MailmapEntry* mapped = nullptr;
    bool human_exception = false;
    for (model::IdentityId id : d.identities) {
      const model::Identity& identity = identities[id];
      const model::Identity*& best =
          identity.kind == model::IdentityKind::kEmail ? best_email : best_login;
      if (best == nullptr || usage[id] > usage[best->id]) best = &identity;
      if (mailmap_of[id] != nullptr && (mapped == nullptr || usage[id] > 0)) mapped = mailmap_of[id];
      if (const model::BotRule* rule = MatchBotRule(rules.bot_rules, identity)) {
        if (!rule->is_bot) {
          human_exception = true;
        } else if (d.bot_rule.empty()) {
          d.bot_rule = rule->pattern;
        }
      }
    }
    d.is_bot = !human_exception && !d.bot_rule.empty();
    if (human_exception) d.bot_rule.clear();
    if (best_login != nullptr) {
      d.login = best_login->spelling;
    } else if (best_email != nullptr) {
      d.login = LoginFromNoreplyEmail(best_email->key);
    }
    if (best_email != nullptr) d.email = best_email->spelling;
    if (mapped != nullptr && !mapped->proper_email.empty()) d.email = mapped->proper_email;
    if (mapped != nullptr && !mapped->proper_name.empty()) {
      d.name = mapped->proper_name;
    } else if (best_email != nullptr && !best_email->names.empty()) {
      d.name = best_email->names.front();
    } else if (best_login != nullptr && !best_login->names.empty()) {
      d.name = best_login->names.front();
    } else if (!d.login.empty()) {
      d.name = d.login;
    } else {
      d.name = d.email.substr(0, d.email.find('@'));
    }
  }
  return out;
}

const Developer* Resolution::Find(model::DeveloperId id) const {
  auto it = std::lower_bound(developers_.begin(), developers_.end(), id,
                             [](const Developer& d, model::DeveloperId v) { return d.id < v; });
  return it != developers_.end() && it->id == id ? &*it : nullptr;
}

Result<uint32_t> Resolution::Lookup(const model::Workspace& ws, std::string_view ref) const {
  ref = Trim(ref);
  int64_t number;
  if (ParseInt64(ref, number, 0, UINT32_MAX - 1)) {
    if (const Developer* d = Find(static_cast<model::DeveloperId>(number))) {
      return static_cast<uint32_t>(d - developers_.data());
    }
    return NotFound("no developer with id " + std::string(ref));
  }
  const model::IdentityId identity = FindRef(ws, ref);
  if (identity != model::kNoId) return IndexOf(identity);
  std::vector<uint32_t> by_name;
  for (uint32_t i = 0; i < developers_.size(); ++i) {
    const Developer& d = developers_[i];
    bool match = EqualsIgnoreCaseAscii(d.name, ref);
    for (size_t k = 0; !match && k < d.identities.size(); ++k) match = HasName(ws.identities()[d.identities[k]], ref);
    if (match) by_name.push_back(i);
  }
  if (by_name.size() == 1) return by_name.front();
  if (by_name.empty()) {
    return NotFound("no developer matches " + QuoteForMessage(ref) +
                    " (give an id, e-mail, login or name)");
  }
  std::string ids;
  for (uint32_t i : by_name) ids += (ids.empty() ? "" : ", ") + std::to_string(developers_[i].id);
  return InvalidInput("several developers are named " + QuoteForMessage(ref) + " (ids " + ids +
                      "): give an id, e-mail or login");
}

}  // namespace loupe::identity
