#include "loupe/privacy/export.h"

#include <algorithm>

#include "loupe/alerts/json.h"
#include "loupe/core/json_writer.h"
#include "loupe/snapshots/json.h"

namespace loupe::privacy {

namespace {

class Exporter {
 public:
  Exporter(const WorkspaceView& view, const identity::Developer& who)
      : view_(view), ws_(view.workspace), who_(who), w_(true) {}

  std::string Run(Instant exported_at) {
    w_.BeginObject().Field("developer_id", static_cast<int64_t>(who_.id));
    w_.Field("exported_at", FormatIsoInstant(exported_at));
    w_.Key("developer").BeginObject().Field("name", who_.name).Field("email", who_.email);
    w_.Field("login", who_.login).Field("is_bot", who_.is_bot).EndObject();
    Identities();
    Commits();
    PullRequests();
    Reviews();
    Comments();
    References();
    Settings();
    Snapshots();
    Alerts();
    w_.EndObject();
    return w_.Take();
  }

 private:
  bool Mine(model::IdentityId id) const {
    return id != model::kNoId && std::binary_search(who_.identities.begin(), who_.identities.end(), id);
  }
  //! The identity ref of an identity id, as settings and rules name people.
  bool MineRef(std::string_view ref) const {
    model::IdentityKind kind;
    std::string key;
    return model::ParseIdentityRef(ref, kind, key) && Mine(ws_.FindIdentity(kind, key));
  }
  std::string Ref(model::IdentityId id) const { return id == model::kNoId ? "" : ws_.identities()[id].Ref(); }
  std::string_view Repo(model::RepoId id) const {
    return id == model::kNoId ? std::string_view() : std::string_view(ws_.repositories()[id].full_name);
  }
  void Time(std::string_view key, Instant t) {
    w_.Key(key);
    if (t == kNoInstant) {
      w_.Null();
    } else {
      w_.String(FormatIsoInstant(t));
    }
  }
  void Stamp(std::string_view key, const Timestamp& ts) {
    w_.Key(key);
    if (ts.known()) {
      w_.String(FormatIsoTimestamp(ts, false));
    } else {
      w_.Null();
    }
  }
  void Count(std::string_view key, int64_t n) {
    w_.Key(key);
    if (n < 0) {
      w_.Null();
    } else {
      w_.Int(n);
    }
  }
  void PullRequestRef(const model::PullRequest& p) {
    w_.BeginObject().Field("repository", Repo(p.repo)).Field("number", p.number).EndObject();
  }

  void Identities() {
    w_.Key("identities").BeginArray();
    for (model::IdentityId id : who_.identities) {
      const model::Identity& i = ws_.identities()[id];
      w_.BeginObject().Field("ref", i.Ref()).Field("kind", model::IdentityKindName(i.kind));
      w_.Field("spelling", i.spelling).Key("names").BeginArray();
      for (const std::string& n : i.names) w_.String(n);
      w_.EndArray();
      w_.Key("github_user_id");
      if (i.github_user_id != 0) {
        w_.Int(i.github_user_id);
      } else {
        w_.Null();
      }
      w_.EndObject();
    }
    w_.EndArray();
  }

  void Commits() {
    w_.Key("commits").BeginArray();
    for (const model::Commit& c : ws_.commits()) {
      if (!Mine(c.author)) continue;
      w_.BeginObject().Field("sha", c.sha.Hex()).Field("repository", Repo(c.repo));
      w_.Field("author", Ref(c.author)).Field("committer", Ref(c.committer));
      Stamp("authored_at", c.authored);
      Stamp("committed_at", c.committed);
      w_.Field("message", c.message);
      w_.Key("parents").BeginArray();
      for (const Sha& p : c.parents) w_.String(p.Hex());
      w_.EndArray().Key("co_authors").BeginArray();
      for (model::IdentityId id : c.co_authors) w_.String(Ref(id));
      w_.EndArray();
      if (c.has_stats) {
        w_.Field("additions", c.additions).Field("deletions", c.deletions).Field("changed_files", c.changed_files);
      }
      w_.Key("files").BeginArray();
      for (const model::FileChange& f : c.files) {
        w_.BeginObject().Field("path", f.path).Field("old_path", f.old_path).Field("additions", f.additions);
        w_.Field("deletions", f.deletions).Field("status", model::FileStatusName(f.status)).Field("binary", f.binary);
        w_.EndObject();
      }
      w_.EndArray().Field("source_ref", c.source_ref).EndObject();
    }
    w_.EndArray();
  }

  void PullRequests() {
    w_.Key("pull_requests").BeginArray();
    for (const model::PullRequest& p : ws_.pull_requests()) {
      if (!Mine(p.author)) continue;
      w_.BeginObject().Field("repository", Repo(p.repo)).Field("number", p.number).Field("title", p.title);
      w_.Field("body", p.body).Field("state", model::PrStateName(p.state)).Field("draft", p.draft);
      Time("created_at", p.created_at);
      Time("ready_at", p.ready_at);
      Time("merged_at", p.merged_at);
      Time("closed_at", p.closed_at);
      w_.Field("merged_by", Ref(p.merged_by));
      Count("additions", p.additions);
      Count("deletions", p.deletions);
      Count("changed_files", p.changed_files);
      w_.Key("labels").BeginArray();
      for (const std::string& l : p.labels) w_.String(l);
      w_.EndArray().Key("requested_reviewers").BeginArray();
      for (model::IdentityId id : p.requested_reviewers) w_.String(Ref(id));
      w_.EndArray().Field("base_ref", p.base_ref).Field("head_ref", p.head_ref).EndObject();
    }
    w_.EndArray();
  }

  void Reviews() {
    w_.Key("reviews").BeginArray();
    for (const model::Review& r : ws_.reviews()) {
      if (!Mine(r.reviewer)) continue;
      w_.BeginObject().Field("github_id", r.github_id).Field("repository", Repo(r.repo));
      w_.Field("pr_number", r.pr_number).Field("state", model::ReviewStateName(r.state));
      Time("submitted_at", r.submitted_at);
      w_.Field("body", r.body).EndObject();
    }
    w_.EndArray();
  }

  void Comments() {
    w_.Key("comments").BeginArray();
    for (const model::Comment& c : ws_.comments()) {
      if (!Mine(c.author)) continue;
      w_.BeginObject().Field("github_id", c.github_id).Field("kind", model::CommentKindName(c.kind));
      w_.Field("repository", Repo(c.repo)).Field("pr_number", c.pr_number);
      Time("created_at", c.created_at);
      Time("updated_at", c.updated_at);
      w_.Field("body", c.body).Field("path", c.path).Field("line", c.line).EndObject();
    }
    w_.EndArray();
  }

  //! Rows of other people that name the developer.
  void References() {
    w_.Key("co_authored_commits").BeginArray();
    for (const model::Commit& c : ws_.commits()) {
      if (Mine(c.author) || std::none_of(c.co_authors.begin(), c.co_authors.end(), [&](auto id) { return Mine(id); })) {
        continue;
      }
      w_.BeginObject().Field("sha", c.sha.Hex()).Field("repository", Repo(c.repo)).Field("author", Ref(c.author));
      w_.EndObject();
    }
    w_.EndArray().Key("committed_commits").BeginArray();
    for (const model::Commit& c : ws_.commits()) {
      if (Mine(c.author) || !Mine(c.committer)) continue;
      w_.BeginObject().Field("sha", c.sha.Hex()).Field("repository", Repo(c.repo)).Field("author", Ref(c.author));
      w_.EndObject();
    }
    w_.EndArray().Key("merged_pull_requests").BeginArray();
    for (const model::PullRequest& p : ws_.pull_requests()) {
      if (!Mine(p.author) && Mine(p.merged_by)) PullRequestRef(p);
    }
    w_.EndArray().Key("review_requests").BeginArray();
    for (const model::PullRequest& p : ws_.pull_requests()) {
      if (!Mine(p.author) &&
          std::any_of(p.requested_reviewers.begin(), p.requested_reviewers.end(), [&](auto id) { return Mine(id); })) {
        PullRequestRef(p);
      }
    }
    w_.EndArray();
  }

  void Settings() {
    const model::WorkspaceSettings& s = view_.settings;
    // The schedule the metrics use: the first one stored for any of their identities.
    w_.Key("working_schedule");
    auto schedule = std::find_if(s.schedules.begin(), s.schedules.end(),
                                 [&](const model::WorkingSchedule& x) { return MineRef(x.identity); });
    if (schedule != s.schedules.end()) {
      snapshots::WriteJson(w_, *schedule);
    } else {
      w_.Null();
    }
    w_.Key("team_memberships").BeginArray();
    for (const model::Team& t : s.teams) {
      for (const model::TeamMember& m : t.members) {
        if (!MineRef(m.identity)) continue;
        w_.BeginObject().Field("team", t.name).Field("role", m.role == model::TeamRole::kLead ? "lead" : "member");
        w_.Field("identity", m.identity).EndObject();
      }
    }
    w_.EndArray();
    const model::IdentityRules& rules = ws_.rules();
    w_.Key("identity_rules").BeginObject().Key("merges").BeginArray();
    for (const model::MergeRule& m : rules.merges) {
      if (MineRef(m.a) || MineRef(m.b)) w_.BeginObject().Field("a", m.a).Field("b", m.b).EndObject();
    }
    w_.EndArray().Key("splits").BeginArray();
    for (const model::SplitRule& r : rules.splits) {
      if (MineRef(r.identity)) w_.String(r.identity);
    }
    w_.EndArray().Key("mailmap").BeginArray();
    for (const model::MailmapEntry& e : rules.mailmap) {
      if (!MineRef("email:" + e.commit_email) && !MineRef("email:" + e.proper_email)) continue;
      w_.BeginObject().Field("proper_name", e.proper_name).Field("proper_email", e.proper_email);
      w_.Field("commit_name", e.commit_name).Field("commit_email", e.commit_email).EndObject();
    }
    w_.EndArray().EndObject();
    w_.Key("alert_rules").BeginArray();
    for (const alerts::Rule& r : view_.alerts.rules()) {
      if (r.scope == alerts::Scope::kDeveloper && MineRef(r.scope_ref)) alerts::WriteJson(w_, r);
    }
    w_.EndArray();
  }

  void Snapshots() {
    // Current versions are unknown here; "stale" is relative to the snapshot's own inputs.
    w_.Key("snapshots").BeginArray();
    std::vector<const snapshots::DeveloperSnapshot*> rows;
    for (const auto& [key, s] : view_.snapshots.developers()) {
      if (Mine(key.developer)) rows.push_back(&s);  // stale rows may keep an id from before a merge
    }
    std::stable_sort(rows.begin(), rows.end(), [](const auto* a, const auto* b) {
      return a->period.start > b->period.start;
    });
    for (const auto* s : rows) snapshots::WriteJson(w_, *s, s->versions);
    w_.EndArray();
  }

  void Alerts() {
    w_.Key("alert_history").BeginArray();
    const auto& all = view_.alerts.alerts();
    for (auto it = all.rbegin(); it != all.rend(); ++it) {
      if (Mine(it->developer)) alerts::WriteJson(w_, *it);
    }
    w_.EndArray();
  }

  const WorkspaceView& view_;
  const model::Workspace& ws_;
  const identity::Developer& who_;
  JsonWriter w_;
};

}  // namespace

std::string ExportDeveloper(const WorkspaceView& view, uint32_t developer, Instant exported_at) {
  return Exporter(view, view.resolution.developers()[developer]).Run(exported_at) + "\n";
}

}  // namespace loupe::privacy
