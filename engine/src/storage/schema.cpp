#include "storage/schema.h"

#include "loupe/storage/database.h"

namespace loupe::storage {

namespace {

// Version 1. docs/storage.md explains every table and column; keep the two in step.
constexpr std::string_view kSchemaV1 = R"sql(
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
INSERT INTO meta(key, value) VALUES ('app', 'loupe');

CREATE TABLE repositories (
  id INTEGER PRIMARY KEY,
  full_name TEXT NOT NULL COLLATE NOCASE UNIQUE
) STRICT;

CREATE TABLE identities (
  id INTEGER PRIMARY KEY,
  kind INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 1),
  key TEXT NOT NULL,
  spelling TEXT NOT NULL,
  names TEXT NOT NULL CHECK (json_type(names) = 'array'),
  github_user_id INTEGER,
  UNIQUE (kind, key)
) STRICT;

CREATE TABLE identity_links (
  id INTEGER PRIMARY KEY,
  a INTEGER NOT NULL REFERENCES identities(id),
  b INTEGER NOT NULL REFERENCES identities(id),
  UNIQUE (a, b),
  CHECK (a < b)
) STRICT;

CREATE TABLE commits (
  id INTEGER PRIMARY KEY,
  sha BLOB NOT NULL UNIQUE CHECK (length(sha) = 20),
  repo INTEGER REFERENCES repositories(id),
  author INTEGER REFERENCES identities(id),
  committer INTEGER REFERENCES identities(id),
  authored_utc INTEGER,
  authored_offset INTEGER,
  committed_utc INTEGER,
  committed_offset INTEGER,
  message TEXT NOT NULL,
  parents BLOB NOT NULL CHECK (length(parents) % 20 = 0),
  additions INTEGER NOT NULL,
  deletions INTEGER NOT NULL,
  changed_files INTEGER NOT NULL,
  has_stats INTEGER NOT NULL CHECK (has_stats IN (0, 1)),
  has_files INTEGER NOT NULL CHECK (has_files IN (0, 1)),
  approximate_time INTEGER NOT NULL CHECK (approximate_time IN (0, 1)),
  source_ref TEXT NOT NULL
) STRICT;
CREATE INDEX commits_by_author ON commits(author, authored_utc);
CREATE INDEX commits_by_time ON commits(authored_utc);

CREATE TABLE commit_co_authors (
  commit_id INTEGER NOT NULL REFERENCES commits(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  identity INTEGER NOT NULL REFERENCES identities(id),
  PRIMARY KEY (commit_id, ord)
) STRICT, WITHOUT ROWID;

CREATE TABLE file_changes (
  commit_id INTEGER NOT NULL REFERENCES commits(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  path TEXT NOT NULL,
  old_path TEXT NOT NULL,
  additions INTEGER NOT NULL,
  deletions INTEGER NOT NULL,
  status INTEGER NOT NULL CHECK (status BETWEEN 0 AND 6),
  binary INTEGER NOT NULL CHECK (binary IN (0, 1)),
  PRIMARY KEY (commit_id, ord)
) STRICT, WITHOUT ROWID;

CREATE TABLE pull_requests (
  id INTEGER PRIMARY KEY,
  repo INTEGER NOT NULL REFERENCES repositories(id),
  number INTEGER NOT NULL,
  github_id INTEGER,
  author INTEGER REFERENCES identities(id),
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  state INTEGER NOT NULL CHECK (state BETWEEN 0 AND 2),
  draft INTEGER NOT NULL CHECK (draft IN (0, 1)),
  created_at INTEGER,
  updated_at INTEGER,
  ready_at INTEGER,
  merged_at INTEGER,
  closed_at INTEGER,
  merged_by INTEGER REFERENCES identities(id),
  additions INTEGER,
  deletions INTEGER,
  changed_files INTEGER,
  commits INTEGER,
  comments INTEGER,
  review_comments INTEGER,
  base_ref TEXT NOT NULL,
  head_ref TEXT NOT NULL,
  head_sha BLOB CHECK (length(head_sha) = 20),
  merge_commit_sha BLOB CHECK (length(merge_commit_sha) = 20),
  UNIQUE (repo, number)
) STRICT;
CREATE INDEX pull_requests_by_author ON pull_requests(author, created_at);

CREATE TABLE pr_labels (
  pr_id INTEGER NOT NULL REFERENCES pull_requests(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  label TEXT NOT NULL,
  PRIMARY KEY (pr_id, ord)
) STRICT, WITHOUT ROWID;

CREATE TABLE pr_requested_reviewers (
  pr_id INTEGER NOT NULL REFERENCES pull_requests(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  identity INTEGER NOT NULL REFERENCES identities(id),
  PRIMARY KEY (pr_id, ord)
) STRICT, WITHOUT ROWID;

CREATE TABLE pr_commits (
  pr_id INTEGER NOT NULL REFERENCES pull_requests(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  sha BLOB NOT NULL CHECK (length(sha) = 20),
  PRIMARY KEY (pr_id, ord)
) STRICT, WITHOUT ROWID;

CREATE TABLE reviews (
  id INTEGER PRIMARY KEY,
  github_id INTEGER NOT NULL UNIQUE,
  repo INTEGER REFERENCES repositories(id),
  pr_number INTEGER,
  reviewer INTEGER REFERENCES identities(id),
  state INTEGER NOT NULL CHECK (state BETWEEN 0 AND 4),
  submitted_at INTEGER,
  body TEXT NOT NULL,
  commit_sha BLOB CHECK (length(commit_sha) = 20)
) STRICT;
CREATE INDEX reviews_by_pr ON reviews(repo, pr_number);

CREATE TABLE comments (
  id INTEGER PRIMARY KEY,
  kind INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 1),
  github_id INTEGER NOT NULL,
  repo INTEGER REFERENCES repositories(id),
  pr_number INTEGER,
  author INTEGER REFERENCES identities(id),
  created_at INTEGER,
  updated_at INTEGER,
  body TEXT NOT NULL,
  review_id INTEGER,
  in_reply_to INTEGER,
  path TEXT NOT NULL,
  line INTEGER,
  UNIQUE (kind, github_id)
) STRICT;
CREATE INDEX comments_by_pr ON comments(repo, pr_number);

CREATE TABLE manifests (
  id INTEGER PRIMARY KEY,
  repo INTEGER NOT NULL REFERENCES repositories(id),
  path TEXT NOT NULL,
  commit_sha BLOB NOT NULL CHECK (length(commit_sha) = 20),
  at INTEGER,
  content TEXT NOT NULL,
  UNIQUE (repo, path, commit_sha)
) STRICT;

CREATE TABLE merge_rules (
  seq INTEGER PRIMARY KEY,
  a TEXT NOT NULL,
  b TEXT NOT NULL
) STRICT;

CREATE TABLE split_rules (
  seq INTEGER PRIMARY KEY,
  identity TEXT NOT NULL
) STRICT;

CREATE TABLE mailmap_entries (
  seq INTEGER PRIMARY KEY,
  proper_name TEXT NOT NULL,
  proper_email TEXT NOT NULL,
  commit_name TEXT NOT NULL,
  commit_email TEXT NOT NULL
) STRICT;

CREATE TABLE bot_rules (
  seq INTEGER PRIMARY KEY,
  pattern TEXT NOT NULL,
  is_bot INTEGER NOT NULL CHECK (is_bot IN (0, 1)),
  note TEXT NOT NULL
) STRICT;
)sql";

Status CreateSchemaV1(SqlDriver& driver) {
  return driver.Exec(kSchemaV1);
}

constexpr Migration kMigrations[] = {
    {"create the schema", &CreateSchemaV1},
};
static_assert(std::size(kMigrations) == Database::kSchemaVersion,
              "every schema version needs the migration step that reaches it");

}  // namespace

std::span<const Migration> Migrations() {
  return kMigrations;
}

}  // namespace loupe::storage
