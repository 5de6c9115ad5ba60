#include "storage/loader.h"

#include "loupe/core/strings.h"
#include "storage/alert_rows.h"
#include "storage/row_codec.h"
#include "storage/schema.h"
#include "storage/settings_rows.h"
#include "storage/snapshot_rows.h"
#include "storage/sql_util.h"

namespace loupe::storage {

namespace {

Status Corrupt(std::string_view table, int64_t id, std::string_view problem) {
  return InvalidInput("corrupt database: " + std::string(table) + " row " + std::to_string(id) +
                      " " + std::string(problem));
}

Status BadColumn(std::string_view table, int64_t id, int column) {
  return Corrupt(table, id, "has an invalid value in column " + std::to_string(column));
}

//! A read transaction: every table is read from one snapshot even while another connection
//! writes. (Transaction is BEGIN IMMEDIATE, which would block writers for a pure read.)
class ReadSnapshot {
 public:
  explicit ReadSnapshot(SqlDriver& db) : db_(db), status_(db.Exec("BEGIN")) {}
  ~ReadSnapshot() {
    if (status_.ok()) (void)db_.Exec("ROLLBACK");
  }
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;
  const Status& status() const { return status_; }

 private:
  SqlDriver& db_;
  Status status_;
};

//! Reads a child table ordered by (parent id, ord) alongside its parents, whose ids are
//! ascending: one pass, no lookups. `attach(parent_index, row)` takes the row's columns from 1.
template <typename Attach>
Status ReadChildren(SqlDriver& db, std::string_view table, std::string_view sql,
                    const std::vector<int64_t>& parent_ids, Attach attach) {
  LOUPE_ASSIGN_OR_RETURN(auto query, db.Prepare(sql));
  size_t parent = 0;
  return ForEachRow(*query, [&](const SqlStatement& q) -> Status {
    const int64_t parent_id = q.ColumnInt(0);
    while (parent < parent_ids.size() && parent_ids[parent] < parent_id) ++parent;
    if (parent == parent_ids.size() || parent_ids[parent] != parent_id) {
      return Corrupt(table, parent_id, "belongs to a row that does not exist");
    }
    RowReader row(q);
    attach(parent, row);
    return row.ok() ? Status::Ok() : BadColumn(table, parent_id, row.bad_column());
  });
}

Status LoadRepositories(SqlDriver& db, model::Workspace& ws) {
  LOUPE_ASSIGN_OR_RETURN(auto query,
                         db.Prepare("SELECT id, full_name FROM repositories ORDER BY id"));
  return ForEachRow(*query, [&](const SqlStatement& q) -> Status {
    const int64_t id = q.ColumnInt(0);
    if (id != static_cast<int64_t>(ws.repositories().size())) {
      return Corrupt("repositories", id, "breaks the dense id sequence");
    }
    ws.LoadRepository(
        model::Repository{static_cast<model::RepoId>(id), std::string(q.ColumnText(1))});
    return Status::Ok();
  });
}

Status LoadIdentities(SqlDriver& db, model::Workspace& ws) {
  std::vector<model::Identity> identities;
  std::vector<int64_t> ids;
  LOUPE_ASSIGN_OR_RETURN(
      auto query,
      db.Prepare("SELECT id, kind, key, spelling, github_user_id FROM identities ORDER BY id"));
  LOUPE_TRY(ForEachRow(*query, [&](const SqlStatement& q) -> Status {
    RowReader row(q);
    model::Identity& i = identities.emplace_back();
    const int64_t id = row.Int(0);
    if (id != static_cast<int64_t>(ids.size())) {
      return Corrupt("identities", id, "breaks the dense id sequence");
    }
    i.id = static_cast<model::IdentityId>(id);
    i.kind = row.Enum<model::IdentityKind>(1, 2);
    i.key = row.Text(2);
    i.spelling = row.Text(3);
    i.github_user_id = row.ZeroIfNull(4);
    ids.push_back(id);
    return row.ok() ? Status::Ok() : BadColumn("identities", id, row.bad_column());
  }));
  LOUPE_TRY(ReadChildren(
      db, "identities",
      "SELECT i.id, n.value FROM identities AS i, json_each(i.names) AS n "
      "ORDER BY i.id, n.key",
      ids, [&](size_t at, RowReader& row) { identities[at].names.push_back(row.Text(1)); }));
  for (model::Identity& i : identities) ws.LoadIdentity(std::move(i));
  return Status::Ok();
}

Status LoadLinks(SqlDriver& db, model::Workspace& ws) {
  LOUPE_ASSIGN_OR_RETURN(auto query, db.Prepare("SELECT a, b FROM identity_links ORDER BY id"));
  return ForEachRow(*query, [&](const SqlStatement& q) -> Status {
    ws.AddLink(static_cast<model::IdentityId>(q.ColumnInt(0)),
               static_cast<model::IdentityId>(q.ColumnInt(1)));
    return Status::Ok();
  });
}

Status LoadCommits(SqlDriver& db, model::Workspace& ws) {
  std::vector<model::Commit> commits;
  std::vector<int64_t> ids;
  LOUPE_ASSIGN_OR_RETURN(
      auto query,
      db.Prepare("SELECT id, sha, repo, author, committer, authored_utc, authored_offset, "
                 "committed_utc, committed_offset, message, parents, additions, deletions, "
                 "changed_files, has_stats, has_files, approximate_time, source_ref FROM commits "
                 "ORDER BY id"));
  LOUPE_TRY(ForEachRow(*query, [&](const SqlStatement& q) -> Status {
    RowReader row(q);
    model::Commit& c = commits.emplace_back();
    int col = 0;
    const int64_t id = row.Int(col++);
    c.sha = row.Sha(col++);
    c.repo = row.Id(col++);
    c.author = row.Id(col++);
    c.committer = row.Id(col++);
    c.authored.utc = row.Time(col++);
    c.authored.offset_minutes = row.Offset(col++);
    c.committed.utc = row.Time(col++);
    c.committed.offset_minutes = row.Offset(col++);
    c.message = row.Text(col++);
    c.parents = row.Shas(col++);
    c.additions = row.Int(col++);
    c.deletions = row.Int(col++);
    c.changed_files = static_cast<int32_t>(row.Int(col++));
    c.has_stats = row.Bool(col++);
    c.has_files = row.Bool(col++);
    c.approximate_time = row.Bool(col++);
    c.source_ref = row.Text(col++);
    ids.push_back(id);
    return row.ok() ? Status::Ok() : BadColumn("commits", id, row.bad_column());
  }));
  LOUPE_TRY(ReadChildren(
      db, "commit_co_authors",
      "SELECT commit_id, identity FROM commit_co_authors ORDER BY commit_id, ord", ids,
      [&](size_t at, RowReader& row) { commits[at].co_authors.push_back(row.Id(1)); }));
  LOUPE_TRY(ReadChildren(
      db, "file_changes",
      "SELECT commit_id, path, old_path, additions, deletions, status, binary FROM file_changes "
      "ORDER BY commit_id, ord",
      ids, [&](size_t at, RowReader& row) {
        model::FileChange& f = commits[at].files.emplace_back();
        f.path = row.Text(1);
        f.old_path = row.Text(2);
        f.additions = static_cast<int32_t>(row.Int(3));
        f.deletions = static_cast<int32_t>(row.Int(4));
        f.status = row.Enum<model::FileStatus>(5, 7);
        f.binary = row.Bool(6);
      }));
  for (model::Commit& c : commits) ws.UpsertCommit(std::move(c));
  return Status::Ok();
}

Status LoadPullRequests(SqlDriver& db, model::Workspace& ws) {
  std::vector<model::PullRequest> prs;
  std::vector<int64_t> ids;
  LOUPE_ASSIGN_OR_RETURN(
      auto query,
      db.Prepare("SELECT id, repo, number, github_id, author, title, body, state, draft, "
                 "created_at, updated_at, ready_at, merged_at, closed_at, merged_by, additions, "
                 "deletions, changed_files, commits, comments, review_comments, base_ref, "
                 "head_ref, head_sha, merge_commit_sha FROM pull_requests ORDER BY id"));
  LOUPE_TRY(ForEachRow(*query, [&](const SqlStatement& q) -> Status {
    RowReader row(q);
    model::PullRequest& p = prs.emplace_back();
    int col = 0;
    const int64_t id = row.Int(col++);
    p.repo = row.Id(col++);
    p.number = row.Int(col++);
    p.github_id = row.ZeroIfNull(col++);
    p.author = row.Id(col++);
    p.title = row.Text(col++);
    p.body = row.Text(col++);
    p.state = row.Enum<model::PrState>(col++, 3);
    p.draft = row.Bool(col++);
    p.created_at = row.Time(col++);
    p.updated_at = row.Time(col++);
    p.ready_at = row.Time(col++);
    p.merged_at = row.Time(col++);
    p.closed_at = row.Time(col++);
    p.merged_by = row.Id(col++);
    p.additions = row.Count(col++);
    p.deletions = row.Count(col++);
    p.changed_files = row.Count(col++);
    p.commits = row.Count(col++);
    p.comments = row.Count(col++);
    p.review_comments = row.Count(col++);
    p.base_ref = row.Text(col++);
    p.head_ref = row.Text(col++);
    p.head_sha = row.Sha(col++);
    p.merge_commit_sha = row.Sha(col++);
    ids.push_back(id);
    return row.ok() ? Status::Ok() : BadColumn("pull_requests", id, row.bad_column());
  }));
  LOUPE_TRY(
      ReadChildren(db, "pr_labels", "SELECT pr_id, label FROM pr_labels ORDER BY pr_id, ord", ids,
                   [&](size_t at, RowReader& row) { prs[at].labels.push_back(row.Text(1)); }));
  LOUPE_TRY(ReadChildren(
      db, "pr_requested_reviewers",
      "SELECT pr_id, identity FROM pr_requested_reviewers ORDER BY pr_id, ord", ids,
      [&](size_t at, RowReader& row) { prs[at].requested_reviewers.push_back(row.Id(1)); }));
  LOUPE_TRY(
      ReadChildren(db, "pr_commits", "SELECT pr_id, sha FROM pr_commits ORDER BY pr_id, ord", ids,
                   [&](size_t at, RowReader& row) { prs[at].commit_shas.push_back(row.Sha(1)); }));
  for (model::PullRequest& p : prs) ws.UpsertPullRequest(std::move(p));
  return Status::Ok();
}

Status LoadReviews(SqlDriver& db, model::Workspace& ws) {
  LOUPE_ASSIGN_OR_RETURN(auto query,
                         db.Prepare("SELECT id, github_id, repo, pr_number, reviewer, state, "
                                    "submitted_at, body, commit_sha FROM reviews ORDER BY id"));
  return ForEachRow(*query, [&](const SqlStatement& q) -> Status {
    RowReader row(q);
    model::Review r;
    r.github_id = row.Int(1);
    r.repo = row.Id(2);
    r.pr_number = row.ZeroIfNull(3);
    r.reviewer = row.Id(4);
    r.state = row.Enum<model::ReviewState>(5, 5);
    r.submitted_at = row.Time(6);
    r.body = row.Text(7);
    r.commit_id = row.Sha(8);
    if (!row.ok()) return BadColumn("reviews", row.Int(0), row.bad_column());
    ws.UpsertReview(std::move(r));
    return Status::Ok();
  });
}

Status LoadComments(SqlDriver& db, model::Workspace& ws) {
  LOUPE_ASSIGN_OR_RETURN(
      auto query,
      db.Prepare("SELECT id, kind, github_id, repo, pr_number, author, created_at, updated_at, "
                 "body, review_id, in_reply_to, path, line FROM comments ORDER BY id"));
  return ForEachRow(*query, [&](const SqlStatement& q) -> Status {
    RowReader row(q);
    model::Comment c;
    c.kind = row.Enum<model::CommentKind>(1, 2);
    c.github_id = row.Int(2);
    c.repo = row.Id(3);
    c.pr_number = row.ZeroIfNull(4);
    c.author = row.Id(5);
    c.created_at = row.Time(6);
    c.updated_at = row.Time(7);
    c.body = row.Text(8);
    c.review_id = row.ZeroIfNull(9);
    c.in_reply_to = row.ZeroIfNull(10);
    c.path = row.Text(11);
    c.line = static_cast<int32_t>(row.ZeroIfNull(12));
    if (!row.ok()) return BadColumn("comments", row.Int(0), row.bad_column());
    ws.UpsertComment(std::move(c));
    return Status::Ok();
  });
}

Status LoadManifests(SqlDriver& db, model::Workspace& ws) {
  LOUPE_ASSIGN_OR_RETURN(
      auto query,
      db.Prepare("SELECT id, repo, path, commit_sha, at, content FROM manifests ORDER BY id"));
  return ForEachRow(*query, [&](const SqlStatement& q) -> Status {
    RowReader row(q);
    model::ManifestSnapshot m;
    m.repo = row.Id(1);
    m.path = row.Text(2);
    m.commit = row.Sha(3);
    m.at = row.Time(4);
    m.content = row.Text(5);
    if (!row.ok()) return BadColumn("manifests", row.Int(0), row.bad_column());
    ws.UpsertManifest(std::move(m));
    return Status::Ok();
  });
}

Status LoadRules(SqlDriver& db, model::IdentityRules& rules) {
  LOUPE_ASSIGN_OR_RETURN(auto saved, ReadMeta(db, kRulesSavedKey));
  if (!saved) return Status::Ok();
  rules = model::IdentityRules();
  LOUPE_ASSIGN_OR_RETURN(auto merges, db.Prepare("SELECT a, b FROM merge_rules ORDER BY seq"));
  LOUPE_TRY(ForEachRow(*merges, [&](const SqlStatement& q) -> Status {
    rules.merges.push_back({std::string(q.ColumnText(0)), std::string(q.ColumnText(1))});
    return Status::Ok();
  }));
  LOUPE_ASSIGN_OR_RETURN(auto splits, db.Prepare("SELECT identity FROM split_rules ORDER BY seq"));
  LOUPE_TRY(ForEachRow(*splits, [&](const SqlStatement& q) -> Status {
    rules.splits.push_back({std::string(q.ColumnText(0))});
    return Status::Ok();
  }));
  LOUPE_ASSIGN_OR_RETURN(auto mailmap,
                         db.Prepare("SELECT proper_name, proper_email, commit_name, commit_email "
                                    "FROM mailmap_entries ORDER BY seq"));
  LOUPE_TRY(ForEachRow(*mailmap, [&](const SqlStatement& q) -> Status {
    rules.mailmap.push_back({std::string(q.ColumnText(0)), std::string(q.ColumnText(1)),
                             std::string(q.ColumnText(2)), std::string(q.ColumnText(3))});
    return Status::Ok();
  }));
  LOUPE_ASSIGN_OR_RETURN(auto bots,
                         db.Prepare("SELECT pattern, is_bot, note FROM bot_rules ORDER BY seq"));
  return ForEachRow(*bots, [&](const SqlStatement& q) -> Status {
    rules.bot_rules.push_back(
        {std::string(q.ColumnText(0)), q.ColumnInt(1) != 0, std::string(q.ColumnText(2))});
    return Status::Ok();
  });
}

Result<int64_t> LoadVersion(SqlDriver& db, std::string_view key) {
  LOUPE_ASSIGN_OR_RETURN(auto value, ReadMeta(db, key));
  int64_t version = 0;
  if (value && !ParseInt64(*value, version, 0)) {
    return InvalidInput("corrupt database: meta " + std::string(key) + " is not a version number");
  }
  return version;
}

Status LoadSyncState(SqlDriver& db, std::map<std::string, SyncEntry, std::less<>>& out) {
  LOUPE_ASSIGN_OR_RETURN(auto query, db.Prepare("SELECT key, value, updated_at FROM sync_state ORDER BY key"));
  return ForEachRow(*query, [&](SqlStatement& row) {
    out[std::string(row.ColumnText(0))] = SyncEntry{std::string(row.ColumnText(1)), row.ColumnInt(2)};
    return Status::Ok();
  });
}

Status LoadState(SqlDriver& db, StoredState& state) {
  LOUPE_TRY(Annotate(LoadSettings(db, state.settings), "cannot load the settings"));
  LOUPE_TRY(Annotate(LoadSnapshots(db, state.snapshots), "cannot load snapshots"));
  LOUPE_TRY(Annotate(LoadAlerts(db, state.alerts), "cannot load alerts"));
  LOUPE_ASSIGN_OR_RETURN(state.versions.data, LoadVersion(db, kDataVersionKey));
  LOUPE_ASSIGN_OR_RETURN(state.versions.inputs, LoadVersion(db, kInputsVersionKey));
  LOUPE_TRY(Annotate(LoadSyncState(db, state.sync_state), "cannot load the sync state"));
  return Status::Ok();
}

}  // namespace

Status LoadWorkspace(SqlDriver& db, model::Workspace& workspace, StoredState* state) {
  ReadSnapshot snapshot(db);
  LOUPE_TRY(Annotate(snapshot.status(), "cannot start reading the database"));
  LOUPE_TRY(Annotate(LoadRepositories(db, workspace), "cannot load repositories"));
  LOUPE_TRY(Annotate(LoadIdentities(db, workspace), "cannot load identities"));
  LOUPE_TRY(Annotate(LoadLinks(db, workspace), "cannot load identity links"));
  LOUPE_TRY(Annotate(LoadCommits(db, workspace), "cannot load commits"));
  LOUPE_TRY(Annotate(LoadPullRequests(db, workspace), "cannot load pull requests"));
  LOUPE_TRY(Annotate(LoadReviews(db, workspace), "cannot load reviews"));
  LOUPE_TRY(Annotate(LoadComments(db, workspace), "cannot load comments"));
  LOUPE_TRY(Annotate(LoadManifests(db, workspace), "cannot load manifests"));
  LOUPE_TRY(Annotate(LoadRules(db, workspace.mutable_rules()), "cannot load identity rules"));
  return state == nullptr ? Status::Ok() : LoadState(db, *state);
}

}  // namespace loupe::storage
