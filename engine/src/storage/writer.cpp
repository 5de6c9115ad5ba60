#include "storage/writer.h"

#include "storage/row_codec.h"
#include "storage/schema.h"
#include "storage/sql_util.h"

namespace loupe::storage {

namespace {

int64_t RuleRows(const model::IdentityRules& rules) {
  return static_cast<int64_t>(rules.merges.size() + rules.splits.size() + rules.mailmap.size() +
                              rules.bot_rules.size());
}

int64_t CommitRows(const model::Commit& c) {
  return 1 + static_cast<int64_t>(c.files.size() + c.co_authors.size());
}

int64_t PullRequestRows(const model::PullRequest& p) {
  return 1 + static_cast<int64_t>(p.labels.size() + p.requested_reviewers.size() +
                                  p.commit_shas.size());
}

//! Every row a Write stores, child rows included: the progress total.
int64_t CountRows(const model::ChangeSet& changes) {
  int64_t rows = static_cast<int64_t>(changes.repositories.size() + changes.identities.size() +
                                      changes.links.size() + changes.reviews.size() +
                                      changes.comments.size() + changes.manifests.size());
  for (const model::Commit& c : changes.commits) rows += CommitRows(c);
  for (const model::PullRequest& p : changes.pull_requests) rows += PullRequestRows(p);
  if (changes.rules) rows += RuleRows(*changes.rules);
  return rows;
}

//! Rows that child tables refer to by id (commits, pull requests). Found by their natural key,
//! then updated in place (so the id, and with it the order Load restores, never changes) or
//! inserted under the next free id. INSERT … ON CONFLICT … RETURNING id would take one statement,
//! but made storing a commit with its file rows ~2.5x slower in SQLite 3.40.
class ParentRows {
 public:
  static Result<ParentRows> Prepare(SqlDriver& db, std::string_view table, Columns keys,
                                    Columns values) {
    ParentRows rows;
    std::string where;
    for (std::string_view k : keys)
      where += (where.empty() ? "" : " AND ") + std::string(k) + " = ?";
    const std::string t(table);
    LOUPE_ASSIGN_OR_RETURN(rows.find_, db.Prepare("SELECT id FROM " + t + " WHERE " + where));
    LOUPE_ASSIGN_OR_RETURN(
        rows.insert_,
        db.Prepare("INSERT INTO " + t + " (id, " + Join(keys) + ", " + Join(values) + ") VALUES (" +
                   Placeholders(1 + keys.size() + values.size()) + ")"));
    std::string set;
    for (std::string_view v : values) set += (set.empty() ? "" : ", ") + std::string(v) + " = ?";
    LOUPE_ASSIGN_OR_RETURN(rows.update_,
                           db.Prepare("UPDATE " + t + " SET " + set + " WHERE id = ?"));
    LOUPE_ASSIGN_OR_RETURN(rows.next_id_,
                           QueryInt(db, "SELECT coalesce(max(id), 0) + 1 FROM " + t));
    return rows;
  }

  struct Stored {
    int64_t id;
    bool existed;  //!< the row was there before: its child rows must be replaced
  };

  //! Stores one row; `bind_keys` binds the natural key, `bind_values` the other columns.
  template <typename BindKeys, typename BindValues>
  Result<Stored> Upsert(BindKeys bind_keys, BindValues bind_values) {
    RowBinder key(*find_);
    bind_keys(key);
    LOUPE_TRY(key.status());
    Result<bool> found = find_->Step();
    Stored stored{next_id_, false};
    if (found.ok() && *found) stored = {find_->ColumnInt(0), true};
    LOUPE_TRY(find_->Reset());
    LOUPE_TRY(std::move(found).TakeStatus());
    if (stored.existed) {
      RowBinder row(*update_);
      bind_values(row);
      row.Int(stored.id);
      LOUPE_TRY(row.status());
      LOUPE_TRY(Run(*update_));
    } else {
      RowBinder row(*insert_);
      row.Int(stored.id);
      bind_keys(row);
      bind_values(row);
      LOUPE_TRY(row.status());
      LOUPE_TRY(Run(*insert_));
      ++next_id_;
    }
    return stored;
  }

 private:
  std::unique_ptr<SqlStatement> find_;
  std::unique_ptr<SqlStatement> insert_;
  std::unique_ptr<SqlStatement> update_;
  int64_t next_id_ = 1;
};

//! The rows of one child table (parent, ord, values…) and the statements that replace them.
class ChildRows {
 public:
  static Result<ChildRows> Prepare(SqlDriver& db, std::string_view table,
                                   std::string_view parent_column, Columns values) {
    ChildRows rows;
    LOUPE_ASSIGN_OR_RETURN(rows.clear_, db.Prepare("DELETE FROM " + std::string(table) + " WHERE " +
                                                   std::string(parent_column) + " = ?"));
    LOUPE_ASSIGN_OR_RETURN(rows.insert_,
                           db.Prepare("INSERT INTO " + std::string(table) + " (" +
                                      std::string(parent_column) + ", ord, " + Join(values) +
                                      ") VALUES (" + Placeholders(2 + values.size()) + ")"));
    return rows;
  }

  //! Stores `items` as the parent's rows, binding each item's values with `bind`; the rows a
  //! parent that `existed` had before are deleted first.
  template <typename T, typename Bind>
  Status Replace(ParentRows::Stored parent, const std::vector<T>& items, Bind bind) {
    if (parent.existed) {
      LOUPE_TRY(RowBinder(*clear_).Int(parent.id).status());
      LOUPE_TRY(Run(*clear_));
    }
    for (size_t i = 0; i < items.size(); ++i) {
      RowBinder row(*insert_);
      row.Int(parent.id).Int(static_cast<int64_t>(i));
      bind(row, items[i]);
      LOUPE_TRY(row.status());
      LOUPE_TRY(Run(*insert_));
    }
    return Status::Ok();
  }

 private:
  std::unique_ptr<SqlStatement> clear_;
  std::unique_ptr<SqlStatement> insert_;
};

//! Binds and runs `statement` once per item; a failure names the item through `describe`.
template <typename T, typename Bind, typename Describe>
Status WriteEach(SqlStatement& statement, const std::vector<T>& items, ProgressMeter& meter,
                 Bind bind, Describe describe) {
  for (const T& item : items) {
    RowBinder row(statement);
    bind(row, item);
    Status s = row.status();
    if (s.ok()) s = Run(statement);
    if (!s.ok()) return Annotate(std::move(s), "cannot store " + describe(item));
    LOUPE_TRY(meter.Add(1));
  }
  return Status::Ok();
}

Status WriteRepositories(SqlDriver& db, const std::vector<model::Repository>& repos,
                         ProgressMeter& meter) {
  if (repos.empty()) return Status::Ok();
  LOUPE_ASSIGN_OR_RETURN(auto upsert, db.Prepare(UpsertSql("repositories", {"id"}, {"full_name"})));
  return WriteEach(
      *upsert, repos, meter,
      [](RowBinder& row, const model::Repository& r) { row.Int(r.id).Text(r.full_name); },
      [](const model::Repository& r) { return "repository " + r.full_name; });
}

Status WriteIdentities(SqlDriver& db, const std::vector<model::Identity>& identities,
                       ProgressMeter& meter) {
  if (identities.empty()) return Status::Ok();
  LOUPE_ASSIGN_OR_RETURN(
      auto upsert, db.Prepare(UpsertSql("identities", {"id"},
                                        {"kind", "key", "spelling", "names", "github_user_id"})));
  return WriteEach(
      *upsert, identities, meter,
      [](RowBinder& row, const model::Identity& i) {
        row.Int(i.id)
            .Int(static_cast<int>(i.kind))
            .Text(i.key)
            .Text(i.spelling)
            .Text(EncodeNames(i.names))
            .NonZero(i.github_user_id);
      },
      [](const model::Identity& i) { return "identity " + std::to_string(i.id) + " " + i.Ref(); });
}

Status WriteLinks(SqlDriver& db, const std::vector<model::IdentityLink>& links,
                  ProgressMeter& meter) {
  if (links.empty()) return Status::Ok();
  LOUPE_ASSIGN_OR_RETURN(auto insert, db.Prepare(UpsertSql("identity_links", {"a", "b"}, {})));
  return WriteEach(
      *insert, links, meter,
      [](RowBinder& row, const model::IdentityLink& l) { row.Int(l.a).Int(l.b); },
      [](const model::IdentityLink& l) {
        return "identity link " + std::to_string(l.a) + "-" + std::to_string(l.b);
      });
}

Status WriteCommits(SqlDriver& db, const std::vector<model::Commit>& commits,
                    ProgressMeter& meter) {
  if (commits.empty()) return Status::Ok();
  LOUPE_ASSIGN_OR_RETURN(
      auto rows,
      ParentRows::Prepare(db, "commits", {"sha"},
                          {"repo", "author", "committer", "authored_utc", "authored_offset",
                           "committed_utc", "committed_offset", "message", "parents", "additions",
                           "deletions", "changed_files", "has_stats", "has_files", "approximate_time",
                           "source_ref"}));
  LOUPE_ASSIGN_OR_RETURN(auto co_authors,
                         ChildRows::Prepare(db, "commit_co_authors", "commit_id", {"identity"}));
  LOUPE_ASSIGN_OR_RETURN(auto files, ChildRows::Prepare(db, "file_changes", "commit_id",
                                                        {"path", "old_path", "additions",
                                                         "deletions", "status", "binary"}));
  for (const model::Commit& c : commits) {
    Status s = [&]() -> Status {
      LOUPE_ASSIGN_OR_RETURN(ParentRows::Stored stored,
                             rows.Upsert([&](RowBinder& row) { row.Sha(c.sha); },
                                         [&](RowBinder& row) {
                                           row.Id(c.repo)
                                               .Id(c.author)
                                               .Id(c.committer)
                                               .Time(c.authored.utc)
                                               .Offset(c.authored.offset_minutes)
                                               .Time(c.committed.utc)
                                               .Offset(c.committed.offset_minutes)
                                               .Text(c.message)
                                               .Blob(EncodeShas(c.parents))
                                               .Int(c.additions)
                                               .Int(c.deletions)
                                               .Int(c.changed_files)
                                               .Bool(c.has_stats)
                                               .Bool(c.has_files)
                                               .Bool(c.approximate_time)
                                               .Text(c.source_ref);
                                         }));
      LOUPE_TRY(co_authors.Replace(stored, c.co_authors,
                                   [](RowBinder& row, model::IdentityId who) { row.Id(who); }));
      return files.Replace(stored, c.files, [](RowBinder& row, const model::FileChange& f) {
        row.Text(f.path)
            .Text(f.old_path)
            .Int(f.additions)
            .Int(f.deletions)
            .Int(static_cast<int>(f.status))
            .Bool(f.binary);
      });
    }();
    if (!s.ok()) return Annotate(std::move(s), "cannot store commit " + c.sha.Hex());
    LOUPE_TRY(meter.Add(CommitRows(c)));
  }
  return Status::Ok();
}

std::string DescribePullRequest(const model::PullRequest& p) {
  return "pull request #" + std::to_string(p.number) + " of repository " + std::to_string(p.repo);
}

Status WritePullRequests(SqlDriver& db, const std::vector<model::PullRequest>& prs,
                         ProgressMeter& meter) {
  if (prs.empty()) return Status::Ok();
  LOUPE_ASSIGN_OR_RETURN(
      auto rows, ParentRows::Prepare(db, "pull_requests", {"repo", "number"},
                                     {"github_id", "author",          "title",         "body",
                                      "state",     "draft",           "created_at",    "updated_at",
                                      "ready_at",  "merged_at",       "closed_at",     "merged_by",
                                      "additions", "deletions",       "changed_files", "commits",
                                      "comments",  "review_comments", "base_ref",      "head_ref",
                                      "head_sha",  "merge_commit_sha"}));
  LOUPE_ASSIGN_OR_RETURN(auto labels, ChildRows::Prepare(db, "pr_labels", "pr_id", {"label"}));
  LOUPE_ASSIGN_OR_RETURN(auto reviewers,
                         ChildRows::Prepare(db, "pr_requested_reviewers", "pr_id", {"identity"}));
  LOUPE_ASSIGN_OR_RETURN(auto shas, ChildRows::Prepare(db, "pr_commits", "pr_id", {"sha"}));
  for (const model::PullRequest& p : prs) {
    Status s = [&]() -> Status {
      LOUPE_ASSIGN_OR_RETURN(ParentRows::Stored stored,
                             rows.Upsert([&](RowBinder& row) { row.Id(p.repo).Int(p.number); },
                                         [&](RowBinder& row) {
                                           row.NonZero(p.github_id)
                                               .Id(p.author)
                                               .Text(p.title)
                                               .Text(p.body)
                                               .Int(static_cast<int>(p.state))
                                               .Bool(p.draft)
                                               .Time(p.created_at)
                                               .Time(p.updated_at)
                                               .Time(p.ready_at)
                                               .Time(p.merged_at)
                                               .Time(p.closed_at)
                                               .Id(p.merged_by)
                                               .Count(p.additions)
                                               .Count(p.deletions)
                                               .Count(p.changed_files)
                                               .Count(p.commits)
                                               .Count(p.comments)
                                               .Count(p.review_comments)
                                               .Text(p.base_ref)
                                               .Text(p.head_ref)
                                               .OptionalSha(p.head_sha)
                                               .OptionalSha(p.merge_commit_sha);
                                         }));
      LOUPE_TRY(labels.Replace(stored, p.labels,
                               [](RowBinder& row, const std::string& label) { row.Text(label); }));
      LOUPE_TRY(reviewers.Replace(stored, p.requested_reviewers,
                                  [](RowBinder& row, model::IdentityId who) { row.Id(who); }));
      return shas.Replace(stored, p.commit_shas,
                          [](RowBinder& row, const Sha& sha) { row.Sha(sha); });
    }();
    if (!s.ok()) return Annotate(std::move(s), "cannot store " + DescribePullRequest(p));
    LOUPE_TRY(meter.Add(PullRequestRows(p)));
  }
  return Status::Ok();
}

Status WriteReviews(SqlDriver& db, const std::vector<model::Review>& reviews,
                    ProgressMeter& meter) {
  if (reviews.empty()) return Status::Ok();
  LOUPE_ASSIGN_OR_RETURN(
      auto upsert, db.Prepare(UpsertSql("reviews", {"github_id"},
                                        {"repo", "pr_number", "reviewer", "state", "submitted_at",
                                         "body", "commit_sha"})));
  return WriteEach(
      *upsert, reviews, meter,
      [](RowBinder& row, const model::Review& r) {
        row.Int(r.github_id)
            .Id(r.repo)
            .NonZero(r.pr_number)
            .Id(r.reviewer)
            .Int(static_cast<int>(r.state))
            .Time(r.submitted_at)
            .Text(r.body)
            .OptionalSha(r.commit_id);
      },
      [](const model::Review& r) { return "review " + std::to_string(r.github_id); });
}

Status WriteComments(SqlDriver& db, const std::vector<model::Comment>& comments,
                     ProgressMeter& meter) {
  if (comments.empty()) return Status::Ok();
  LOUPE_ASSIGN_OR_RETURN(
      auto upsert, db.Prepare(UpsertSql("comments", {"kind", "github_id"},
                                        {"repo", "pr_number", "author", "created_at", "updated_at",
                                         "body", "review_id", "in_reply_to", "path", "line"})));
  return WriteEach(
      *upsert, comments, meter,
      [](RowBinder& row, const model::Comment& c) {
        row.Int(static_cast<int>(c.kind))
            .Int(c.github_id)
            .Id(c.repo)
            .NonZero(c.pr_number)
            .Id(c.author)
            .Time(c.created_at)
            .Time(c.updated_at)
            .Text(c.body)
            .NonZero(c.review_id)
            .NonZero(c.in_reply_to)
            .Text(c.path)
            .NonZero(c.line);
      },
      [](const model::Comment& c) {
        return std::string(model::CommentKindName(c.kind)) + " comment " +
               std::to_string(c.github_id);
      });
}

Status WriteManifests(SqlDriver& db, const std::vector<model::ManifestSnapshot>& manifests,
                      ProgressMeter& meter) {
  if (manifests.empty()) return Status::Ok();
  LOUPE_ASSIGN_OR_RETURN(
      auto upsert,
      db.Prepare(UpsertSql("manifests", {"repo", "path", "commit_sha"}, {"at", "content"})));
  return WriteEach(
      *upsert, manifests, meter,
      [](RowBinder& row, const model::ManifestSnapshot& m) {
        row.Id(m.repo).Text(m.path).Sha(m.commit).Time(m.at).Text(m.content);
      },
      [](const model::ManifestSnapshot& m) {
        return "manifest " + m.path + " at " + m.commit.Hex();
      });
}

Status WriteRuleRows(SqlDriver& db, const model::IdentityRules& rules, ProgressMeter& meter) {
  // `seq` is each rule's position in its list: a later split undoes earlier merges.
  Status s = [&]() -> Status {
    LOUPE_TRY(
        db.Exec("DELETE FROM merge_rules; DELETE FROM split_rules; "
                "DELETE FROM mailmap_entries; DELETE FROM bot_rules"));
    LOUPE_ASSIGN_OR_RETURN(auto merge,
                           db.Prepare("INSERT INTO merge_rules (seq, a, b) VALUES (?, ?, ?)"));
    LOUPE_TRY(WriteEach(
        *merge, rules.merges, meter,
        [seq = int64_t{0}](RowBinder& row, const model::MergeRule& r) mutable {
          row.Int(seq++).Text(r.a).Text(r.b);
        },
        [](const model::MergeRule& r) { return "merge rule " + r.a + " = " + r.b; }));
    LOUPE_ASSIGN_OR_RETURN(auto split,
                           db.Prepare("INSERT INTO split_rules (seq, identity) VALUES (?, ?)"));
    LOUPE_TRY(WriteEach(
        *split, rules.splits, meter,
        [seq = int64_t{0}](RowBinder& row, const model::SplitRule& r) mutable {
          row.Int(seq++).Text(r.identity);
        },
        [](const model::SplitRule& r) { return "split rule " + r.identity; }));
    LOUPE_ASSIGN_OR_RETURN(
        auto mailmap,
        db.Prepare("INSERT INTO mailmap_entries (seq, proper_name, proper_email, commit_name, "
                   "commit_email) VALUES (?, ?, ?, ?, ?)"));
    LOUPE_TRY(WriteEach(
        *mailmap, rules.mailmap, meter,
        [seq = int64_t{0}](RowBinder& row, const model::MailmapEntry& e) mutable {
          row.Int(seq++)
              .Text(e.proper_name)
              .Text(e.proper_email)
              .Text(e.commit_name)
              .Text(e.commit_email);
        },
        [](const model::MailmapEntry& e) { return "mailmap entry for " + e.commit_email; }));
    LOUPE_ASSIGN_OR_RETURN(
        auto bot,
        db.Prepare("INSERT INTO bot_rules (seq, pattern, is_bot, note) VALUES (?, ?, ?, ?)"));
    LOUPE_TRY(WriteEach(
        *bot, rules.bot_rules, meter,
        [seq = int64_t{0}](RowBinder& row, const model::BotRule& r) mutable {
          row.Int(seq++).Text(r.pattern).Bool(r.is_bot).Text(r.note);
        },
        [](const model::BotRule& r) { return "bot rule " + r.pattern; }));
    return WriteMeta(db, kRulesSavedKey, "saved");
  }();
  return Annotate(std::move(s), "cannot store the identity rules");
}

}  // namespace

Status WriteChangeSet(SqlDriver& db, const model::ChangeSet& changes, const ProgressFn& progress) {
  ProgressMeter meter(progress, CountRows(changes));
  // Parents before the rows that refer to them, so every foreign key holds as soon as it is set.
  LOUPE_TRY(WriteRepositories(db, changes.repositories, meter));
  LOUPE_TRY(WriteIdentities(db, changes.identities, meter));
  LOUPE_TRY(WriteLinks(db, changes.links, meter));
  LOUPE_TRY(WriteCommits(db, changes.commits, meter));
  LOUPE_TRY(WritePullRequests(db, changes.pull_requests, meter));
  LOUPE_TRY(WriteReviews(db, changes.reviews, meter));
  LOUPE_TRY(WriteComments(db, changes.comments, meter));
  LOUPE_TRY(WriteManifests(db, changes.manifests, meter));
  if (changes.rules) LOUPE_TRY(WriteRuleRows(db, *changes.rules, meter));
  return meter.Report();
}

Status WriteIdentityRules(SqlDriver& db, const model::IdentityRules& rules) {
  const ProgressFn silent;
  ProgressMeter meter(silent, RuleRows(rules));
  return WriteRuleRows(db, rules, meter);
}

}  // namespace loupe::storage
