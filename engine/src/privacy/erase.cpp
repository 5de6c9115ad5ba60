#include "loupe/privacy/erase.h"

#include <algorithm>
#include <set>

#include "ingest/people.h"
#include "loupe/core/strings.h"

namespace loupe::privacy {

bool IdentityRenumbering::IsErased(model::IdentityId id) const {
  return std::binary_search(erased_.begin(), erased_.end(), id);
}

model::IdentityId IdentityRenumbering::NewId(model::IdentityId id) const {
  if (id == model::kNoId) return id;
  const auto below = std::lower_bound(erased_.begin(), erased_.end(), id) - erased_.begin();
  return id - static_cast<model::IdentityId>(below);
}

namespace {

//! Which rule and setting texts name the erased identities.
class ErasedNames {
 public:
  ErasedNames(const model::Workspace& ws, const IdentityRenumbering& renumbering)
      : ws_(ws), renumbering_(renumbering) {
    for (model::IdentityId id : renumbering.erased()) {
      const model::Identity& i = ws.identities()[id];
      keys_.push_back(i.key);
      if (i.kind == model::IdentityKind::kEmail) emails_.push_back(i.key);
    }
  }

  //! An identity ref ("email:…", "login:…", a bare value) of an erased identity.
  bool Ref(std::string_view ref) const {
    model::IdentityKind kind;
    std::string key;
    if (!model::ParseIdentityRef(ref, kind, key)) return false;
    const model::IdentityId id = ws_.FindIdentity(kind, key);
    return id != model::kNoId && renumbering_.IsErased(id);
  }
  bool Email(std::string_view email) const { return Contains(emails_, email); }
  //! A bot-rule pattern that is exactly one of their e-mails or logins.
  bool Pattern(std::string_view pattern) const { return Contains(keys_, pattern) || Ref(pattern); }

 private:
  static bool Contains(const std::vector<std::string>& list, std::string_view s) {
    return std::any_of(list.begin(), list.end(), [&](const std::string& x) { return EqualsIgnoreCaseAscii(x, s); });
  }
  const model::Workspace& ws_;
  const IdentityRenumbering& renumbering_;
  std::vector<std::string> keys_;
  std::vector<std::string> emails_;
};

// The message without the Co-authored-by lines that name an erased e-mail (a re-import of the
// commit would otherwise link them again, and the line is their address).
std::string WithoutCoAuthorLines(std::string_view message, const ErasedNames& erased) {
  std::string out;
  size_t pos = 0;
  while (pos < message.size()) {
    size_t end = message.find('\n', pos);
    end = end == std::string_view::npos ? message.size() : end + 1;
    const std::string_view line = message.substr(pos, end - pos);
    pos = end;
    const auto people = ingest::ParseCoAuthors(line);
    if (people.size() == 1 && erased.Email(people.front().email)) continue;
    out.append(line);
  }
  // A removed trailer block leaves blank lines behind: the message ends as it ended before.
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  if (!message.empty() && message.back() == '\n') out += '\n';
  return out;
}

model::IdentityRules KeptRules(const model::IdentityRules& rules, const ErasedNames& erased) {
  model::IdentityRules kept = rules;
  std::erase_if(kept.merges, [&](const model::MergeRule& r) { return erased.Ref(r.a) || erased.Ref(r.b); });
  std::erase_if(kept.splits, [&](const model::SplitRule& r) { return erased.Ref(r.identity); });
  std::erase_if(kept.mailmap, [&](const model::MailmapEntry& e) {
    return erased.Email(e.proper_email) || erased.Email(e.commit_email);
  });
  std::erase_if(kept.bot_rules, [&](const model::BotRule& r) { return erased.Pattern(r.pattern); });
  return kept;
}

}  // namespace

Erasure PlanErasure(const WorkspaceView& view, uint32_t developer) {
  const model::Workspace& ws = view.workspace;
  const identity::Developer& who = view.resolution.developers()[developer];
  Erasure e;
  e.developer = who.id;
  e.renumbering = IdentityRenumbering(who.identities);
  const IdentityRenumbering& renumber = e.renumbering;
  const ErasedNames erased(ws, renumber);
  auto gone = [&](model::IdentityId id) { return id != model::kNoId && renumber.IsErased(id); };
  Erasure::Counts& n = e.counts;
  n.identities = static_cast<int64_t>(who.identities.size());

  model::Workspace& out = e.workspace;
  for (const model::Repository& r : ws.repositories()) out.LoadRepository(r);
  for (const model::Identity& i : ws.identities()) {
    if (gone(i.id)) continue;
    model::Identity kept = i;
    kept.id = renumber.NewId(i.id);
    out.LoadIdentity(std::move(kept));
  }
  for (const model::IdentityLink& l : ws.links()) {
    if (!gone(l.a) && !gone(l.b)) out.AddLink(renumber.NewId(l.a), renumber.NewId(l.b));
  }

  for (const model::Commit& c : ws.commits()) {
    if (gone(c.author)) {
      e.commits.push_back(c.sha);
      continue;
    }
    model::Commit kept = c;
    const bool co_authored = std::any_of(c.co_authors.begin(), c.co_authors.end(), gone);
    const bool rewrite = co_authored || gone(c.committer);
    if (gone(kept.committer)) kept.committer = model::kNoId;
    if (co_authored) {
      std::erase_if(kept.co_authors, gone);
      kept.message = WithoutCoAuthorLines(c.message, erased);
    }
    kept.author = renumber.NewId(kept.author);
    kept.committer = renumber.NewId(kept.committer);
    for (model::IdentityId& id : kept.co_authors) id = renumber.NewId(id);
    if (rewrite) e.rewritten.commits.push_back(kept);
    out.UpsertCommit(std::move(kept));
  }

  std::set<std::pair<model::RepoId, int64_t>> erased_prs;
  for (const model::PullRequest& p : ws.pull_requests()) {
    if (gone(p.author)) {
      e.pull_requests.emplace_back(p.repo, p.number);
      erased_prs.emplace(p.repo, p.number);
      continue;
    }
    model::PullRequest kept = p;
    const bool requested = std::any_of(p.requested_reviewers.begin(), p.requested_reviewers.end(), gone);
    const bool rewrite = requested || gone(p.merged_by);
    if (gone(kept.merged_by)) kept.merged_by = model::kNoId;
    std::erase_if(kept.requested_reviewers, gone);
    kept.author = renumber.NewId(kept.author);
    kept.merged_by = renumber.NewId(kept.merged_by);
    for (model::IdentityId& id : kept.requested_reviewers) id = renumber.NewId(id);
    if (rewrite) e.rewritten.pull_requests.push_back(kept);
    out.UpsertPullRequest(std::move(kept));
  }
  auto on_erased_pr = [&](model::RepoId repo, int64_t number) { return erased_prs.count({repo, number}) > 0; };

  for (const model::Review& r : ws.reviews()) {
    if (gone(r.reviewer) || on_erased_pr(r.repo, r.pr_number)) {
      e.reviews.push_back(r.github_id);
      continue;
    }
    model::Review kept = r;
    kept.reviewer = renumber.NewId(kept.reviewer);
    out.UpsertReview(std::move(kept));
  }
  for (const model::Comment& c : ws.comments()) {
    if (gone(c.author) || on_erased_pr(c.repo, c.pr_number)) {
      e.comments.emplace_back(c.kind, c.github_id);
      continue;
    }
    model::Comment kept = c;
    kept.author = renumber.NewId(kept.author);
    out.UpsertComment(std::move(kept));
  }
  for (const model::ManifestSnapshot& m : ws.manifests()) out.UpsertManifest(m);

  model::IdentityRules rules = KeptRules(ws.rules(), erased);
  const auto rule_count = [](const model::IdentityRules& r) {
    return static_cast<int64_t>(r.merges.size() + r.splits.size() + r.mailmap.size() + r.bot_rules.size());
  };
  n.rules = rule_count(ws.rules()) - rule_count(rules);
  if (n.rules > 0) e.rewritten.rules = rules;
  out.mutable_rules() = std::move(rules);

  e.settings = view.settings;
  const size_t schedules = e.settings.schedules.size();
  std::erase_if(e.settings.schedules, [&](const model::WorkingSchedule& s) { return erased.Ref(s.identity); });
  n.schedules = static_cast<int64_t>(schedules - e.settings.schedules.size());
  for (model::Team& t : e.settings.teams) {
    const size_t members = t.members.size();
    std::erase_if(t.members, [&](const model::TeamMember& m) { return erased.Ref(m.identity); });
    n.team_memberships += static_cast<int64_t>(members - t.members.size());
  }

  // Rows under any of their identity ids: an id from before an identity merge may still name
  // them (stale rows keep the developer id they were computed for).
  for (const auto& [key, s] : view.snapshots.developers()) {
    if (gone(key.developer)) e.snapshots.removed_developers.push_back(key);
  }
  for (const alerts::Rule& r : view.alerts.rules()) {
    if (r.scope == alerts::Scope::kDeveloper && erased.Ref(r.scope_ref)) e.alerts.removed_rules.push_back(r.id);
  }
  for (const alerts::Alert& a : view.alerts.alerts()) {
    const bool rule_removed = std::find(e.alerts.removed_rules.begin(), e.alerts.removed_rules.end(), a.rule_id) !=
                              e.alerts.removed_rules.end();
    if (gone(a.developer) || rule_removed) e.alerts.removed_alerts.push_back(a.id);
  }

  n.commits = static_cast<int64_t>(e.commits.size());
  n.pull_requests = static_cast<int64_t>(e.pull_requests.size());
  n.reviews = static_cast<int64_t>(e.reviews.size());
  n.comments = static_cast<int64_t>(e.comments.size());
  n.rewritten_commits = static_cast<int64_t>(e.rewritten.commits.size());
  n.rewritten_pull_requests = static_cast<int64_t>(e.rewritten.pull_requests.size());
  n.snapshots = static_cast<int64_t>(e.snapshots.removed_developers.size());
  n.alerts = static_cast<int64_t>(e.alerts.removed_alerts.size());
  n.alert_rules = static_cast<int64_t>(e.alerts.removed_rules.size());
  return e;
}

}  // namespace loupe::privacy
