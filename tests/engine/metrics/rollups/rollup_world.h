// A small workspace for the rollup tests: people, commits, pull requests, reviews, teams and
// schedules, and a metric context over them for either profile.
#pragma once
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "loupe/identity/bot_rules.h"
#include "loupe/identity/resolver.h"
#include "loupe/metrics/context.h"
#include "loupe/metrics/schedule.h"
#include "loupe/metrics/teams.h"
#include "loupe/model/settings.h"
#include "loupe/model/workspace.h"
#include "loupe/store/activity_store.h"

namespace loupe::testing {

inline constexpr Instant kMonday = 1704672000;  // 2024-01-08T00:00:00Z
inline constexpr Instant kHour = 3600;
inline constexpr Instant kDay = 86400;
inline constexpr Window kWeek{kMonday, kMonday + 7 * kDay};  // Mon 2024-01-08 .. Mon 2024-01-15

class RollupWorld {
 public:
  RollupWorld() { ws.mutable_rules().bot_rules = identity::DefaultBotRules(); }

  //! A developer known by a GitHub login (refs "login:<login>" in settings).
  model::IdentityId Person(const std::string& login) { return ws.InternLogin(login, ++next_user_, login); }

  //! A commit at `t` (author = committer time, UTC offset 0) of `add` + `del` lines.
  void Commit(model::IdentityId who, Instant t, int64_t add = 10, int64_t del = 5, const std::string& repo = "acme/app",
              bool merge = false, bool stats = true) {
    model::Commit c;
    char hex[41];
    std::snprintf(hex, sizeof hex, "%040x", ++next_sha_);
    Sha::Parse(hex, c.sha);
    c.repo = ws.InternRepo(repo);
    c.author = c.committer = who;
    c.authored = c.committed = {t, 0};
    c.additions = add, c.deletions = del, c.changed_files = 1, c.has_stats = stats;
    if (merge) c.parents = {Sha(), Sha()};
    ws.UpsertCommit(c);
  }

  //! A pull request; `merged` = kNoInstant leaves it open. Sizes -1 are unknown. Returns its number.
  int64_t Pr(model::IdentityId author, Instant created, Instant merged = kNoInstant, int64_t add = 20, int64_t del = 10,
             const std::string& repo = "acme/app") {
    model::PullRequest p;
    p.repo = ws.InternRepo(repo);
    p.number = ++next_pr_;
    p.github_id = 1000 + p.number;
    p.author = author;
    p.title = "change " + std::to_string(p.number);
    p.created_at = created;
    p.merged_at = merged;
    p.closed_at = merged;
    p.state = merged == kNoInstant ? model::PrState::kOpen : model::PrState::kMerged;
    p.additions = add, p.deletions = del;
    ws.UpsertPullRequest(p);
    return p.number;
  }

  //! A review of PR `number`, with `comments` inline comments belonging to it.
  void Review(model::IdentityId reviewer, int64_t number, Instant submitted,
              model::ReviewState state = model::ReviewState::kApproved, const std::string& body = "",
              int comments = 0, const std::string& repo = "acme/app") {
    model::Review r;
    r.github_id = ++next_review_;
    r.repo = ws.InternRepo(repo);
    r.pr_number = number;
    r.reviewer = reviewer;
    r.state = state;
    r.submitted_at = submitted;
    r.body = body;
    ws.UpsertReview(r);
    for (int i = 0; i < comments; ++i) {
      model::Comment c;
      c.github_id = ++next_comment_;
      c.kind = model::CommentKind::kReview;
      c.repo = r.repo;
      c.pr_number = number;
      c.author = reviewer;
      c.created_at = submitted;
      c.body = "nit";
      c.review_id = r.github_id;
      c.path = "a.cc";
      ws.UpsertComment(c);
    }
  }

  void Team(const std::string& name, const std::vector<std::string>& logins) {
    model::Team team{name, {}};
    for (const auto& login : logins) team.members.push_back({"login:" + login, model::TeamRole::kMember});
    settings.teams.push_back(team);
  }

  void Role(const std::string& login, const std::string& role) {
    model::WorkingSchedule s;
    s.identity = "login:" + login;
    s.role = role;
    settings.schedules.push_back(s);
  }

  //! Resolves developers and builds the store; call after adding everything.
  void Build() {
    resolution_ = identity::Resolve(ws);
    store_ = store::ActivityStore::Build(ws, *resolution_);
    teams_ = metrics::TeamIndex::Build(ws, settings, *resolution_);
    loupe_book_ = metrics::ScheduleBook::Resolve(ws, settings, *resolution_, metrics::MetricProfile::kLoupe);
    aexy_book_ = metrics::ScheduleBook::Resolve(ws, settings, *resolution_, metrics::MetricProfile::kAexyCompat);
  }

  metrics::MetricContext Ctx(metrics::MetricProfile profile) const {
    const bool aexy = profile == metrics::MetricProfile::kAexyCompat;
    return {*store_, *resolution_, aexy ? *aexy_book_ : *loupe_book_, *teams_, profile};
  }
  //! The developer index of an identity.
  uint32_t Dev(model::IdentityId id) const { return resolution_->IndexOf(id); }
  //! The developer id JSON shows for an identity.
  int64_t Id(model::IdentityId id) const { return resolution_->developers()[Dev(id)].id; }
  const identity::Resolution& resolution() const { return *resolution_; }

  model::Workspace ws;
  model::WorkspaceSettings settings;

 private:
  int next_user_ = 0, next_sha_ = 0;
  int64_t next_pr_ = 0, next_review_ = 0, next_comment_ = 0;
  std::optional<identity::Resolution> resolution_;
  std::optional<store::ActivityStore> store_;
  std::optional<metrics::TeamIndex> teams_;
  std::optional<metrics::ScheduleBook> loupe_book_, aexy_book_;
};

inline constexpr metrics::MetricProfile kLoupe = metrics::MetricProfile::kLoupe;
inline constexpr metrics::MetricProfile kAexy = metrics::MetricProfile::kAexyCompat;

}  // namespace loupe::testing
