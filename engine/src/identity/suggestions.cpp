#include "loupe/identity/suggestions.h"

#include <algorithm>
#include <map>
#include <set>

#include "loupe/core/strings.h"

namespace loupe::identity {

namespace {

// Folds a display name for comparison: ASCII case, runs of spaces, dots and dashes.
std::string FoldName(std::string_view name) {
  std::string out;
  bool space = false;
  for (char c : Trim(name)) {
    if (c == ' ' || c == '.' || c == '-' || c == '_' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  return out;
}

bool IsGenericLocalPart(std::string_view local) {
  static const std::set<std::string_view> kGeneric = {
      "admin", "contact", "dev",  "developer", "git",    "github", "hello", "info",
      "mail",  "me",      "root", "support",   "team",   "user",   "noreply", "no-reply"};
  return local.size() < 4 || kGeneric.count(local) > 0;
}

}  // namespace

std::vector<MergeSuggestion> SuggestMerges(const model::Workspace& ws, const Resolution& resolution) {
  const auto& developers = resolution.developers();
  // For each signal, the developers that show it; a pair appears once with its best reason.
  std::map<std::pair<uint32_t, uint32_t>, MergeSuggestion> best;
  auto propose = [&](uint32_t a, uint32_t b, double confidence, std::string reason) {
    if (a == b || developers[a].is_bot || developers[b].is_bot) return;
    if (a > b) std::swap(a, b);
    MergeSuggestion& s = best[{a, b}];
    if (confidence > s.confidence) s = {a, b, confidence, std::move(reason)};
  };

  std::map<std::string, std::set<uint32_t>> by_name, by_local, by_login;
  std::map<std::string, std::set<std::string>> domains_of_local;
  for (const model::Identity& identity : ws.identities()) {
    const uint32_t dev = resolution.IndexOf(identity.id);
    for (const std::string& name : identity.names) {
      const std::string folded = FoldName(name);
      if (!folded.empty()) by_name[folded].insert(dev);
    }
    if (identity.kind == model::IdentityKind::kLogin) {
      by_login[identity.key].insert(dev);
    } else {
      const size_t at = identity.key.find('@');
      if (at == std::string::npos || identity.key.find("noreply") != std::string::npos) continue;
      const std::string local = identity.key.substr(0, at);
      by_local[local].insert(dev);
      domains_of_local[local].insert(identity.key.substr(at + 1));
    }
  }
  auto all_pairs = [&](const std::set<uint32_t>& devs, double confidence, const std::string& reason) {
    if (devs.size() < 2 || devs.size() > 8) return;  // a name shared by many is not a signal
    for (auto i = devs.begin(); i != devs.end(); ++i) {
      for (auto j = std::next(i); j != devs.end(); ++j) propose(*i, *j, confidence, reason);
    }
  };
  for (const auto& [name, devs] : by_name) {
    const bool full_name = name.find(' ') != std::string::npos;
    all_pairs(devs, full_name ? 0.85 : 0.5, "same name " + QuoteForMessage(name));
  }
  for (const auto& [local, devs] : by_local) {
    if (!IsGenericLocalPart(local) && domains_of_local[local].size() > 1) {
      all_pairs(devs, 0.6, "same e-mail user " + QuoteForMessage(local) + " at different domains");
    }
  }
  for (const auto& [login, login_devs] : by_login) {
    if (auto it = by_local.find(login); it != by_local.end() && !IsGenericLocalPart(login)) {
      for (uint32_t a : login_devs) {
        for (uint32_t b : it->second) propose(a, b, 0.7, "login " + QuoteForMessage(login) + " is an e-mail's user name");
      }
    }
    if (auto it = by_name.find(login); it != by_name.end() && !IsGenericLocalPart(login)) {
      for (uint32_t a : login_devs) {
        for (uint32_t b : it->second) propose(a, b, 0.6, "name " + QuoteForMessage(login) + " equals a login");
      }
    }
  }

  std::vector<MergeSuggestion> out;
  for (auto& [pair, s] : best) out.push_back(std::move(s));
  std::sort(out.begin(), out.end(), [&](const MergeSuggestion& x, const MergeSuggestion& y) {
    if (x.confidence != y.confidence) return x.confidence > y.confidence;
    return std::pair(developers[x.a].id, developers[x.b].id) < std::pair(developers[y.a].id, developers[y.b].id);
  });
  return out;
}

}  // namespace loupe::identity
