#include "storage/erase_rows.h"

#include "storage/alert_rows.h"
#include "storage/row_codec.h"
#include "storage/settings_rows.h"
#include "storage/snapshot_rows.h"
#include "storage/sql_util.h"
#include "storage/writer.h"

namespace loupe::storage {

namespace {

//! Runs `statements` (child tables first) once per key, binding the key with `bind`.
template <typename Key, typename Bind>
Status DeleteEach(SqlDriver& db, std::initializer_list<std::string_view> statements, const std::vector<Key>& keys,
                  Bind bind, std::string_view what) {
  if (keys.empty()) return Status::Ok();
  std::vector<std::unique_ptr<SqlStatement>> prepared;
  for (std::string_view sql : statements) {
    LOUPE_ASSIGN_OR_RETURN(auto statement, db.Prepare(sql));
    prepared.push_back(std::move(statement));
  }
  for (const Key& key : keys) {
    for (auto& statement : prepared) {
      RowBinder row(*statement);
      bind(row, key);
      Status s = row.status();
      if (s.ok()) s = Run(*statement);
      if (!s.ok()) return Annotate(std::move(s), "cannot erase " + std::string(what));
    }
  }
  return Status::Ok();
}

//! "x - ((x > 3) + (x > 9))": the renumbered value of column x (privacy::IdentityRenumbering).
std::string Renumbered(std::string_view column, const privacy::IdentityRenumbering& renumbering) {
  std::string sql = std::string(column) + " - (0";
  for (model::IdentityId id : renumbering.erased()) sql += " + (" + std::string(column) + " > " + std::to_string(id) + ")";
  return sql + ")";
}

Status Renumber(SqlDriver& db, std::string_view table, std::string_view column,
                const privacy::IdentityRenumbering& renumbering, bool unique) {
  const std::string t(table), c(column);
  const std::string above = std::to_string(renumbering.erased().front());
  if (!unique) {
    return db.Exec("UPDATE " + t + " SET " + c + " = " + Renumbered(c, renumbering) + " WHERE " + c + " > " + above);
  }
  // A column under a unique constraint moves in two steps through negative values, so no row
  // takes a value another row still holds while the UPDATE runs.
  LOUPE_TRY(db.Exec("UPDATE " + t + " SET " + c + " = -1 - (" + Renumbered(c, renumbering) + ") WHERE " + c +
                    " > " + above));
  return db.Exec("UPDATE " + t + " SET " + c + " = -1 - " + c + " WHERE " + c + " < 0");
}

}  // namespace

Status WriteErasure(SqlDriver& db, const privacy::Erasure& e) {
  if (e.renumbering.erased().empty()) return InvalidInput("an erasure names no identity");
  // Identity ids change under rows that refer to them: foreign keys are checked at COMMIT.
  LOUPE_TRY(db.Exec("PRAGMA defer_foreign_keys = ON"));
  LOUPE_TRY(WriteSnapshots(db, e.snapshots, {}));
  LOUPE_TRY(WriteAlerts(db, e.alerts));
  LOUPE_TRY(DeleteEach(
      db,
      {"DELETE FROM file_changes WHERE commit_id = (SELECT id FROM commits WHERE sha = ?)",
       "DELETE FROM commit_co_authors WHERE commit_id = (SELECT id FROM commits WHERE sha = ?)",
       "DELETE FROM commits WHERE sha = ?"},
      e.commits, [](RowBinder& row, const Sha& sha) { row.Sha(sha); }, "commits"));
  constexpr std::string_view kPr = "(SELECT id FROM pull_requests WHERE repo = ? AND number = ?)";
  const std::string labels = "DELETE FROM pr_labels WHERE pr_id = " + std::string(kPr);
  const std::string requested = "DELETE FROM pr_requested_reviewers WHERE pr_id = " + std::string(kPr);
  const std::string shas = "DELETE FROM pr_commits WHERE pr_id = " + std::string(kPr);
  LOUPE_TRY(DeleteEach(
      db, {labels, requested, shas, "DELETE FROM pull_requests WHERE repo = ? AND number = ?"}, e.pull_requests,
      [](RowBinder& row, const std::pair<model::RepoId, int64_t>& pr) { row.Id(pr.first).Int(pr.second); },
      "pull requests"));
  LOUPE_TRY(DeleteEach(
      db, {"DELETE FROM reviews WHERE github_id = ?"}, e.reviews, [](RowBinder& row, int64_t id) { row.Int(id); },
      "reviews"));
  LOUPE_TRY(DeleteEach(
      db, {"DELETE FROM comments WHERE kind = ? AND github_id = ?"}, e.comments,
      [](RowBinder& row, const std::pair<model::CommentKind, int64_t>& c) {
        row.Int(static_cast<int>(c.first)).Int(c.second);
      },
      "comments"));

  const privacy::IdentityRenumbering& r = e.renumbering;
  for (auto [table, column] : {std::pair{"commits", "author"}, {"commits", "committer"},
                               {"commit_co_authors", "identity"}, {"pull_requests", "author"},
                               {"pull_requests", "merged_by"}, {"pr_requested_reviewers", "identity"},
                               {"reviews", "reviewer"}, {"comments", "author"}}) {
    LOUPE_TRY(Annotate(Renumber(db, table, column, r, false), std::string("cannot renumber ") + table));
  }
  for (const char* table : {"developer_snapshots", "alert_history"}) {
    LOUPE_TRY(Annotate(Renumber(db, table, "developer", r, true), std::string("cannot renumber ") + table));
  }
  // Identities and links are rewritten whole, in their new ids (links keep their order).
  LOUPE_TRY(db.Exec("DELETE FROM identity_links; DELETE FROM identities"));
  model::ChangeSet rows = e.rewritten;
  rows.identities = e.workspace.identities();
  rows.links = e.workspace.links();
  LOUPE_TRY(WriteChangeSet(db, rows, {}));
  return WriteSettings(db, e.settings);
}

}  // namespace loupe::storage
