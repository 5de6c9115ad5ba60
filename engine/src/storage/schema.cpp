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


// Version 2: settings and teams, snapshots, alert rules and alerts. docs/storage.md explains
// every table and column.
constexpr std::string_view kSchemaV2 = R"sql(
CREATE TABLE teams (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (name <> '')
) STRICT;

CREATE TABLE team_members (
  team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  identity TEXT NOT NULL,
  role INTEGER NOT NULL CHECK (role BETWEEN 0 AND 1),
  PRIMARY KEY (team_id, ord)
) STRICT, WITHOUT ROWID;

CREATE TABLE working_schedules (
  seq INTEGER PRIMARY KEY,
  identity TEXT NOT NULL UNIQUE,
  timezone TEXT NOT NULL,
  start_hour INTEGER NOT NULL CHECK (start_hour BETWEEN 0 AND 23),
  end_hour INTEGER NOT NULL CHECK (end_hour BETWEEN 0 AND 23),
  late_night_start_hour INTEGER NOT NULL CHECK (late_night_start_hour BETWEEN 0 AND 23),
  late_night_end_hour INTEGER NOT NULL CHECK (late_night_end_hour BETWEEN 0 AND 23),
  working_days INTEGER NOT NULL CHECK (working_days BETWEEN 1 AND 127),
  role TEXT NOT NULL,
  holidays TEXT NOT NULL CHECK (json_type(holidays) = 'array')
) STRICT;

CREATE TABLE insight_settings (
  seq INTEGER PRIMARY KEY,
  team_id INTEGER UNIQUE REFERENCES teams(id) ON DELETE CASCADE,
  timezone TEXT,
  start_hour INTEGER CHECK (start_hour BETWEEN 0 AND 23),
  end_hour INTEGER CHECK (end_hour BETWEEN 0 AND 23),
  late_night_start_hour INTEGER CHECK (late_night_start_hour BETWEEN 0 AND 23),
  late_night_end_hour INTEGER CHECK (late_night_end_hour BETWEEN 0 AND 23),
  velocity_weight REAL,
  efficiency_weight REAL,
  quality_weight REAL,
  sustainability_weight REAL,
  collaboration_weight REAL,
  bottleneck_multiplier REAL NOT NULL CHECK (bottleneck_multiplier > 0),
  auto_generate_snapshots INTEGER NOT NULL CHECK (auto_generate_snapshots IN (0, 1)),
  snapshot_frequency INTEGER NOT NULL CHECK (snapshot_frequency BETWEEN 0 AND 3),
  holidays TEXT NOT NULL CHECK (json_type(holidays) = 'array'),
  CHECK ((timezone IS NULL) = (start_hour IS NULL) AND (start_hour IS NULL) = (end_hour IS NULL)
         AND (end_hour IS NULL) = (late_night_start_hour IS NULL)
         AND (late_night_start_hour IS NULL) = (late_night_end_hour IS NULL)),
  CHECK ((velocity_weight IS NULL) = (efficiency_weight IS NULL)
         AND (efficiency_weight IS NULL) = (quality_weight IS NULL)
         AND (quality_weight IS NULL) = (sustainability_weight IS NULL)
         AND (sustainability_weight IS NULL) = (collaboration_weight IS NULL))
) STRICT;
CREATE UNIQUE INDEX insight_settings_one_workspace_row ON insight_settings(coalesce(team_id, -1));

CREATE TABLE developer_snapshots (
  id INTEGER PRIMARY KEY,
  developer INTEGER NOT NULL REFERENCES identities(id),
  period_type INTEGER NOT NULL CHECK (period_type BETWEEN 0 AND 4),
  period_start INTEGER NOT NULL,
  period_end INTEGER NOT NULL CHECK (period_end > period_start),
  profile INTEGER NOT NULL CHECK (profile BETWEEN 0 AND 1),
  computed_at INTEGER NOT NULL,
  data_version INTEGER NOT NULL,
  inputs_version INTEGER NOT NULL,
  velocity_commits_count INTEGER NOT NULL,
  velocity_prs_merged INTEGER NOT NULL,
  velocity_lines_added INTEGER NOT NULL,
  velocity_lines_removed INTEGER NOT NULL,
  velocity_net_lines INTEGER NOT NULL,
  velocity_commit_frequency REAL NOT NULL,
  velocity_pr_throughput REAL NOT NULL,
  velocity_avg_commit_size REAL NOT NULL,
  velocity_co_authored_count INTEGER NOT NULL,
  efficiency_avg_pr_cycle_time_hours REAL NOT NULL,
  efficiency_avg_time_to_first_review_hours REAL NOT NULL,
  efficiency_avg_pr_size REAL NOT NULL,
  efficiency_pr_merge_rate REAL NOT NULL,
  efficiency_first_commit_to_merge_hours REAL NOT NULL,
  efficiency_rework_ratio REAL NOT NULL,
  efficiency_prs_created INTEGER NOT NULL,
  quality_review_participation_rate REAL NOT NULL,
  quality_reviews_per_working_day REAL NOT NULL,
  quality_avg_review_depth REAL NOT NULL,
  quality_review_turnaround_hours REAL NOT NULL,
  quality_self_merge_rate REAL NOT NULL,
  sustainability_weekend_commit_ratio REAL NOT NULL,
  sustainability_late_night_commit_ratio REAL NOT NULL,
  sustainability_longest_streak_days INTEGER NOT NULL,
  sustainability_avg_daily_active_hours REAL NOT NULL,
  sustainability_focus_score REAL NOT NULL,
  collaboration_unique_collaborators INTEGER NOT NULL,
  collaboration_cross_team_pr_ratio REAL NOT NULL,
  collaboration_review_given_count INTEGER NOT NULL,
  collaboration_review_received_count INTEGER NOT NULL,
  collaboration_knowledge_sharing_score REAL NOT NULL,
  UNIQUE (developer, period_type, period_start)
) STRICT;
CREATE INDEX developer_snapshots_by_period ON developer_snapshots(period_type, period_start);

CREATE TABLE team_snapshots (
  id INTEGER PRIMARY KEY,
  team TEXT NOT NULL COLLATE NOCASE,
  period_type INTEGER NOT NULL CHECK (period_type BETWEEN 0 AND 4),
  period_start INTEGER NOT NULL,
  period_end INTEGER NOT NULL CHECK (period_end > period_start),
  profile INTEGER NOT NULL CHECK (profile BETWEEN 0 AND 1),
  computed_at INTEGER NOT NULL,
  data_version INTEGER NOT NULL,
  inputs_version INTEGER NOT NULL,
  member_count INTEGER NOT NULL,
  total_commits INTEGER NOT NULL,
  total_prs_merged INTEGER NOT NULL,
  total_lines_changed INTEGER NOT NULL,
  total_reviews INTEGER NOT NULL,
  avg_commits_per_member REAL NOT NULL,
  avg_prs_per_member REAL NOT NULL,
  distribution TEXT CHECK (distribution IS NULL OR json_valid(distribution)),
  UNIQUE (team, period_type, period_start)
) STRICT;

CREATE TABLE alert_rules (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (name <> ''),
  description TEXT NOT NULL,
  category INTEGER NOT NULL CHECK (category BETWEEN 0 AND 4),
  metric TEXT NOT NULL,
  operator INTEGER NOT NULL CHECK (operator BETWEEN 0 AND 5),
  threshold REAL NOT NULL,
  scope INTEGER NOT NULL CHECK (scope BETWEEN 0 AND 2),
  scope_ref TEXT NOT NULL,
  severity INTEGER NOT NULL CHECK (severity BETWEEN 0 AND 2),
  active INTEGER NOT NULL CHECK (active IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE alert_history (
  id INTEGER PRIMARY KEY,
  rule_id INTEGER NOT NULL REFERENCES alert_rules(id) ON DELETE CASCADE,
  developer INTEGER NOT NULL REFERENCES identities(id),
  status INTEGER NOT NULL CHECK (status BETWEEN 0 AND 2),
  severity INTEGER NOT NULL CHECK (severity BETWEEN 0 AND 2),
  metric_value REAL NOT NULL,
  threshold_value REAL NOT NULL,
  baseline_value REAL,
  message TEXT NOT NULL,
  window_start INTEGER NOT NULL,
  window_end INTEGER NOT NULL,
  triggered_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  acknowledged_by TEXT NOT NULL,
  acknowledged_at INTEGER,
  resolved_by TEXT NOT NULL,
  resolved_at INTEGER,
  auto_resolved INTEGER NOT NULL CHECK (auto_resolved IN (0, 1))
) STRICT;
CREATE UNIQUE INDEX alert_history_one_open ON alert_history(rule_id, developer) WHERE status <> 2;
CREATE INDEX alert_history_by_developer ON alert_history(developer);
)sql";

// Version 3: the sync_state key/value table (a synchroniser's cursors and ETags).
constexpr std::string_view kSchemaV3 = R"sql(
CREATE TABLE sync_state (
  key TEXT PRIMARY KEY CHECK (key <> ''),
  value TEXT NOT NULL CHECK (json_valid(value)),
  updated_at INTEGER
) STRICT, WITHOUT ROWID;
)sql";

// Version 4: analysis results (intelligence and analytics) cached with the versions of the data
// and inputs they read; a row whose versions differ from the workspace's is stale.
constexpr std::string_view kSchemaV4 = R"sql(
CREATE TABLE analysis_cache (
  key TEXT PRIMARY KEY CHECK (key <> ''),
  data_version INTEGER NOT NULL,
  inputs_version INTEGER NOT NULL,
  computed_at INTEGER NOT NULL,
  result TEXT NOT NULL CHECK (json_valid(result))
) STRICT, WITHOUT ROWID;
)sql";

// Version 5: each user's dashboard preferences, one JSON document per user (docs/storage.md says
// why a document and not rows).
constexpr std::string_view kSchemaV5 = R"sql(
CREATE TABLE dashboard_preferences (
  user TEXT PRIMARY KEY CHECK (user <> ''),
  preferences TEXT NOT NULL CHECK (json_valid(preferences) AND json_type(preferences) = 'object'),
  updated_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
)sql";

Status CreateSchemaV1(SqlDriver& driver) {
  return driver.Exec(kSchemaV1);
}

Status AddSettingsSnapshotsAlerts(SqlDriver& driver) {
  return driver.Exec(kSchemaV2);
}

Status AddSyncState(SqlDriver& driver) {
  return driver.Exec(kSchemaV3);
}

Status AddAnalysisCache(SqlDriver& driver) {
  return driver.Exec(kSchemaV4);
}

Status AddDashboardPreferences(SqlDriver& driver) {
  return driver.Exec(kSchemaV5);
}

constexpr Migration kMigrations[] = {
    {"create the schema", &CreateSchemaV1},
    {"add settings, teams, snapshots and alerts", &AddSettingsSnapshotsAlerts},
    {"add the sync state", &AddSyncState},
    {"add the analysis cache", &AddAnalysisCache},
    {"add the dashboard preferences", &AddDashboardPreferences},
};
static_assert(std::size(kMigrations) == Database::kSchemaVersion,
              "every schema version needs the migration step that reaches it");

}  // namespace

std::span<const Migration> Migrations() {
  return kMigrations;
}

}  // namespace loupe::storage
