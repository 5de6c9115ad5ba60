// tests/engine/metrics/metric_builder.h — small workspaces for the metric tests: named developers
// (an e-mail and a login, linked), commits, pull requests, reviews, bots and settings, and the
// resolution, store, schedules, teams and MetricContext the categories read, built per profile.
#pragma once
#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "loupe/core/period.h"
#include "loupe/core/time.h"
#include "loupe/identity/bot_rules.h"
#include "loupe/identity/resolver.h"
#include "loupe/metrics/categories.h"
#include "loupe/metrics/context.h"
#include "loupe/metrics/schedule.h"
#include "loupe/metrics/teams.h"
#include "loupe/model/settings.h"
#include "loupe/model/workspace.h"
#include "loupe/store/activity_store.h"

namespace loupe::testing {

using metrics::MetricProfile;
inline constexpr MetricProfile kLoupe = MetricProfile::kLoupe;
inline constexpr MetricProfile kAexy = MetricProfile::kAexyCompat;

//! A timestamp from ISO-8601 text with its offset ("2024-01-08T10:00:00+01:00"); fails the test
//! when the text is malformed.
inline Timestamp Ts(std::string_view iso) {
  auto ts = ParseIsoTimestamp(iso);
  INFO(std::string(iso) + ": " + ts.status().ToString());
  REQUIRE(ts.ok());
  return *ts;
}
inline Instant At(std::string_view iso) { return Ts(iso).utc; }

//! [start, end) from two ISO texts.
inline Window Between(std::string_view start, std::string_view end) { return {At(start), At(end)}; }
//! The UTC week from Monday `monday` ("2024-01-08") 00:00Z to the next Monday 00:00Z.
inline Window WeekOf(std::string_view monday) {
  const Instant start = At(std::string(monday) + "T00:00:00Z");
  return {start, start + 7 * kSecondsPerDay};
}

inline CivilDate Date(std::string_view iso) {
  auto d = ParseIsoDate(iso);
  REQUIRE(d.ok());
  return *d;
}

//! Optional parts of a commit. Defaults: repository acme/rocket, committed when authored,
//! 10 lines added, known stats, one parent.
struct CommitSpec {
  std::string repo = "acme/rocket";
  std::string committed;  //!< ISO committer date; "" = the author date
  int64_t add = 10;
  int64_t del = 0;
  bool stats = true;
  bool merge = false;                   //!< two parents
  std::vector<std::string> co_authors;  //!< names given to Person()
  bool approximate = false;             //!< a push event's arrival time with an unknown offset
};

//! Optional parts of a pull request. Defaults: acme/rocket, open, unknown size.
struct PrSpec {
  std::string repo = "acme/rocket";
  std::string merged;  //!< ISO; "" = not merged
  std::string closed;  //!< ISO; "" = the merge time, or open
  int64_t add = -1;    //!< -1 = unknown (list endpoints do not carry sizes)
  int64_t del = -1;
  std::vector<std::string> requested;  //!< requested reviewers, names given to Person()
  std::vector<Sha> commits;            //!< the PR's own commit list, when "imported"
};

struct PrRef {
  std::string repo;
  int64_t number = 0;
};

//! A workspace under construction plus its settings. People are named: Person("ana") has the
//! e-mail ana@example.com (commits use it) and the login ana (PRs and reviews use it), linked the
//! way a REST commit links them. The name "" stands for a deleted account (kNoId).
class MetricWorld {
 public:
  model::Workspace ws;
  model::WorkspaceSettings settings;

  MetricWorld() { ws.mutable_rules().bot_rules = identity::DefaultBotRules(); }

  void Person(const std::string& name) {
    const model::IdentityId email = ws.InternEmail(name + "@example.com", name);
    const model::IdentityId login = ws.InternLogin(name, static_cast<int64_t>(people_.size()) + 1, "");
    ws.AddLink(email, login);
    people_[name] = {email, login};
  }
  //! An account the default bot rules mark (a login ending in "[bot]"); it commits as that login.
  void Bot(const std::string& login) {
    const model::IdentityId id = ws.InternLogin(login, static_cast<int64_t>(people_.size()) + 1, "");
    people_[login] = {id, id};
  }

  Sha Commit(const std::string& author, std::string_view authored, CommitSpec spec = {}) {
    model::Commit c;
    c.sha = NextSha();
    c.repo = ws.InternRepo(spec.repo);
    c.author = EmailOf(author);
    c.committer = c.author;
    c.authored = Ts(authored);
    c.committed = spec.committed.empty() ? c.authored : Ts(spec.committed);
    if (spec.approximate) {
      c.authored.offset_minutes = kUnknownOffset;
      c.committed.offset_minutes = kUnknownOffset;
      c.approximate_time = true;
    }
    c.parents.push_back(NextSha());
    if (spec.merge) c.parents.push_back(NextSha());
    for (const std::string& co : spec.co_authors) c.co_authors.push_back(EmailOf(co));
    c.additions = spec.add;
    c.deletions = spec.del;
    c.changed_files = 1;
    c.has_stats = spec.stats;
    if (!spec.stats) c.additions = c.deletions = c.changed_files = 0;
    const Sha sha = c.sha;
    ws.UpsertCommit(std::move(c));
    return sha;
  }

  PrRef Pr(const std::string& author, std::string_view created, PrSpec spec = {}) {
    model::PullRequest pr;
    pr.repo = ws.InternRepo(spec.repo);
    pr.number = ++next_pr_;
    pr.github_id = 5000 + pr.number;
    pr.author = LoginOf(author);
    pr.created_at = At(created);
    if (!spec.merged.empty()) {
      pr.merged_at = At(spec.merged);
      pr.closed_at = pr.merged_at;
      pr.state = model::PrState::kMerged;
    }
    if (!spec.closed.empty()) {
      pr.closed_at = At(spec.closed);
      if (spec.merged.empty()) pr.state = model::PrState::kClosed;
    }
    pr.additions = spec.add;
    pr.deletions = spec.del;
    for (const std::string& r : spec.requested) pr.requested_reviewers.push_back(LoginOf(r));
    pr.commit_shas = spec.commits;
    PrRef ref{spec.repo, pr.number};
    ws.UpsertPullRequest(std::move(pr));
    return ref;
  }

  //! A review; `submitted` "" makes it pending (no submission instant). `inline_comments` inline
  //! comments are attached to it through their review id.
  int64_t Review(const std::string& reviewer, const PrRef& pr, std::string_view submitted,
                 model::ReviewState state = model::ReviewState::kApproved, int inline_comments = 0,
                 std::string body = "") {
    model::Review r;
    r.github_id = ++next_review_;
    r.repo = ws.InternRepo(pr.repo);
    r.pr_number = pr.number;
    r.reviewer = LoginOf(reviewer);
    r.state = state;
    r.submitted_at = submitted.empty() ? kNoInstant : At(submitted);
    r.body = std::move(body);
    for (int i = 0; i < inline_comments; ++i) {
      model::Comment c;
      c.github_id = ++next_comment_;
      c.kind = model::CommentKind::kReview;
      c.repo = r.repo;
      c.pr_number = pr.number;
      c.author = r.reviewer;
      c.created_at = r.submitted_at;
      c.review_id = r.github_id;
      ws.UpsertComment(std::move(c));
    }
    ws.UpsertReview(std::move(r));
    return next_review_;
  }

  //! A team whose members are named by their logins.
  void Team(const std::string& name, const std::vector<std::string>& members) {
    model::Team t;
    t.name = name;
    for (const std::string& m : members) t.members.push_back({"login:" + m, model::TeamRole::kMember});
    settings.teams.push_back(std::move(t));
  }
  //! The insight settings of a team ("" = the workspace's), created on first use. The reference is
  //! valid until the next call.
  model::InsightSettings& Settings(const std::string& team = "") {
    for (auto& s : settings.insight_settings) {
      if (s.team == team) return s;
    }
    settings.insight_settings.push_back({});
    settings.insight_settings.back().team = team;
    return settings.insight_settings.back();
  }
  //! A developer's own schedule, keyed by their e-mail identity (any identity ref works). The
  //! reference is valid until the next call.
  model::WorkingSchedule& Schedule(const std::string& name) {
    settings.schedules.push_back({});
    settings.schedules.back().identity = "email:" + name + "@example.com";
    return settings.schedules.back();
  }

  model::IdentityId LoginOf(const std::string& name) const {
    if (name.empty()) return model::kNoId;
    auto it = people_.find(name);
    INFO("unknown person " + name);
    REQUIRE(it != people_.end());
    return it->second.login;
  }
  model::IdentityId EmailOf(const std::string& name) const {
    if (name.empty()) return model::kNoId;
    auto it = people_.find(name);
    INFO("unknown person " + name);
    REQUIRE(it != people_.end());
    return it->second.email;
  }

 private:
  struct Ids {
    model::IdentityId email;
    model::IdentityId login;
  };
  Sha NextSha() {
    char hex[41];
    std::snprintf(hex, sizeof hex, "%040x", ++next_sha_);
    Sha s;
    Sha::Parse(hex, s);
    return s;
  }
  std::map<std::string, Ids> people_;
  int next_sha_ = 0;
  int64_t next_pr_ = 0;
  int64_t next_review_ = 0;
  int64_t next_comment_ = 0;
};

//! Everything a MetricContext borrows, built from a world for one profile. Not movable: the
//! context points into it.
class Built {
 public:
  Built(const MetricWorld& world, MetricProfile profile)
      : resolution(identity::Resolve(world.ws)),
        store(store::ActivityStore::Build(world.ws, resolution)),
        schedules(metrics::ScheduleBook::Resolve(world.ws, world.settings, resolution, profile)),
        teams(metrics::TeamIndex::Build(world.ws, world.settings, resolution)),
        ctx{store, resolution, schedules, teams, profile},
        world_(world) {}
  Built(const Built&) = delete;
  Built& operator=(const Built&) = delete;

  //! The developer index of a named person or bot.
  uint32_t Dev(const std::string& name) const {
    const uint32_t d = resolution.IndexOf(world_.LoginOf(name));
    REQUIRE(d != model::kNoId);
    return d;
  }
  const metrics::EffectiveSchedule& ScheduleOf(const std::string& name) const { return schedules.Of(Dev(name)); }

  metrics::Velocity Velocity(const std::string& name, const Window& w) const {
    return metrics::ComputeVelocity(ctx, Dev(name), w);
  }
  metrics::Efficiency Efficiency(const std::string& name, const Window& w) const {
    return metrics::ComputeEfficiency(ctx, Dev(name), w);
  }
  metrics::Quality Quality(const std::string& name, const Window& w) const {
    return metrics::ComputeQuality(ctx, Dev(name), w);
  }
  metrics::Sustainability Sustainability(const std::string& name, const Window& w) const {
    return metrics::ComputeSustainability(ctx, Dev(name), w);
  }
  metrics::Collaboration Collaboration(const std::string& name, const Window& w) const {
    return metrics::ComputeCollaboration(ctx, Dev(name), w);
  }

  identity::Resolution resolution;
  store::ActivityStore store;
  metrics::ScheduleBook schedules;
  metrics::TeamIndex teams;
  metrics::MetricContext ctx;

 private:
  const MetricWorld& world_;
};

}  // namespace loupe::testing
